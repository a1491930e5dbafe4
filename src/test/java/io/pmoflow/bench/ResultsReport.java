package io.pmoflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code bench/RESULTS.md} from the machine-readable results in {@code bench/results/}: the lifecycle and
 * Tasklist figures from their JSON, the REST latency, footprint and portfolio sections from the Markdown their
 * runners write. Run by {@code bench/run.sh} after the benchmarks; run it alone to rewrite the page:
 * {@code java -cp … io.pmoflow.bench.ResultsReport bench/results bench/RESULTS.md}.
 */
public final class ResultsReport {

  static final List<String> DATABASES = List.of("h2", "postgres");
  static final ObjectMapper JSON = new ObjectMapper();

  private ResultsReport() {
  }

  public static void main(String[] args) throws IOException {
    Path results = Path.of(args.length > 0 ? args[0] : "bench/results");
    Path out = Path.of(args.length > 1 ? args[1] : "bench/RESULTS.md");
    StringBuilder md = new StringBuilder();
    md.append("# Benchmark results\n\n");
    md.append("Written by `bash bench/run.sh` (or `mvn -Pbench verify`, which runs it) from the machine-readable "
        + "results in [`bench/results/`](results/); how each figure is measured is in the README's "
        + "[Benchmarks](../README.md#benchmarks) section. Every figure is PMO Flow against a bare Camunda engine "
        + "measured in the same run: on a shared machine absolute times are noise, ratios much less so. "
        + "The load average at the time is given with each result.\n\n");
    lifecycle(results, md);
    tasklist(results, md);
    for (String section : List.of("rest-latency.md", "footprint.md", "portfolio.md")) {
      Path file = results.resolve(section);
      md.append(Files.exists(file) ? Files.readString(file).strip() + "\n\n"
          : "## " + section + "\n\nNot measured yet: `bench/results/" + section + "` is missing.\n\n");
    }
    Files.writeString(out, md.toString());
    System.out.println("written " + out);
  }

