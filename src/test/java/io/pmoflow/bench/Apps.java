package io.pmoflow.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How the process-level benchmarks launch the two applications they compare: PMO Flow
 * ({@code io.pmoflow.PmoFlowApplication} on {@code target/classes} and its runtime jars) and the bare engine
 * ({@code bench.bare.BareEngineApplication} on its own classes and the Camunda starter jars) — same JVM, same JVM
 * flags, each on a database of its own.
 */
final class Apps {

  /** PMO Flow's admin password on the production profile (ProductionGuard refuses the default one). */
  static final String PG_ADMIN_PASSWORD = "bench-Admin-7f3";

  private Apps() {
  }

  /**
   * PMO Flow on H2: its embedded profile {@code h2} (demo identities) on the given file database. On PostgreSQL:
   * its production profile {@code postgres} (pool, statement timeout, production security settings) plus the demo
   * identities ({@code pmo.demo-data=true}) that the benchmark logs in as.
   */
  static AppProcess.Spec pmo(String kind, String url, BenchSupport.Databases dbs, String classpath,
      List<String> jvmFlags, List<String> extraArgs) {
    List<String> args = new ArrayList<>();
    Map<String, String> env;
    if (kind.equals("h2")) {
      args.add("--spring.profiles.active=h2");
      args.add("--spring.datasource.url=" + url);
      env = Map.of();
    } else {
      args.add("--spring.profiles.active=postgres");
      args.add("--pmo.demo-data=true");
      env = Map.of("PMO_DB_URL", url, "PMO_DB_USER", dbs.user(kind), "PMO_DB_PASSWORD", dbs.password(kind),
          "PMO_ADMIN_PASSWORD", PG_ADMIN_PASSWORD);
    }
    args.addAll(extraArgs);
    return new AppProcess.Spec("pmo-flow", "io.pmoflow.PmoFlowApplication", classpath, jvmFlags, args, env);
  }

  static String pmoAdminPassword(String kind) {
    return kind.equals("h2") ? "demo" : PG_ADMIN_PASSWORD;
  }

  /** The bare engine (bare.yaml) on the given database. */
  static AppProcess.Spec bare(String kind, String url, BenchSupport.Databases dbs, String classpath,
      List<String> jvmFlags, List<String> extraArgs) {
    List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + url,
        "--spring.datasource.username=" + dbs.user(kind), "--spring.datasource.password=" + dbs.password(kind)));
    args.addAll(extraArgs);
    return new AppProcess.Spec("bare-engine", "bench.bare.BareEngineApplication", classpath, jvmFlags, args, Map.of());
  }

  static List<String> words(String value) {
    return value == null || value.isBlank() ? List.of() : Arrays.asList(value.trim().split("\\s+"));
  }

  /**
   * The launch options both process-level benchmarks take: {@code --databases}, {@code --jvm-flags},
   * {@code --pmo-classpath}, {@code --bare-classpath}, {@code --pmo-args}, {@code --bare-args}, the database options
   * of {@link BenchSupport.Databases} and {@code --keep-databases}.
   */
  record Launch(List<String> kinds, List<String> jvmFlags, String pmoClasspath, String bareClasspath,
      List<String> pmoArgs, List<String> bareArgs, BenchSupport.Databases dbs, boolean keepDatabases) {

    static Launch from(Map<String, String> options) {
      return new Launch(words(options.getOrDefault("databases", "h2 postgres").replace(',', ' ')),
          words(options.getOrDefault("jvm-flags", "-Xmx1g")), Options.required(options, "pmo-classpath"),
          Options.required(options, "bare-classpath"), words(options.get("pmo-args")), words(options.get("bare-args")),
          BenchSupport.Databases.from(options), Boolean.parseBoolean(options.getOrDefault("keep-databases", "false")));
    }

    AppProcess.Spec pmo(String kind, String url) {
      return Apps.pmo(kind, url, dbs, pmoClasspath, jvmFlags, pmoArgs);
    }

    AppProcess.Spec bare(String kind, String url) {
      return Apps.bare(kind, url, dbs, bareClasspath, jvmFlags, bareArgs);
    }

    /** The flags and arguments both applications ran with, for a result's settings. */
    void describe(Map<String, Object> settings) {
      settings.put("jvmFlags", jvmFlags);
      settings.put("pmoArgs", pmoArgs);
      settings.put("bareArgs", bareArgs);
    }
  }
}
