package io.pmoflow.bench;

import static io.pmoflow.api.HttpSupport.requestVariables;

import static io.pmoflow.bench.BenchSupport.cell;
import static io.pmoflow.bench.BenchSupport.fmt;
import static io.pmoflow.bench.BenchSupport.round;
import static io.pmoflow.bench.BenchSupport.spread;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Issue #7, item 3: REST latency of PMO Flow against the bare Camunda engine, through the real HTTP stack, in the
 * same run. Starts both applications, each in its own JVM with the same flags and on a database of its own (H2
 * file, PostgreSQL), and drives each figure with {@code --clients} closed-loop clients ({@code java.net.http},
 * HTTP/1.1 keep-alive), {@code --warmup} seconds untimed then {@code --duration} seconds measured:
 *
 * <ul>
 *   <li>{@code bare-start}: {@code POST /engine-rest/process-definition/key/bareProcess/start} (start → no-op
 *       service task → end, no variables) as a plain user — the baseline;</li>
 *   <li>{@code bare-start-vars}: the same with PMO Flow's twelve intake variables (diagnostic: what the variables
 *       alone cost the engine);</li>
 *   <li>{@code pmo-start}: {@code POST /engine-rest/process-definition/key/projectIntake/start} with a valid intake
 *       request as {@code rae.requester};</li>
 *   <li>{@code pmo-claim}: claiming the screening tasks for the next figure as {@code pat.pmo} (timed on its own,
 *       not part of any ratio);</li>
 *   <li>{@code pmo-submit}: {@code POST /engine-rest/task/{id}/submit-form} approving a claimed screening task as
 *       {@code pat.pmo}; the asynchronous continuation (project approval, lifecycle start) runs on PMO Flow's job
 *       executor during the measurement, as in production, and is drained before the next figure.</li>
 * </ul>
 *
 * <p>{@code --runs} runs, the order of the two applications alternating. Per figure: throughput, p50/p95/p99, and
 * the application's CPU time per call (from {@code /proc}, less sensitive to other load on a shared machine);
 * ratios PMO Flow / bare start per run, then median and spread. Writes {@code --out-json} and {@code --out-md}.
 * Not a test: run through {@code bench/run-rest-footprint.sh}.
 */
public final class RestLatencyBenchmark {

  static final String PMO_START = "pmo-start";
  static final String PMO_CLAIM = "pmo-claim";
  static final String PMO_SUBMIT = "pmo-submit";
  static final String BARE_START = "bare-start";
  static final String BARE_START_VARS = "bare-start-vars";
  static final List<String> FIGURES = List.of(BARE_START, BARE_START_VARS, PMO_START, PMO_CLAIM, PMO_SUBMIT);
  static final Map<String, String> WHAT = Map.of(
      BARE_START, "bare engine: REST start of bareProcess, no variables (baseline)",
      BARE_START_VARS, "bare engine: REST start of bareProcess with PMO Flow's 12 intake variables (diagnostic)",
      PMO_START, "PMO Flow: `POST …/projectIntake/start`, valid request as rae.requester",
      PMO_CLAIM, "PMO Flow: claim of a screening task as pat.pmo (preparation, timed on its own)",
      PMO_SUBMIT, "PMO Flow: `POST /engine-rest/task/{id}/submit-form` APPROVED as pat.pmo");
  static final double TARGET_P99_RATIO = 2.0;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final int clients;
  private final int warmupCalls;
  private final int maxWarmupSeconds = 120;
  private final int warmup;
  private final int duration;
  private final AtomicLong requestNumber = new AtomicLong();