  private static void lifecycle(Path results, StringBuilder md) throws IOException {
    md.append("## 1. Lifecycle throughput\n\n");
    md.append("Full happy-path lifecycles per second (intake to CLOSED: 27 transactions, 139 activity instances, "
        + "every user task completed through the Java API, every job executed), PMO Flow against the baseline "
        + "(the same BPMN shapes, no-op delegates, no DMN, no store writes) in the same JVM. Target: ratio ≥ 0.7. "
        + "The CPU ratio compares the CPU time of the threads that play the lifecycles; on H2 it includes the "
        + "database's work and is not stretched by other processes on the machine.\n\n");
    md.append("| database | threads | PMO Flow lifecycles/s (median, min–max) | baseline lifecycles/s | ratio "
        + "| CPU ms per lifecycle PMO Flow / baseline | CPU ratio | runs | load average | commit |\n");
    md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |\n");
    for (String db : DATABASES) {
      JsonNode json = read(results.resolve("lifecycle-" + db + ".json"));
      if (json == null) {
        md.append("| ").append(db).append(" | not measured | | | | | | | | |\n");
        continue;
      }
      for (JsonNode row : json.get("results")) {
        md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | **%.2f** | %.0f / %.0f | %.2f | %d | %s | %s |%n",
            db, row.get("threads").asInt(), spread(row.get("pmoFlow"), 2), spread(row.get("baseline"), 2),
            row.get("ratioOfMedians").asDouble(), row.get("cpuMsPerLifecyclePmoFlow").get("median").asDouble(),
            row.get("cpuMsPerLifecycleBaseline").get("median").asDouble(), row.get("cpuRatioOfMedians").asDouble(),
            json.get("runs").asInt(), json.get("machine").get("loadAverage").asText().split(" ")[0],
            json.get("machine").get("commit").asText()));
      }
    }
    md.append("\nStatements of one lifecycle (every transaction, the driver's queries included, counted with "
        + "datasource-proxy):\n\n");
    md.append("| database | engine | statements | round trips | selects | inserts | updates | deletes | savepoints |\n");
    md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (String db : DATABASES) {
      JsonNode json = read(results.resolve("lifecycle-statements-" + db + ".json"));
      if (json == null) {
        continue;
      }
      for (String engine : List.of("pmo-flow", "baseline")) {
        JsonNode c = json.get(engine);
        md.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %d | %d | %d |%n", db, engine,
            c.get("statements").asInt(), c.get("executions").asInt(), c.get("selects").asInt(),
            c.get("inserts").asInt(), c.get("updates").asInt(), c.get("deletes").asInt(),
            c.get("savepoints").asInt()));
      }
    }
    md.append('\n');
    databaseTime(results, md);
    profile(results, md);
  }

  /** Where the time in the database goes: per "TYPE table", the tables PMO Flow spends most extra time on first. */
  private static void databaseTime(Path results, StringBuilder md) throws IOException {
    for (String db : DATABASES) {
      JsonNode json = read(results.resolve("lifecycle-statements-" + db + ".json"));
      if (json == null || !json.has("pmo-flowMsByTable")) {
        continue;
      }
      JsonNode pmo = json.get("pmo-flowMsByTable");
      JsonNode bare = json.get("baselineMsByTable");
      double pmoWall = json.get("pmo-flowWallMsPerLifecycle").asDouble();
      double bareWall = json.get("baselineWallMsPerLifecycle").asDouble();
      double pmoDb = json.get("pmo-flowDatabaseMsPerLifecycle").asDouble();
      double bareDb = json.get("baselineDatabaseMsPerLifecycle").asDouble();
      md.append(String.format(Locale.ROOT, "**Time in the database, %s** (%d lifecycles per engine, one thread, each "
          + "statement timed from sent to answered as the JDBC driver sees it — the database's work and the round "
          + "trip; commits apart; ms per lifecycle; the largest differences first):%n%n", db,
          json.get("timedLifecycles").asInt()));
      md.append("| | PMO Flow | baseline | difference |\n| --- | ---: | ---: | ---: |\n");
      md.append(String.format(Locale.ROOT, "| **whole lifecycle (wall)** | **%.0f** | **%.0f** | **%+.0f** |%n", pmoWall,
          bareWall, pmoWall - bareWall));
      md.append(String.format(Locale.ROOT, "| waiting for the database | %.0f | %.0f | %+.0f |%n", pmoDb, bareDb,
          pmoDb - bareDb));
      md.append(String.format(Locale.ROOT, "| everything else (the JVM) | %.0f | %.0f | %+.0f |%n", pmoWall - pmoDb,
          bareWall - bareDb, pmoWall - pmoDb - (bareWall - bareDb)));
      java.util.Set<String> keys = new java.util.TreeSet<>();
      pmo.fieldNames().forEachRemaining(keys::add);
      bare.fieldNames().forEachRemaining(keys::add);
      List<Map.Entry<String, Double>> differences = keys.stream()
          .map(k -> Map.entry(k, pmo.path(k).asDouble(0) - bare.path(k).asDouble(0)))
          .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).toList();
      for (Map.Entry<String, Double> d : differences.subList(0, Math.min(12, differences.size()))) {
        md.append(String.format(Locale.ROOT, "| `%s` | %.1f | %.1f | %+.1f |%n", d.getKey(),
            pmo.path(d.getKey()).asDouble(0), bare.path(d.getKey()).asDouble(0), d.getValue()));
      }
      md.append('\n');
    }
  }

  /** Where PMO Flow's extra CPU goes: each category's share of the samples times the thread's CPU per lifecycle. */
  private static void profile(Path results, StringBuilder md) throws IOException {
    md.append("### Where PMO Flow's extra CPU goes\n\n");
    md.append("`LifecycleBenchmark --profile true`: after the warm-up, each engine plays its lifecycles on a thread "
        + "of its own under a JFR recording of execution samples (whole stacks). Each sample is sorted root first: "
        + "the first frame from the thread's root that matches a category decides (PMO Flow code is io.pmoflow "
        + "outside the benchmark, its delegate interceptor, proxies and lambda classes; `ProfileClassifier` has the "
        + "patterns; transaction commit is Spring's for PMO Flow, the engine's own for the baseline). "
        + "ms per lifecycle = the category's share of the thread's samples × the thread's CPU ms per "
        + "lifecycle; on PostgreSQL the server's work is not in it. Execution samples catch the thread in Java "
        + "code only: the coverage (samples × 10 ms ÷ thread CPU) says how much of the CPU is apportioned by the "
        + "sampled shares rather than seen, and the user-mode share how much of the gap kernel time could "
        + "explain.\n\n");
    for (String db : DATABASES) {
      JsonNode json = read(results.resolve("lifecycle-profile-" + db + ".json"));
      if (json == null) {
        continue;
      }
      JsonNode pmo = json.get("engines").get("pmo-flow");
      JsonNode base = json.get("engines").get("baseline");
      md.append(String.format(Locale.ROOT, "**%s** (PMO Flow / baseline: %d lifecycles each; samples %d / %d, "
              + "truncated %.1f%% / %.1f%%; the samples cover %.0f%% / %.0f%% of the thread's CPU time, of which "
              + "%.0f%% / %.0f%% is user mode; load average %s; commit %s):%n%n",
          db, json.get("lifecyclesPerEngine").asInt(), pmo.get("samples").asInt(), base.get("samples").asInt(),
          100 * pmo.get("truncatedFraction").asDouble(), 100 * base.get("truncatedFraction").asDouble(),
          100 * coverage(pmo), 100 * coverage(base), 100 * userShare(pmo), 100 * userShare(base),
          json.get("machine").get("loadAverage").asText().split(" ")[0],
          json.get("commit").asText()));
      md.append("| category | PMO Flow ms per lifecycle | baseline ms per lifecycle | difference |\n");
      md.append("| --- | ---: | ---: | ---: |\n");
      List<String> categories = new ArrayList<>();
      pmo.get("categories").fieldNames().forEachRemaining(categories::add);
      categories.sort(java.util.Comparator.comparingDouble(c -> -(ms(pmo, c) - ms(base, c))));
      for (String category : categories) {
        md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %+.0f |%n", category, ms(pmo, category),
            ms(base, category), ms(pmo, category) - ms(base, category)));
      }
      double pmoCpu = pmo.get("cpuMsPerLifecycle").asDouble();
      double baseCpu = base.get("cpuMsPerLifecycle").asDouble();
      md.append(String.format(Locale.ROOT, "| **thread CPU** | **%.0f** | **%.0f** | **%+.0f** |%n%n", pmoCpu, baseCpu,
          pmoCpu - baseCpu));
      List<String> parts = new ArrayList<>();
      pmo.get("insidePmoFlowCode").fields().forEachRemaining(part -> parts.add(String.format(Locale.ROOT,
          "%s %.0f ms", part.getKey(), part.getValue().get("percent").asDouble() / 100 * ms(pmo, "PMO Flow code"))));
      md.append("Inside PMO Flow code: ").append(String.join("; ", parts)).append(".\n\n");
    }
  }

  private static double ms(JsonNode engine, String category) {
    return engine.get("categories").get(category).get("percent").asDouble() / 100
        * engine.get("cpuMsPerLifecycle").asDouble();
  }

  private static double userShare(JsonNode engine) {
    return engine.get("userCpuMsPerLifecycle").asDouble() / engine.get("cpuMsPerLifecycle").asDouble();
  }

  private static double coverage(JsonNode engine) {
    return engine.get("sampledMsPerLifecycle").asDouble() / engine.get("cpuMsPerLifecycle").asDouble();
  }

  private static void tasklist(Path results, StringBuilder md) throws IOException {
    md.append("## 4. Tasklist scale\n\n");
    md.append("`pat.pmo` opens the \"PMO queue\" filter: first page (15) and count, authorizations on, as "
        + "Tasklist asks them, with growing numbers of open tasks (a quarter of them the PMO's). "
        + "Target: 100,000 / 1,000 growth ≤ 3×.\n\n");
    md.append("| database | variant | open tasks | first page p50 / p95 ms | count p50 / p95 ms | load average |\n");
    md.append("| --- | --- | ---: | ---: | ---: | --- |\n");
    List<String> growth = new ArrayList<>();
    try (var files = Files.list(results)) {
      for (Path file : files.filter(f -> f.getFileName().toString().matches("tasklist-.*\\.json")).sorted().toList()) {
        JsonNode json = read(file);
        String variant = json.path("variant").asText("default");
        JsonNode rows = json.get("results");
        for (JsonNode row : rows) {
          if (row.has("error")) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %,d | failed: %s | | |%n", json.get("database").asText(),
                variant, row.get("openTasks").asLong(), row.get("error").asText().replace('|', '/')));
            continue;
          }
          md.append(String.format(Locale.ROOT, "| %s | %s | %,d | %.0f / %.0f | %.0f / %.0f | %s |%n",
              json.get("database").asText(), variant, row.get("openTasks").asLong(),
              row.get("firstPageMs").get("p50").asDouble(), row.get("firstPageMs").get("p95").asDouble(),
              row.get("countMs").get("p50").asDouble(), row.get("countMs").get("p95").asDouble(),
              json.get("machine").get("loadAverage").asText().split(" ")[0]));
        }
        JsonNode first = rows.get(0);
        JsonNode last = rows.get(rows.size() - 1);
        if (last.has("error") || first.has("error")) {
          growth.add(json.get("database").asText() + ", " + variant + ": no growth figure, a size failed");
          continue;
        }
        growth.add(String.format(Locale.ROOT, "%s, %s: first page %.1f×, count %.1f× (%,d → %,d open tasks)",
            json.get("database").asText(), variant,
            last.get("firstPageMs").get("p50").asDouble() / first.get("firstPageMs").get("p50").asDouble(),
            last.get("countMs").get("p50").asDouble() / first.get("countMs").get("p50").asDouble(),
            first.get("openTasks").asLong(), last.get("openTasks").asLong()));
      }
    }
    md.append("\nGrowth of the p50 from the smallest to the largest size:\n\n");
    growth.forEach(g -> md.append("- ").append(g).append('\n'));
    md.append('\n');
  }

  private static String spread(JsonNode stats, int decimals) {
    String f = "%." + decimals + "f";
    return String.format(Locale.ROOT, f + " (" + f + "–" + f + ")", stats.get("median").asDouble(),
        stats.get("min").asDouble(), stats.get("max").asDouble());
  }

  private static JsonNode read(Path file) throws IOException {
    return Files.exists(file) ? JSON.readTree(file.toFile()) : null;
  }
}
