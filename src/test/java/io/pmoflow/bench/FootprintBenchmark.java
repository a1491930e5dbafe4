package io.pmoflow.bench;

import static io.pmoflow.bench.BenchSupport.cell;
import static io.pmoflow.bench.BenchSupport.fmt;
import static io.pmoflow.bench.BenchSupport.round;
import static io.pmoflow.bench.BenchSupport.spread;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue #7, item 6: start-up time and resident memory of PMO Flow against the bare Camunda engine application with
 * the webapps ({@code bench.bare.BareEngineApplication}), in the same run, on H2 (file) and PostgreSQL.
 *
 * <p>Each start launches the application in a fresh JVM ({@code java <flags> -cp <classpath> <main>}, the same way
 * and with the same flags for both), measures the wall time from the launch to the first 200 of
 * {@code /actuator/health/readiness} (polled every 50 ms; both applications report readiness the same way:
 * readinessState, db and processEngine), the CPU seconds the JVM used until then, Spring Boot's own "Started …"
 * time, and, {@code --settle} seconds after ready, VmRSS and VmHWM from {@code /proc/<pid>/status}; then stops it
 * with SIGTERM. Per database: first the first start of each on an empty database (schema creation, Flyway, first
 * deployment — reported apart), then {@code --starts} starts of each on the migrated database, alternating (PMO Flow
 * first in odd rounds, bare first in even ones). Writes {@code --out-json} and {@code --out-md}. Not a test: run
 * through {@code bench/run-rest-footprint.sh}.
 */
public final class FootprintBenchmark {

  static final double TARGET_RATIO = 1.3;
  static final List<String> METRICS = List.of("readySeconds", "rssMiB", "cpuSecondsToReady", "springStartedSeconds",
      "peakRssMiB");

  private FootprintBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = Options.parse(args);
    if (BenchSupport.rendered(options, FootprintBenchmark::markdown)) {
      return;
    }
    Apps.Launch launch = Apps.Launch.from(options);
    int starts = Integer.parseInt(options.getOrDefault("starts", "7"));
    int settle = Integer.parseInt(options.getOrDefault("settle", "5"));
    Path jsonOut = Path.of(options.getOrDefault("out-json", "bench/results/footprint.json"));
    Path mdOut = Path.of(options.getOrDefault("out-md", "bench/results/footprint.md"));

    Map<String, Object> result = BenchSupport.result("footprint", "#7 item 6",
        options.getOrDefault("command", "FootprintBenchmark " + String.join(" ", args)));
    BenchSupport.Databases dbs = launch.dbs();
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("startsPerApp", starts);
    settings.put("settleSeconds", settle);
    launch.describe(settings);
    settings.put("launch", "java <jvmFlags> -cp <classpath> <main> (exploded classes, no fat jar)");
    settings.put("readiness", "first 200 of GET /actuator/health/readiness, polled every 50 ms, from the JVM launch");
    result.put("settings", settings);
    Map<String, Object> databases = new LinkedHashMap<>();
    result.put("databases", databases);