  private RestLatencyBenchmark(int clients, int warmupCalls, int warmup, int duration) {
    this.clients = clients;
    this.warmupCalls = warmupCalls;
    this.warmup = warmup;
    this.duration = duration;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = Options.parse(args);
    if (BenchSupport.rendered(options, RestLatencyBenchmark::markdown)) {
      return;
    }
    Apps.Launch launch = Apps.Launch.from(options);
    int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
    RestLatencyBenchmark bench = new RestLatencyBenchmark(Integer.parseInt(options.getOrDefault("clients", "8")),
        Integer.parseInt(options.getOrDefault("warmup-calls", "300")),
        Integer.parseInt(options.getOrDefault("warmup", "10")), Integer.parseInt(options.getOrDefault("duration", "30")));
    Path jsonOut = Path.of(options.getOrDefault("out-json", "bench/results/rest-latency.json"));
    Path mdOut = Path.of(options.getOrDefault("out-md", "bench/results/rest-latency.md"));

    Map<String, Object> result = BenchSupport.result("rest-latency", "#7 item 3",
        options.getOrDefault("command", "RestLatencyBenchmark " + String.join(" ", args)));
    BenchSupport.Databases dbs = launch.dbs();
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("clients", bench.clients);
    settings.put("warmupSeconds", bench.warmup);
    settings.put("minWarmupCalls", bench.warmupCalls);
    settings.put("maxWarmupSeconds", bench.maxWarmupSeconds);
    settings.put("measuredSeconds", bench.duration);
    settings.put("runs", runs);
    launch.describe(settings);
    settings.put("launch", "java <jvmFlags> -cp <classpath> <main> (exploded classes, no fat jar), both apps running "
        + "side by side during the whole run");
    result.put("settings", settings);
    Map<String, Object> databases = new LinkedHashMap<>();
    result.put("databases", databases);

    for (String kind : launch.kinds()) {
      String pmoDb = kind.equals("h2") ? "rest-pmo" : "pmo_bench_rest";
      String bareDb = kind.equals("h2") ? "rest-bare" : "pmo_bench_bare";
      String pmoUrl = dbs.create(kind, pmoDb);
      String bareUrl = dbs.create(kind, bareDb);
      Path logs = dbs.workDir().resolve("logs");
      System.out.printf("%n== REST latency on %s ==%n", kind);
      AppProcess pmo = AppProcess.launch(launch.pmo(kind, pmoUrl),
          BenchSupport.freePort(), logs.resolve("rest-pmo-" + kind + ".log"));
      AppProcess bare = null;
      try {
        System.out.printf("PMO Flow ready after %.1f s (pid %d)%n", pmo.awaitReady(Duration.ofMinutes(10), 200),
            pmo.pid());
        bare = AppProcess.launch(launch.bare(kind, bareUrl),
            BenchSupport.freePort(), logs.resolve("rest-bare-" + kind + ".log"));
        System.out.printf("bare engine ready after %.1f s (pid %d)%n", bare.awaitReady(Duration.ofMinutes(10), 200),
            bare.pid());
        Map<String, Object> db = bench.runDatabase(kind, pmo, bare, runs);
        db.put("databaseUrls", Map.of("pmo", pmoUrl, "bare", bareUrl));
        databases.put(kind, db);
      } finally {
        pmo.close();
        if (bare != null) {
          bare.close();
        }
        if (!launch.keepDatabases()) {
          dbs.drop(kind, pmoDb);
          dbs.drop(kind, bareDb);
        }
      }
      result.put("finished", BenchSupport.now());
      BenchSupport.writeJson(jsonOut, result);
      Files.writeString(mdOut, markdown(result));
      System.out.println("written: " + jsonOut + ", " + mdOut);
    }
  }

  // --- one database ---

