package io.pmoflow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What the process-level benchmarks ({@link RestLatencyBenchmark}, {@link FootprintBenchmark}) share: the machine
 * and commit they ran on, the load average (the machine is shared), the databases they create and drop, medians and
 * the JSON they write.
 */
final class BenchSupport {

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private BenchSupport() {
  }

  /** CPU, cores, memory, OS and JVM of this machine. */
  static Map<String, Object> machine() {
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cpu", firstLine(Path.of("/proc/cpuinfo"), "model name"));
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    String mem = firstLine(Path.of("/proc/meminfo"), "MemTotal");
    machine.put("memoryGiB", mem == null ? null
        : Math.round(Long.parseLong(mem.replaceAll("\\D", "")) / 1024.0 / 1024.0 * 10) / 10.0);
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    machine.put("loadAverageAtStart", loadAverage());
    return machine;
  }

  private static String firstLine(Path file, String key) {
    try {
      return Files.readAllLines(file).stream().filter(l -> l.startsWith(key)).findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  /** The checked-out commit, with "-dirty" when the work tree has uncommitted changes. */
  static String commit() {
    String head = run("git", "rev-parse", "--short=12", "HEAD");
    String status = run("git", "status", "--porcelain", "--untracked-files=no");
    return head == null ? "unknown" : head + (status != null && !status.isBlank() ? "-dirty" : "");
  }

  private static String run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return p.waitFor() == 0 ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** The 1-, 5- and 15-minute load averages. */
  static double[] loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2])};
    } catch (IOException e) {
      return new double[] {-1, -1, -1};
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The head every process-level result starts with: what, for which item, when, where, at which commit, how. */
  static Map<String, Object> result(String benchmark, String issue, String command) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("benchmark", benchmark);
    result.put("issue", issue);
    result.put("started", now());
    result.put("machine", machine());
    result.put("commit", commit());
    result.put("command", command);
    return result;
  }

  static String now() {
    return Instant.now().toString();
  }

  // --- databases ---

  /** Where a benchmark's databases live: H2 files under a work directory, or PostgreSQL databases it creates. */
  record Databases(Path workDir, String pgHost, int pgPort, String pgUser, String pgPassword) {

    static Databases from(Map<String, String> options) {
      return new Databases(Path.of(options.getOrDefault("work-dir", "target/bench")).toAbsolutePath(),
          options.getOrDefault("pg-host", "127.0.0.1"), Integer.parseInt(options.getOrDefault("pg-port", "5432")),
          options.getOrDefault("pg-user", "postgres"), options.getOrDefault("pg-password", ""));
    }

    /** A fresh, empty database named {@code name} on {@code kind} ("h2" or "postgres"); returns its JDBC URL. */
    String create(String kind, String name) {
      drop(kind, name);
      if (kind.equals("h2")) {
        return "jdbc:h2:file:" + workDir.resolve(name) + ";DB_CLOSE_ON_EXIT=FALSE";
      }
      admin("create database " + name);
      return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + name;
    }

    void drop(String kind, String name) {
      if (kind.equals("h2")) {
        try {
          Files.deleteIfExists(workDir.resolve(name + ".mv.db"));
          Files.deleteIfExists(workDir.resolve(name + ".trace.db"));
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      } else {
        admin("drop database if exists " + name + " with (force)");
      }
    }

    String user(String kind) {
      return kind.equals("h2") ? "sa" : pgUser;
    }

    String password(String kind) {
      return kind.equals("h2") ? "" : pgPassword;
    }

    private void admin(String sql) {
      try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + pgHost + ":" + pgPort + "/postgres",
          pgUser, pgPassword); Statement s = c.createStatement()) {
        s.execute(sql);
      } catch (SQLException e) {
        throw new IllegalStateException(sql + ": " + e.getMessage(), e);
      }
    }
  }

  // --- statistics ---

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** median, min and max of the values, for the JSON. */
  static Map<String, Object> spread(List<Double> values) {
    Map<String, Object> spread = new LinkedHashMap<>();
    spread.put("median", round(median(values)));
    spread.put("min", round(values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN)));
    spread.put("max", round(values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN)));
    spread.put("values", values.stream().map(BenchSupport::round).toList());
    return spread;
  }

  /** "median (min–max)" with the given number of decimals. */
  static String cell(List<Double> values, int decimals) {
    String f = "%." + decimals + "f";
    double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    return String.format(Locale.ROOT, f + " (" + f + "–" + f + ")", median(values), min, max);
  }

  static double round(double value) {
    return Double.isNaN(value) ? value : Math.round(value * 1000) / 1000.0;
  }

  static void writeJson(Path file, Object value) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    JSON.writeValue(file.toFile(), value);
  }

  /** A value for the Markdown: arrays as [a, b, c], anything else as itself. */
  static String text(Object value) {
    return value instanceof double[] d ? java.util.Arrays.toString(d) : String.valueOf(value);
  }

  /**
   * {@code --render earlier.json --out-md out.md}: writes the Markdown of an earlier run from its JSON, and says
   * whether it did (then there is nothing to measure).
   */
  @SuppressWarnings("unchecked")
  static boolean rendered(Map<String, String> options, Function<Map<String, Object>, String> markdown)
      throws IOException {
    if (!options.containsKey("render")) {
      return false;
    }
    Map<String, Object> earlier = JSON.readValue(Path.of(options.get("render")).toFile(), Map.class);
    Files.writeString(Path.of(Options.required(options, "out-md")), markdown.apply(earlier));
    return true;
  }

  /** A process-level result's Markdown head: its title, then the machine, the commit and the command. */
  @SuppressWarnings("unchecked")
  static void markdownHead(StringBuilder md, String title, Map<String, Object> result) {
    Map<String, Object> machine = (Map<String, Object>) result.get("machine");
    md.append("## ").append(title).append("\n\n");
    md.append(fmt("- **Machine:** %s, %s cores, %s GiB, %s, %s. Load average at the start %s.%n", machine.get("cpu"),
        machine.get("cores"), machine.get("memoryGiB"), machine.get("os"), machine.get("java"),
        text(machine.get("loadAverageAtStart"))));
    md.append(fmt("- **Commit:** `%s`, run %s → %s.%n", result.get("commit"), result.get("started"),
        result.get("finished")));
    md.append(fmt("- **Command:** `%s`%n", result.get("command")));
  }

  /** The extra application arguments of {@link Apps.Launch#describe}, when there were any. */
  @SuppressWarnings("unchecked")
  static void markdownExtraArguments(StringBuilder md, Map<String, Object> settings) {
    List<String> pmoArgs = (List<String>) settings.get("pmoArgs");
    List<String> bareArgs = (List<String>) settings.get("bareArgs");
    if (!pmoArgs.isEmpty() || !bareArgs.isEmpty()) {
      md.append(fmt("- **Extra arguments:** PMO Flow `%s`, bare engine `%s`.%n", String.join(" ", pmoArgs),
          String.join(" ", bareArgs)));
    }
  }

  /** The heading of one database's tables. */
  static String markdownDatabaseHeading(String kind) {
    return fmt("%n### %s%n%n", kind.equals("h2") ? "H2 (file database)" : "PostgreSQL");
  }

  static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
