package io.pmoflow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.zaxxer.hikari.HikariDataSource;
import io.pmoflow.PmoFlowApplication;
import io.pmoflow.process.intake.IntakeProcess;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import io.pmoflow.process.StatementCounter;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Lifecycle throughput (issue #7, item 1): full happy-path lifecycles — intake to CLOSED, every user task completed
 * through the Java API with the journeys' form data, every async job executed — per second, PMO Flow against the
 * {@link BaselineEngine} (the same BPMN shapes with no-op delegates, no DMN, no store writes), both in this JVM,
 * on the same kind of database, measured in alternating order, with 1 and 2 threads (each thread plays its own
 * projects one after another). Not a test: run through {@code bench/run.sh} or {@code mvn -Pbench}.
 *
 * <pre>
 * --db h2|postgres  --pmo-url jdbc:...  --baseline-url jdbc:...  [--user postgres]
 * --threads 1,2  --lifecycles 40 (per run)  --runs 5  --warmup 10  --out bench/results/lifecycle-h2.json
 * --count true    (no timing: one lifecycle per engine, its SQL statements counted)
 * --profile true  (no timing: --lifecycles, 30 unless given, per engine under JFR, where the CPU goes; start the
 *                  JVM with -XX:FlightRecorderOptions:stackdepth=1024)
 * </pre>
 */
public final class LifecycleBenchmark {

  private LifecycleBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = Options.parse(args);
    String db = Options.required(options, "db");
    String pmoUrl = Options.required(options, "pmo-url");
    String baselineUrl = Options.required(options, "baseline-url");
    String user = options.getOrDefault("user", pmoUrl.startsWith("jdbc:h2") ? "sa" : "postgres");
    List<Integer> threadCounts = Arrays.stream(options.getOrDefault("threads", "1,2").split(","))
        .map(String::strip).map(Integer::valueOf).toList();
    boolean profile = Boolean.parseBoolean(options.getOrDefault("profile", "false"));
    int lifecycles = Integer.parseInt(options.getOrDefault("lifecycles", profile ? "30" : "40"));
    int runs = Integer.parseInt(options.getOrDefault("runs", "5"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "10"));
    Path out = Path.of(options.getOrDefault("out", "target/bench/lifecycle-" + db + ".json"));

    // --count true: no timing; one lifecycle on each engine with every SQL statement counted (datasource-proxy
    // wrapped around both pools), to explain the throughput ratio
    boolean count = Boolean.parseBoolean(options.getOrDefault("count", "false"));
    StatementCounter counter = new StatementCounter();
    SpringApplication application = new SpringApplication(PmoFlowApplication.class);
    if (count) {
      application.addInitializers(context -> context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
          return bean instanceof HikariDataSource pool ? counter.wrap(pool) : bean;
        }
      }));
    }
    ConfigurableApplicationContext app = BenchApp.start(application, pmoUrl, options);
    try {
      ProcessEngine pmo = app.getBean(ProcessEngine.class);
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      // the baseline gets PMO Flow's pool size (when counting, the pool hides behind the counter: its default)
      int poolSize = app.getBeanProvider(HikariDataSource.class).stream().findFirst()
          .map(HikariDataSource::getMaximumPoolSize).orElse(10);
      Map<Object, Object> settings = new LinkedHashMap<>();
      for (String bean : List.of("intakeSettings", "monitoringSettings", "lifecycleSettings", "portfolioSettings")) {
        settings.put(bean, app.getBean(bean));
      }
      try (HikariDataSource baselinePool = BaselineEngine.pool(baselineUrl, user, poolSize)) {
        ProcessEngine baseline = BaselineEngine.build("baseline", count ? counter.wrap(baselinePool) : baselinePool,
            settings, Path.of("processes"),
            Path.of("forms"));
        AtomicInteger baseKeys = new AtomicInteger();
        Map<String, LifecycleDriver> drivers = new LinkedHashMap<>();
        drivers.put("pmo-flow", new LifecycleDriver(pmo,
            (engine, request) -> engine.getRuntimeService().startProcessInstanceByKey(IntakeProcess.KEY, request),
            key -> jdbc.sql("select id from pmo_milestone where project_key = :k order by position")
                .param("k", key).query(Long.class).list()));
        drivers.put("baseline", new LifecycleDriver(baseline,
            (engine, request) -> engine.getRuntimeService().startProcessInstanceByKey(IntakeProcess.KEY,
                "BASE-" + baseKeys.incrementAndGet(), request),
            key -> List.of(1L, 2L)));

        if (count) {
          countStatements(drivers, counter, warmup, Integer.parseInt(options.getOrDefault("timed", "10")), out);
          baseline.close();
          return;
        }
        if (profile) {
          profile(drivers, warmup, lifecycles, db, out, args);
          baseline.close();
          return;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("benchmark", "lifecycle-throughput");
        result.put("database", db);
        result.put("machine", Machine.describe());
        result.put("lifecyclesPerRun", lifecycles);
        result.put("runs", runs);
        result.put("transactionsPerLifecycle", warm(drivers, warmup));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int threads : threadCounts) {
          Map<String, List<Double>> perSecond = new LinkedHashMap<>();
          Map<String, List<Double>> cpuMs = new LinkedHashMap<>();
          drivers.keySet().forEach(name -> perSecond.put(name, new ArrayList<>()));
          drivers.keySet().forEach(name -> cpuMs.put(name, new ArrayList<>()));
          for (int run = 0; run < runs; run++) {
            // alternate which engine goes first, so neither always runs on the warmer (or busier) machine
            List<String> order = new ArrayList<>(drivers.keySet());
            if (run % 2 == 1) {
              java.util.Collections.reverse(order);
            }
            for (String name : order) {
              Run measured = measure(drivers.get(name), name, threads, lifecycles, run);
              perSecond.get(name).add(measured.perSecond());
              cpuMs.get(name).add(measured.cpuMsPerLifecycle());
              System.out.printf("%s %s threads=%d run=%d: %.2f lifecycles/s, %.0f CPU ms per lifecycle (load %s)%n",
                  db, name, threads, run + 1, measured.perSecond(), measured.cpuMsPerLifecycle(),
                  Machine.describe().get("loadAverage"));
            }
          }
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("threads", threads);
          row.put("pmoFlow", Stats.of(perSecond.get("pmo-flow")).toMap());
          row.put("baseline", Stats.of(perSecond.get("baseline")).toMap());
          row.put("ratioOfMedians", Stats.of(perSecond.get("pmo-flow")).median()
              / Stats.of(perSecond.get("baseline")).median());
          row.put("cpuMsPerLifecyclePmoFlow", Stats.of(cpuMs.get("pmo-flow")).toMap());
          row.put("cpuMsPerLifecycleBaseline", Stats.of(cpuMs.get("baseline")).toMap());
          // throughput ratio by CPU: baseline CPU per lifecycle / PMO Flow's
          row.put("cpuRatioOfMedians", Stats.of(cpuMs.get("baseline")).median()
              / Stats.of(cpuMs.get("pmo-flow")).median());
          rows.add(row);
        }
        result.put("results", rows);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .writeValueAsString(result));
        System.out.println("written " + out);
        baseline.close();
      }
    } finally {
      app.close();
    }
  }

  /**
   * One lifecycle on each engine, counted, after {@code warmup} uncounted ones; the path must be the same. Then
   * {@code timed} more per engine with the time of every statement taken (sent to answered, as the driver sees it),
   * per lifecycle by "TYPE table": where the time in the database goes, next to the whole lifecycle's wall time.
   */
  private static void countStatements(Map<String, LifecycleDriver> drivers, StatementCounter counter, int warmup,
      int timed, Path out) throws Exception {
    warm(drivers, warmup);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("benchmark", "lifecycle-statements");
    result.put("machine", Machine.describe());
    for (Map.Entry<String, LifecycleDriver> e : drivers.entrySet()) {
      counter.start();
      e.getValue().playProject("Counted " + e.getKey());
      StatementCounter.Counts counts = counter.stop();
      result.put(e.getKey(), counts);
      result.put(e.getKey() + "ByTable", counter.byTable());
      System.out.println(e.getKey() + ": " + counts);
    }
    // where PMO Flow's extra statements go: the tables with the largest difference first
    @SuppressWarnings("unchecked")
    Map<String, Integer> pmo = (Map<String, Integer>) result.get("pmo-flowByTable");
    @SuppressWarnings("unchecked")
    Map<String, Integer> bare = (Map<String, Integer>) result.get("baselineByTable");
    Map<String, Integer> extra = new LinkedHashMap<>();
    java.util.Set<String> tables = new java.util.TreeSet<>(pmo.keySet());
    tables.addAll(bare.keySet());
    tables.stream().map(t -> Map.entry(t, pmo.getOrDefault(t, 0) - bare.getOrDefault(t, 0)))
        .filter(d -> d.getValue() != 0)
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .forEach(d -> extra.put(d.getKey(), d.getValue()));
    result.put("pmoFlowMinusBaselineByTable", extra);
    System.out.println("PMO Flow minus baseline by table: " + extra);
    result.put("timedLifecycles", timed);
    for (Map.Entry<String, LifecycleDriver> e : drivers.entrySet()) {
      Map<String, Double> msByTable = new LinkedHashMap<>();
      long started = System.nanoTime();
      for (int i = 0; i < timed; i++) {
        counter.start();
        e.getValue().playProject("Timed " + e.getKey() + " " + i);
        counter.stop();
        counter.msByTable().forEach((table, ms) -> msByTable.merge(table, ms / timed, Double::sum));
      }
      double wallMs = (System.nanoTime() - started) / 1e6 / timed;
      Map<String, Double> sorted = new LinkedHashMap<>();
      msByTable.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
          .forEach(t -> sorted.put(t.getKey(), t.getValue()));
      double databaseMs = sorted.values().stream().mapToDouble(Double::doubleValue).sum();
      result.put(e.getKey() + "WallMsPerLifecycle", wallMs);
      result.put(e.getKey() + "DatabaseMsPerLifecycle", databaseMs);
      result.put(e.getKey() + "MsByTable", sorted);
      System.out.printf("%s: %.0f ms per lifecycle, %.0f ms of it waiting for the database%n", e.getKey(), wallMs,
          databaseMs);
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result));
    System.out.println("written " + out);
  }

  /**
   * Where each engine's CPU goes, after {@code warmup} lifecycles: {@code lifecycles} more per engine under a JFR
   * recording, each engine on a thread of its own, the samples sorted by {@link ProfileClassifier}.
   */
  private static void profile(Map<String, LifecycleDriver> drivers, int warmup, int lifecycles, String db, Path out,
      String[] args) throws Exception {
    warm(drivers, warmup);
    Path jfr = Path.of("target/bench/lifecycle-profile-" + db + ".jfr");
    Map<String, LifecycleProfile.Tally> tallies = LifecycleProfile.record(drivers, lifecycles, jfr);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("benchmark", "lifecycle-profile");
    result.put("database", db);
    result.put("machine", Machine.describe());
    result.put("commit", System.getProperty("bench.commit", "unknown"));
    result.put("command", "java " + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments())
        + " -cp … " + LifecycleBenchmark.class.getName() + " " + String.join(" ", args));
    result.put("flightRecorderOptions", LifecycleProfile.flightRecorderOptions());
    result.put("samplePeriodMs", LifecycleProfile.SAMPLE_PERIOD.toMillis());
    result.put("lifecyclesPerEngine", lifecycles);
    result.put("warmupLifecyclesPerEngine", warmup);
    result.put("classification", "each execution sample of an engine's thread, root first: the first frame that "
        + "matches decides (" + java.util.Arrays.stream(ProfileClassifier.Category.values()).map(c -> c.label)
        .collect(java.util.stream.Collectors.joining(", ")) + "); PMO Flow code split by what runs below its "
        + "deepest frame");
    result.put("recording", jfr.toString());
    Map<String, Object> engines = new LinkedHashMap<>();
    tallies.forEach((name, tally) -> {
      Map<String, Object> engine = tally.toMap();
      engines.put(name, engine);
      System.out.printf("%s %s: %d samples, %.0f CPU ms per lifecycle, truncated %.2f%%, %s%n", db, name,
          tally.samples, engine.get("cpuMsPerLifecycle"), 100.0 * (double) engine.get("truncatedFraction"),
          engine.get("categories"));
      if (tally.truncated > 0) {
        System.out.printf("WARNING: %d of %d samples of %s have truncated stacks (root frames lost): start the JVM "
            + "with -XX:FlightRecorderOptions:stackdepth=1024%n", tally.truncated, tally.samples, name);
      }
    });
    result.put("engines", engines);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result));
    System.out.println("written " + out);
  }

  /**
   * Plays {@code count} projects on each engine untimed; returns the transactions one lifecycle takes on each.
   * Fails unless both engines passed the same elements as often: the baseline must take PMO Flow's path.
   */
  private static Map<String, Integer> warm(Map<String, LifecycleDriver> drivers, int count) {
    Map<String, Integer> transactions = new LinkedHashMap<>();
    Map<String, List<String>> paths = new LinkedHashMap<>();
    drivers.forEach((name, driver) -> {
      LifecycleDriver.Played last = null;
      for (int i = 0; i < Math.max(1, count); i++) {
        last = driver.playProject("Warm-up " + name + " " + i);
      }
      transactions.put(name, last.transactions());
      paths.put(name, driver.path(last.key()));
    });
    List<List<String>> distinct = paths.values().stream().distinct().toList();
    if (distinct.size() != 1) {
      throw new IllegalStateException("the engines took different paths: " + paths);
    }
    System.out.println("both engines passed the same " + distinct.get(0).size() + " activity instances");
    return transactions;
  }

  /** One timed run: lifecycles per second (wall clock) and the driving threads' CPU milliseconds per lifecycle. */
  record Run(double perSecond, double cpuMsPerLifecycle) {
  }

  /**
   * {@code lifecycles} projects played by {@code threads} threads. With H2 the database works in the calling
   * thread, so the CPU time counts the engine's and the database's work and is not stretched by other processes
   * on a shared machine the way the wall clock is; with PostgreSQL it leaves out the server's share.
   */
  private static Run measure(LifecycleDriver driver, String name, int threads, int lifecycles, int run)
      throws Exception {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long start = System.nanoTime();
      List<Future<Long>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        int share = lifecycles / threads + (t < lifecycles % threads ? 1 : 0);
        done.add(pool.submit(() -> {
          long cpuStart = cpu.getCurrentThreadCpuTime();
          for (int i = 0; i < share; i++) {
            driver.playProject(name + " run " + run + " thread " + thread + " project " + i);
          }
          return cpu.getCurrentThreadCpuTime() - cpuStart;
        }));
      }
      long cpuNanos = 0;
      for (Future<Long> future : done) {
        cpuNanos += future.get();
      }
      return new Run(lifecycles / ((System.nanoTime() - start) / 1e9), cpuNanos / 1e6 / lifecycles);
    } finally {
      pool.shutdown();
    }
  }
}