  private Map<String, Object> runDatabase(String kind, AppProcess pmo, AppProcess bare, int runs) throws Exception {
    Users users = new Users(Apps.pmoAdminPassword(kind));
    Target pmoTarget = new Target(pmo.base());
    Target bareTarget = new Target(bare.base());
    String bareStartBody = "{}";
    String bareStartVarsBody = BenchSupport.JSON.writeValueAsString(Map.of("variables", requestVariables("Bare")));
    // smoke: each call works once before anything is timed
    expect(send(bareTarget.post("/engine-rest/process-definition/key/bareProcess/start", users.bare, bareStartBody)),
        200);
    expect(send(pmoTarget.post("/engine-rest/process-definition/key/projectIntake/start", users.requester,
        intakeBody())), 200);

    List<Map<String, Object>> runResults = new ArrayList<>();
    double submitRateEstimate = 0;
    for (int run = 1; run <= runs; run++) {
      System.out.printf("-- %s run %d/%d --%n", kind, run, runs);
      Map<String, Object> phases = new LinkedHashMap<>();
      Runnable bareBlock = () -> {
        phases.put(BARE_START, phase(BARE_START, bare, warmup, duration, () -> bareTarget.post(
            "/engine-rest/process-definition/key/bareProcess/start", users.bare, bareStartBody), 200));
        phases.put(BARE_START_VARS, phase(BARE_START_VARS, bare, warmup, duration, () -> bareTarget.post(
            "/engine-rest/process-definition/key/bareProcess/start", users.bare, bareStartVarsBody), 200));
      };
      double estimate = submitRateEstimate;
      Map<String, Object>[] submitHolder = new Map[1];
      Runnable pmoBlock = () -> {
        Map<String, Object> start = phase(PMO_START, pmo, warmup, duration, () -> pmoTarget.post(
            "/engine-rest/process-definition/key/projectIntake/start", users.requester, intakeBody()), 200);
        phases.put(PMO_START, start);
        double rate = estimate > 0 ? estimate : 1.5 * ((Number) start.get("throughput")).doubleValue();
        // the warm-up takes at least warmupCalls tasks
        int needed = (int) Math.ceil(Math.max(rate * warmup, warmupCalls) + rate * duration * 1.25) + clients;
        Queue<String> claimed = prepareScreeningTasks(pmo, pmoTarget, users, needed, phases);
        Map<String, Object> submit = phase(PMO_SUBMIT, pmo, warmup, duration, () -> {
          String id = claimed.poll();
          return id == null ? null : pmoTarget.post("/engine-rest/task/" + id + "/submit-form", users.pmo,
              "{\"variables\":{\"decision\":{\"value\":\"APPROVED\",\"type\":\"String\"},"
                  + "\"decisionComment\":{\"value\":\"Fits the portfolio\",\"type\":\"String\"}}}");
        }, 204);
        phases.put(PMO_SUBMIT, submit);
        submitHolder[0] = submit;
        submit.put("jobDrainSeconds", round(drainJobs(pmoTarget, users)));
      };
      if (run % 2 == 1) {
        bareBlock.run();
        pmoBlock.run();
      } else {
        pmoBlock.run();
        bareBlock.run();
      }
      Map<String, Object> submit = submitHolder[0];
      double submitRate = ((Number) submit.get("throughput")).doubleValue();
      submitRateEstimate = Boolean.TRUE.equals(submit.get("poolExhausted")) ? submitRate * 2 : submitRate * 1.3;
      Map<String, Object> runResult = new LinkedHashMap<>();
      runResult.put("run", run);
      runResult.put("order", run % 2 == 1 ? "bare first" : "PMO Flow first");
      runResult.put("phases", phases);
      runResult.put("ratios", ratios(phases));
      runResults.add(runResult);
    }
    Map<String, Object> db = new LinkedHashMap<>();
    db.put("runs", runResults);
    db.put("summary", summary(runResults));
    db.put("incidentsAfterRun", count(pmoTarget, users.admin, "/engine-rest/incident/count"));
    db.put("pmoRssMiBAfterRun", round(pmo.rssMiB()));
    db.put("bareRssMiBAfterRun", round(bare.rssMiB()));
    return db;
  }

  /**
   * Lists {@code needed} unassigned screening tasks (starting more intake requests, untimed, if there are too few)
   * and claims them as pat.pmo with the same clients (figure {@code pmo-claim}); returns the claimed ids.
   */
  private Queue<String> prepareScreeningTasks(AppProcess pmo, Target target, Users users, int needed,
      Map<String, Object> phases) {
    List<String> ids = unassignedScreeningTasks(target, users, needed);
    if (ids.size() < needed) {
      AtomicLong missing = new AtomicLong(needed - ids.size());
      System.out.printf("   starting %d more intake requests for the task pool (untimed)%n", missing.get());
      phase("pool-top-up", pmo, 0, 3600, () -> missing.getAndDecrement() > 0 ? target.post(
          "/engine-rest/process-definition/key/projectIntake/start", users.requester, intakeBody()) : null, 200);
      ids = unassignedScreeningTasks(target, users, needed);
    }
    Queue<String> toClaim = new ConcurrentLinkedQueue<>(ids);
    Queue<String> claimed = new ConcurrentLinkedQueue<>();
    phases.put(PMO_CLAIM, phase(PMO_CLAIM, pmo, 0, 3600, () -> {
      String id = toClaim.poll();
      if (id == null) {
        return null;
      }
      claimed.add(id);
      return target.post("/engine-rest/task/" + id + "/claim", users.pmo, "{\"userId\":\"pat.pmo\"}");
    }, 204));
    return claimed;
  }