    for (String kind : launch.kinds()) {
      String pmoDb = kind.equals("h2") ? "fp-pmo" : "pmo_bench_fp_pmo";
      String bareDb = kind.equals("h2") ? "fp-bare" : "pmo_bench_fp_bare";
      String pmoUrl = dbs.create(kind, pmoDb);
      String bareUrl = dbs.create(kind, bareDb);
      AppProcess.Spec pmo = launch.pmo(kind, pmoUrl);
      AppProcess.Spec bare = launch.bare(kind, bareUrl);
      Path logs = dbs.workDir().resolve("logs");
      System.out.printf("%n== footprint on %s ==%n", kind);
      try {
        Map<String, Object> db = new LinkedHashMap<>();
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("pmo", measure(pmo, logs.resolve("fp-pmo-" + kind + "-first.log"), settle, "first start"));
        first.put("bare", measure(bare, logs.resolve("fp-bare-" + kind + "-first.log"), settle, "first start"));
        db.put("firstStartOnEmptyDatabase", first);
        List<Map<String, Object>> pmoStarts = new ArrayList<>();
        List<Map<String, Object>> bareStarts = new ArrayList<>();
        for (int i = 1; i <= starts; i++) {
          if (i % 2 == 1) {
            pmoStarts.add(measure(pmo, logs.resolve("fp-pmo-" + kind + "-" + i + ".log"), settle, "start " + i));
            bareStarts.add(measure(bare, logs.resolve("fp-bare-" + kind + "-" + i + ".log"), settle, "start " + i));
          } else {
            bareStarts.add(measure(bare, logs.resolve("fp-bare-" + kind + "-" + i + ".log"), settle, "start " + i));
            pmoStarts.add(measure(pmo, logs.resolve("fp-pmo-" + kind + "-" + i + ".log"), settle, "start " + i));
          }
        }
        db.put("pmoStarts", pmoStarts);
        db.put("bareStarts", bareStarts);
        db.put("summary", summary(pmoStarts, bareStarts));
        databases.put(kind, db);
      } finally {
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

  private static Map<String, Object> measure(AppProcess.Spec spec, Path log, int settle, String label)
      throws Exception {
    double[] loadBefore = BenchSupport.loadAverage();
    AppProcess app = AppProcess.launch(spec, BenchSupport.freePort(), log);
    try {
      double ready = app.awaitReady(Duration.ofMinutes(10), 50);
      double cpu = app.cpuSeconds();
      double rssAtReady = app.rssMiB();
      Thread.sleep(settle * 1000L);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("readySeconds", round(ready));
      m.put("cpuSecondsToReady", round(cpu));
      double[] started = app.springStarted();
      m.put("springStartedSeconds", started == null ? null : started[0]);
      m.put("springProcessRunningSeconds", started == null ? null : started[1]);
      m.put("rssMiBAtReady", round(rssAtReady));
      m.put("rssMiB", round(app.rssMiB()));
      m.put("peakRssMiB", round(app.peakRssMiB()));
      m.put("load1AtLaunch", loadBefore[0]);
      m.put("load1AfterSettle", BenchSupport.loadAverage()[0]);
      m.put("stopSeconds", round(app.stop(Duration.ofSeconds(60))));
      System.out.printf("   %-11s %-11s ready %6.1f s  cpu %6.1f s  rss %6.0f MiB (peak %4.0f)  load %.1f%n",
          spec.name(), label, ready, cpu, ((Number) m.get("rssMiB")).doubleValue(), ((Number) m.get("peakRssMiB")).doubleValue(), loadBefore[0]);
      return m;
    } finally {
      app.close();
    }
  }

  private static Map<String, Object> summary(List<Map<String, Object>> pmo, List<Map<String, Object>> bare) {
    Map<String, Object> summary = new LinkedHashMap<>();
    for (String metric : METRICS) {
      List<Double> p = values(pmo, metric);
      List<Double> b = values(bare, metric);
      List<Double> pairRatios = new ArrayList<>();
      for (int i = 0; i < Math.min(p.size(), b.size()); i++) {
        pairRatios.add(round(p.get(i) / b.get(i)));
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("pmo", spread(p));
      m.put("bare", spread(b));
      m.put("ratioOfMedians", round(BenchSupport.median(p) / BenchSupport.median(b)));
      m.put("pairRatios", spread(pairRatios));
      if (metric.equals("readySeconds") || metric.equals("rssMiB")) {
        m.put("target", TARGET_RATIO);
        m.put("met", BenchSupport.median(p) / BenchSupport.median(b) <= TARGET_RATIO);
      }
      summary.put(metric, m);
    }
    return summary;
  }

  private static List<Double> values(List<Map<String, Object>> starts, String metric) {
    return starts.stream().map(s -> s.get(metric)).filter(v -> v instanceof Number)
        .map(v -> ((Number) v).doubleValue()).toList();
  }

  @SuppressWarnings("unchecked")
  static String markdown(Map<String, Object> result) {
    Map<String, Object> settings = (Map<String, Object>) result.get("settings");
    StringBuilder md = new StringBuilder();
    BenchSupport.markdownHead(md,
        "Footprint: PMO Flow against the bare Camunda engine with the webapps (issue #7, item 6)", result);
    md.append(fmt("- **Method:** each start a fresh JVM, `java %s -cp <classpath> <main>` (exploded classes, no fat jar; "
            + "the same for both). *Ready*: wall time from the launch to the first 200 of `/actuator/health/readiness` "
            + "(readinessState, db, processEngine — the same signal for both), polled every 50 ms. *CPU to ready*: CPU "
            + "seconds (all threads) the JVM used until then — less sensitive to a busy machine than wall time. "
            + "*RSS*: VmRSS %s s after ready. %s starts of each application per database on the migrated database, "
            + "alternating; the first start on an empty database is reported apart.%n",
        String.join(" ", (List<String>) settings.get("jvmFlags")), settings.get("settleSeconds"),
        settings.get("startsPerApp")));
    BenchSupport.markdownExtraArguments(md, settings);
    md.append("- Cells: median (min–max). Ratio: PMO Flow ÷ bare, ratio of the medians (and the median of the "
        + "per-round ratios).\n");
    Map<String, Object> databases = (Map<String, Object>) result.get("databases");
    Map<String, String> names = Map.of("readySeconds", "start-up to ready, s", "rssMiB", "RSS after start, MiB",
        "cpuSecondsToReady", "CPU to ready, s", "springStartedSeconds", "Spring Boot \"Started in\", s",
        "peakRssMiB", "peak RSS (VmHWM), MiB");
    for (Map.Entry<String, Object> entry : databases.entrySet()) {
      Map<String, Object> db = (Map<String, Object>) entry.getValue();
      Map<String, Object> summary = (Map<String, Object>) db.get("summary");
      md.append(BenchSupport.markdownDatabaseHeading(entry.getKey()));
      md.append("| figure | PMO Flow | bare engine | ratio of the medians — per round | target ≤ 1.3 |\n");
      md.append("| --- | ---: | ---: | ---: | --- |\n");
      for (String metric : METRICS) {
        Map<String, Object> m = (Map<String, Object>) summary.get(metric);
        md.append(fmt("| %s | %s | %s | %.2f — per round %s | %s |%n", names.get(metric), mdCell(m, "pmo", 1),
            mdCell(m, "bare", 1), ((Number) m.get("ratioOfMedians")).doubleValue(), mdCell(m, "pairRatios", 2),
            m.containsKey("met") ? ((boolean) m.get("met") ? "met" : "**missed**") : "—"));
      }
      Map<String, Object> first = (Map<String, Object>) db.get("firstStartOnEmptyDatabase");
      Map<String, Object> fp = (Map<String, Object>) first.get("pmo");
      Map<String, Object> fb = (Map<String, Object>) first.get("bare");
      md.append(fmt("%nFirst start on an empty database (schema creation%s, first deployment): PMO Flow ready after "
              + "%.1f s (CPU %.1f s, RSS %.0f MiB), bare engine after %.1f s (CPU %.1f s, RSS %.0f MiB): ratio %.2f.%n",
          " and Flyway for PMO Flow", ((Number) fp.get("readySeconds")).doubleValue(), ((Number) fp.get("cpuSecondsToReady")).doubleValue(),
          ((Number) fp.get("rssMiB")).doubleValue(), ((Number) fb.get("readySeconds")).doubleValue(), ((Number) fb.get("cpuSecondsToReady")).doubleValue(),
          ((Number) fb.get("rssMiB")).doubleValue(), ((Number) fp.get("readySeconds")).doubleValue() / ((Number) fb.get("readySeconds")).doubleValue()));
    }
    return md.toString();
  }

  @SuppressWarnings("unchecked")
  private static String mdCell(Map<String, Object> m, String key, int decimals) {
    Map<String, Object> s = (Map<String, Object>) m.get(key);
    return cell(((List<Number>) s.get("values")).stream().map(Number::doubleValue).toList(), decimals);
  }
}
