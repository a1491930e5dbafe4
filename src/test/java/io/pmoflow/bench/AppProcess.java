package io.pmoflow.bench;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One application under test in a JVM of its own: launched with {@code java <flags> -cp <classpath> <main>}, ready
 * when {@code /actuator/health/readiness} answers 200, measured from {@code /proc}, stopped with SIGTERM (only this
 * process, by its pid).
 */
final class AppProcess implements AutoCloseable {

  /** How to launch an application: JVM flags, class path and main class, program arguments, environment. */
  record Spec(String name, String mainClass, String classpath, List<String> jvmFlags, List<String> args,
      Map<String, String> env) {
  }

  private static final Pattern STARTED = Pattern.compile("Started \\S+ in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");
  private static final long CLOCK_TICKS = 100; // USER_HZ on Linux

  final Spec spec;
  final int port;
  final Path log;
  private final Process process;
  private final long launchNanos;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private AppProcess(Spec spec, int port, Path log, Process process, long launchNanos) {
    this.spec = spec;
    this.port = port;
    this.log = log;
    this.process = process;
    this.launchNanos = launchNanos;
  }

  static AppProcess launch(Spec spec, int port, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(spec.jvmFlags());
    command.add("-cp");
    command.add(spec.classpath());
    command.add(spec.mainClass());
    command.add("--server.port=" + port);
    command.addAll(spec.args());
    Files.createDirectories(log.toAbsolutePath().getParent());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().putAll(spec.env());
    long launch = System.nanoTime();
    return new AppProcess(spec, port, log, builder.start(), launch);
  }

  long pid() {
    return process.pid();
  }

  String base() {
    return "http://127.0.0.1:" + port;
  }

  /** Polls readiness every {@code pollMillis}; returns the seconds from launch to the first 200. */
  double awaitReady(Duration timeout, long pollMillis) throws InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/actuator/health/readiness"))
        .timeout(Duration.ofSeconds(5)).GET().build();
    long deadline = launchNanos + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(spec.name() + " exited with " + process.exitValue() + " before it was ready; see "
            + log);
      }
      try {
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return (System.nanoTime() - launchNanos) / 1e9;
        }
      } catch (ConnectException e) {
        // not listening yet
      } catch (IOException e) {
        // listening, not answering yet
      }
      Thread.sleep(pollMillis);
    }
    throw new IllegalStateException(spec.name() + " not ready after " + timeout + "; see " + log);
  }

  /** Resident set size now, in MiB (VmRSS of /proc/pid/status). */
  double rssMiB() {
    return status("VmRSS") / 1024.0;
  }

  /** Peak resident set size so far, in MiB (VmHWM). */
  double peakRssMiB() {
    return status("VmHWM") / 1024.0;
  }

  private long status(String key) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
        if (line.startsWith(key + ":")) {
          return Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read /proc/" + pid() + "/status", e);
    }
    throw new IllegalStateException(key + " not in /proc/" + pid() + "/status");
  }

  /** CPU seconds (user + system, all threads) the process has used so far. */
  double cpuSeconds() {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid()), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // after "pid (comm) ": state is field 3 → index 0; utime is field 14 → index 11, stime field 15 → index 12
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read /proc/" + pid() + "/stat", e);
    }
  }

  /** Spring Boot's own "Started … in X seconds (process running for Y)": {X, Y}, or null before it logged it. */
  double[] springStarted() {
    try {
      Matcher m = STARTED.matcher(Files.readString(log));
      return m.find() ? new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))} : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** SIGTERM (graceful shutdown), then SIGKILL after {@code grace}; returns the seconds the shutdown took. */
  double stop(Duration grace) throws InterruptedException {
    long start = System.nanoTime();
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }

  @Override
  public void close() throws InterruptedException {
    stop(Duration.ofSeconds(60));
  }
}