  private List<String> unassignedScreeningTasks(Target target, Users users, int needed) {
    List<String> ids = new ArrayList<>();
    while (ids.size() < needed) {
      JsonNode page = json(send(target.get("/engine-rest/task?processDefinitionKey=projectIntake"
          + "&taskDefinitionKey=Task_ScreenRequest&unassigned=true&sortBy=created&sortOrder=asc&firstResult="
          + ids.size() + "&maxResults=" + Math.min(1000, needed - ids.size()), users.admin)));
      if (page.isEmpty()) {
        break;
      }
      page.forEach(task -> ids.add(task.get("id").asText()));
    }
    return ids;
  }

  /** Waits until PMO Flow's job executor has no executable job left; returns the seconds it took. */
  private double drainJobs(Target target, Users users) {
    long start = System.nanoTime();
    long deadline = start + Duration.ofMinutes(15).toNanos();
    while (count(target, users.admin, "/engine-rest/job/count?executable=true") > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("PMO Flow's jobs did not drain in 15 minutes");
      }
      sleep(1000);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("   jobs drained after %.1f s%n", seconds);
    return seconds;
  }

  private long count(Target target, String user, String path) {
    return json(send(target.get(path, user))).get("count").asLong();
  }

  // --- one figure ---

  /**
   * {@code clients} threads send requests from {@code next} back to back (closed loop) for {@code warmupSeconds},
   * untimed, then for {@code measuredSeconds}, timed; {@code next} returning null (pool empty) ends the figure early.
   */
  private Map<String, Object> phase(String name, AppProcess app, int warmupSeconds, int measuredSeconds,
      Supplier<HttpRequest> next, int expectedStatus) {
    long t0 = System.nanoTime();
    long warmupNanos = warmupSeconds * 1_000_000_000L;
    long measuredNanos = measuredSeconds * 1_000_000_000L;
    // the warm-up ends after warmupSeconds and at least warmupCalls calls (a busy machine answers slowly), at the
    // latest after maxWarmupSeconds
    int minCalls = warmupSeconds > 0 ? warmupCalls : 0;
    AtomicLong measureStart = new AtomicLong(minCalls == 0 ? t0 + warmupNanos : Long.MAX_VALUE);
    AtomicLong warmupDone = new AtomicLong();
    AtomicLong exhaustedAt = new AtomicLong(Long.MAX_VALUE);
    AtomicLong errors = new AtomicLong();
    List<String> firstErrors = new java.util.concurrent.CopyOnWriteArrayList<>();
    long[][] latencies = new long[clients][];
    int[] counts = new int[clients];
    double[] cpuAtStart = new double[1];
    List<double[]> loadSamples = new java.util.concurrent.CopyOnWriteArrayList<>();
    Thread sampler = start("load-sampler", () -> {
      while (measureStart.get() > System.nanoTime()) {
        if (System.nanoTime() - t0 > maxWarmupSeconds * 1_000_000_000L) {
          measureStart.compareAndSet(Long.MAX_VALUE, System.nanoTime());
        }
        if (!sleep(20)) {
          return;
        }
      }
      cpuAtStart[0] = app.cpuSeconds();
      while (!Thread.currentThread().isInterrupted() && System.nanoTime() < plus(measureStart.get(), measuredNanos)) {
        loadSamples.add(BenchSupport.loadAverage());
        if (!sleep(2000)) {
          return;
        }
      }
    });
    List<Thread> workers = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      latencies[c] = new long[1024];
      workers.add(start("client-" + c, () -> {
        while (true) {
          long begin = System.nanoTime();
          if (begin >= plus(measureStart.get(), measuredNanos) || begin >= exhaustedAt.get()) {
            return;
          }
          HttpRequest request = next.get();
          if (request == null) {
            exhaustedAt.accumulateAndGet(begin, Math::min);
            return;
          }
          begin = System.nanoTime();
          int status;
          String body;
          try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            body = response.body();
          } catch (IOException e) {
            status = -1;
            body = e.toString();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
          if (warmupDone.incrementAndGet() >= minCalls && System.nanoTime() >= t0 + warmupNanos) {
            measureStart.compareAndSet(Long.MAX_VALUE, System.nanoTime());
          }
          long took = System.nanoTime() - begin;
          if (status != expectedStatus) {
            errors.incrementAndGet();
            if (firstErrors.size() < 3) {
              firstErrors.add(status + " " + body.substring(0, Math.min(300, body.length())));
            }
          } else if (begin >= measureStart.get()) {
            if (counts[client] == latencies[client].length) {
              latencies[client] = Arrays.copyOf(latencies[client], counts[client] * 2);
            }
            latencies[client][counts[client]++] = took;
          }
        }
      }));
    }
    for (Thread worker : workers) {
      try {
        worker.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    long measureBegin = measureStart.get();
    long end = measureBegin == Long.MAX_VALUE ? Long.MAX_VALUE : measureBegin + measuredNanos;
    long measuredEnd = Math.min(System.nanoTime(), Math.min(end, exhaustedAt.get()));
    sampler.interrupt();
    double cpu = app.cpuSeconds() - cpuAtStart[0];
    long[] all = new long[Arrays.stream(counts).sum()];
    int offset = 0;
    for (int c = 0; c < clients; c++) {
      System.arraycopy(latencies[c], 0, all, offset, counts[c]);
      offset += counts[c];
    }
    Arrays.sort(all);
    double seconds = Math.max(1e-9, (measuredEnd - measureBegin) / 1e9);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("requests", all.length);
    r.put("errors", errors.get());
    if (!firstErrors.isEmpty()) {
      r.put("firstErrors", firstErrors);
    }
    r.put("warmupCalls", all.length == 0 ? warmupDone.get() : warmupDone.get() - all.length - errors.get());
    r.put("warmupSeconds", round(measureBegin == Long.MAX_VALUE ? Double.NaN : (measureBegin - t0) / 1e9));
    r.put("measuredSeconds", round(seconds));
    r.put("poolExhausted", exhaustedAt.get() < end);
    r.put("throughput", round(all.length / seconds));
    if (all.length > 0) {
      r.put("meanMs", round(Arrays.stream(all).average().orElse(0) / 1e6));
      for (int p : new int[] {50, 90, 95, 99}) {
        r.put("p" + p + "Ms", round(PortfolioBenchmark.percentile(all, p) / 1e6));
      }
      r.put("p999Ms", round(all[Math.max(0, (int) Math.ceil(0.999 * all.length) - 1)] / 1e6));
      r.put("maxMs", round(all[all.length - 1] / 1e6));
      r.put("appCpuMsPerCall", round(cpu * 1000 / all.length));
    }
    r.put("load1Mean", round(loadSamples.stream().mapToDouble(l -> l[0]).average().orElse(Double.NaN)));
    r.put("load1Max", round(loadSamples.stream().mapToDouble(l -> l[0]).max().orElse(Double.NaN)));
    System.out.printf("   %-16s %6d calls %7.1f/s  p50 %7.1f  p95 %7.1f  p99 %7.1f ms  cpu %5.1f ms/call  load %.1f"
            + "%s%s%n", name, all.length, all.length / seconds, r.getOrDefault("p50Ms", Double.NaN),
        r.getOrDefault("p95Ms", Double.NaN), r.getOrDefault("p99Ms", Double.NaN),
        r.getOrDefault("appCpuMsPerCall", Double.NaN), r.get("load1Mean"),
        errors.get() > 0 ? "  ERRORS " + errors.get() + " " + firstErrors : "",
        exhaustedAt.get() < end && measuredSeconds < 3600 ? "  (pool exhausted)" : "");
    long total = all.length + errors.get();
    if (errors.get() > 0 && errors.get() * 100 > total) {
      throw new IllegalStateException(name + ": " + errors.get() + " of " + total + " calls failed: " + firstErrors);
    }
    if (all.length == 0 && measuredSeconds < 3600) {
      throw new IllegalStateException(name + ": nothing measured");
    }
    return r;
  }

  // --- ratios and summary ---

  private static Map<String, Object> ratios(Map<String, Object> phases) {
    Map<String, Object> ratios = new LinkedHashMap<>();
    for (String figure : List.of(PMO_START, PMO_SUBMIT, BARE_START_VARS)) {
      Map<String, Object> ratio = new LinkedHashMap<>();
      Map<?, ?> p = (Map<?, ?>) phases.get(figure);
      Map<?, ?> b = (Map<?, ?>) phases.get(BARE_START);
      for (String key : List.of("p50Ms", "p95Ms", "p99Ms", "appCpuMsPerCall")) {
        ratio.put(key, round((double) p.get(key) / (double) b.get(key)));
      }
      ratio.put("throughput", round(((Number) p.get("throughput")).doubleValue() / ((Number) b.get("throughput")).doubleValue()));
      ratios.put(figure + "/" + BARE_START, ratio);
    }
    return ratios;
  }

  private static Map<String, Object> summary(List<Map<String, Object>> runs) {
    Map<String, Object> summary = new LinkedHashMap<>();
    Map<String, Object> figures = new LinkedHashMap<>();
    for (String figure : FIGURES) {
      Map<String, Object> f = new LinkedHashMap<>();
      for (String key : List.of("throughput", "p50Ms", "p95Ms", "p99Ms", "appCpuMsPerCall", "load1Mean")) {
        f.put(key, spread(values(runs, "phases", figure, key)));
      }
      figures.put(figure, f);
    }
    summary.put("figures", figures);
    Map<String, Object> ratios = new LinkedHashMap<>();
    for (String ratio : List.of(PMO_START, PMO_SUBMIT, BARE_START_VARS)) {
      String name = ratio + "/" + BARE_START;
      Map<String, Object> r = new LinkedHashMap<>();
      for (String key : List.of("p50Ms", "p95Ms", "p99Ms", "throughput", "appCpuMsPerCall")) {
        r.put(key, spread(values(runs, "ratios", name, key)));
      }
      if (!ratio.equals(BARE_START_VARS)) {
        r.put("targetP99Ratio", TARGET_P99_RATIO);
        r.put("met", BenchSupport.median(values(runs, "ratios", name, "p99Ms")) <= TARGET_P99_RATIO);
      }
      ratios.put(name, r);
    }
    summary.put("ratios", ratios);
    return summary;
  }

  private static List<Double> values(List<Map<String, Object>> runs, String section, String name, String key) {
    List<Double> values = new ArrayList<>();
    for (Map<String, Object> run : runs) {
      Object value = ((Map<?, ?>) ((Map<?, ?>) run.get(section)).get(name)).get(key);
      if (value instanceof Number n) {
        values.add(n.doubleValue());
      }
    }
    return values;
  }

  // --- Markdown ---

  @SuppressWarnings("unchecked")
  static String markdown(Map<String, Object> result) {
    Map<String, Object> settings = (Map<String, Object>) result.get("settings");
    StringBuilder md = new StringBuilder();
    BenchSupport.markdownHead(md, "REST latency: PMO Flow against the bare Camunda engine (issue #7, item 3)", result);
    md.append(fmt("- **Load:** %s closed-loop clients (java.net.http, HTTP/1.1 keep-alive), %s s warm-up then %s s "
            + "measured per figure, %s runs; latency = request sent → whole response read. Each application in its own "
            + "JVM (`java %s -cp …`, exploded classes), both running throughout; the order alternates per run (odd: "
            + "bare engine first). PMO Flow's job executor runs the asynchronous continuations of submit-form during "
            + "its measurement and is drained before the next figure.%n",
        settings.get("clients"), settings.get("warmupSeconds"), settings.get("measuredSeconds"), settings.get("runs"),
        String.join(" ", (List<String>) settings.get("jvmFlags"))));
    BenchSupport.markdownExtraArguments(md, settings);
    md.append("- Cells: median of the runs (min–max). *CPU ms/call*: the application process's CPU time (all "
        + "threads, from /proc) during the measured period ÷ calls — the cost that survives a busy machine.\n");
    Map<String, Object> databases = (Map<String, Object>) result.get("databases");
    for (Map.Entry<String, Object> entry : databases.entrySet()) {
      Map<String, Object> db = (Map<String, Object>) entry.getValue();
      Map<String, Object> summary = (Map<String, Object>) db.get("summary");
      Map<String, Object> figures = (Map<String, Object>) summary.get("figures");
      md.append(BenchSupport.markdownDatabaseHeading(entry.getKey()));
      md.append("| figure | what | calls/s | p50 ms | p95 ms | p99 ms | CPU ms/call | load (1 min) |\n");
      md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
      for (String figure : FIGURES) {
        Map<String, Object> f = (Map<String, Object>) figures.get(figure);
        md.append(fmt("| %s | %s | %s | %s | %s | %s | %s | %s |%n", figure, WHAT.get(figure),
            mdCell(f, "throughput", 1), mdCell(f, "p50Ms", 1), mdCell(f, "p95Ms", 1), mdCell(f, "p99Ms", 1),
            mdCell(f, "appCpuMsPerCall", 1), mdCell(f, "load1Mean", 1)));
      }
      md.append("\nRatios, PMO Flow ÷ bare start in the same run (median of the per-run ratios, min–max); throughput "
          + "as PMO Flow ÷ bare (below 1 = slower):\n\n");
      md.append("| ratio | p50 | p95 | p99 (target ≤ 2) | throughput | CPU per call | p99 target |\n");
      md.append("| --- | ---: | ---: | ---: | ---: | ---: | --- |\n");
      Map<String, Object> ratios = (Map<String, Object>) summary.get("ratios");
      for (Map.Entry<String, Object> r : ratios.entrySet()) {
        Map<String, Object> v = (Map<String, Object>) r.getValue();
        md.append(fmt("| %s | %s | %s | %s | %s | %s | %s |%n", r.getKey(), mdCell(v, "p50Ms", 2),
            mdCell(v, "p95Ms", 2), mdCell(v, "p99Ms", 2), mdCell(v, "throughput", 2), mdCell(v, "appCpuMsPerCall", 2),
            v.containsKey("met") ? ((boolean) v.get("met") ? "met" : "**missed**") : "(diagnostic)"));
      }
      md.append("\nOn a saturated machine p99 mostly measures the run queue (it inflates the baseline's tail and so "
          + "compresses the p99 ratio): read it together with p50 and CPU per call, and with the load column.\n");
      md.append(fmt("%nIncidents after the run: %s. Resident memory after the run: PMO Flow %.0f MiB, bare %.0f MiB.%n",
          db.get("incidentsAfterRun"), ((Number) db.get("pmoRssMiBAfterRun")).doubleValue(), ((Number) db.get("bareRssMiBAfterRun")).doubleValue()));
    }
    return md.toString();
  }

  @SuppressWarnings("unchecked")
  private static String mdCell(Map<String, Object> f, String key, int decimals) {
    Map<String, Object> s = (Map<String, Object>) f.get(key);
    return cell(((List<Number>) s.get("values")).stream().map(Number::doubleValue).toList(), decimals);
  }

  // --- HTTP ---

  private record Users(String bare, String requester, String pmo, String admin) {
    Users(String pmoAdminPassword) {
      this(basic("benchuser", "demo"), basic("rae.requester", "demo"), basic("pat.pmo", "demo"),
          basic("admin", pmoAdminPassword));
    }
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private record Target(String base) {
    HttpRequest post(String path, String auth, String body) {
      return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
          .header("Authorization", auth).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    HttpRequest get(String path, String auth) {
      return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
          .header("Authorization", auth).GET().build();
    }
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(request.uri() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": "
          + response.body());
    }
    return response;
  }

  private static JsonNode json(HttpResponse<String> response) {
    expect(response, 200);
    try {
      return BenchSupport.JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A valid intake request (CONTRACT §3), as the HTTP tests send it; each with its own project name. */
  private String intakeBody() {
    try {
      return BenchSupport.JSON.writeValueAsString(Map.of("variables",
          requestVariables("Bench request " + requestNumber.incrementAndGet())));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }


  /** a + b, saturating at Long.MAX_VALUE (a "not yet" start time). */
  private static long plus(long a, long b) {
    return a == Long.MAX_VALUE ? Long.MAX_VALUE : a + b;
  }

  private static Thread start(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static boolean sleep(long millis) {
    try {
      Thread.sleep(millis);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void sleepUntil(long nanoTime) {
    long wait = nanoTime - System.nanoTime();
    if (wait > 0) {
      sleep(wait / 1_000_000);
    }
  }
}
