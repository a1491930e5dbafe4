package io.pmoflow.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One PMO Flow node of the test cluster: the application in its own JVM (the test's classpath), the production
 * profile {@code postgres} on the shared database, with the demo identities, its own port and engine host name,
 * and its output in {@code target/cluster/<name>.log}. {@link #kill()} is {@code kill -9}.
 */
final class ClusterNode {

  static final String ADMIN_PASSWORD = "cluster-admin-secret";
  private static final Path LOGS = Path.of("target", "cluster");

  final String name;
  final int port;
  private final Process process;
  private final Path log;

  private ClusterNode(String name, int port, Process process, Path log) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.log = log;
  }

  /** Starts the node; returns at once ({@link #awaitReady} waits). {@code settings}: extra --key=value arguments. */
  static ClusterNode start(String name, String databaseUrl, String databaseUser, int smtpPort, List<String> settings) {
    int port = freePort();
    Path log = LOGS.resolve(name + ".log");
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java"), "-Xmx512m", "-XX:+UseSerialGC",
        "-cp", classpath(), "io.pmoflow.PmoFlowApplication",
        "--spring.profiles.active=postgres",
        "--pmo.demo-data=true",
        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
        "--camunda.bpm.generic-properties.properties.hostname=" + name,
        "--logging.level.org.camunda.bpm.engine.jobexecutor=INFO"));
    command.addAll(settings);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(LOGS.toFile());
    builder.environment().put("PORT", String.valueOf(port));
    builder.environment().put("PMO_DB_URL", databaseUrl);
    builder.environment().put("PMO_DB_USER", databaseUser);
    builder.environment().put("PMO_DB_PASSWORD", "");
    builder.environment().put("PMO_ADMIN_PASSWORD", ADMIN_PASSWORD);
    try {
      Files.createDirectories(LOGS);
      builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      return new ClusterNode(name, port, builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start node " + name, e);
    }
  }

  /** Waits until {@code /actuator/health} answers 200; fails with the end of the node's log if it died or hung. */
  void awaitReady(Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("node " + name + " exited with " + process.exitValue() + ":\n" + tail());
      }
      try {
        HttpResponse<Void> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
            .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(500);
    }
    throw new IllegalStateException("node " + name + " not ready after " + timeout + ":\n" + tail());
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** {@code kill -9}: no shutdown hook, no unlocking, open transactions die with the connections. */
  void kill() {
    process.destroyForcibly();
    waitFor();
  }

  /** SIGTERM: a graceful shutdown. */
  void stop() {
    if (process.isAlive()) {
      process.destroy();
      waitFor();
    }
  }

  String logText() {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void waitFor() {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String tail() {
    String text = logText();
    return text.length() > 6000 ? text.substring(text.length() - 6000) : text;
  }

  /** The test JVM's classpath: failsafe's test classpath (application, tests, dependencies). */
  private static String classpath() {
    String cp = System.getProperty("surefire.test.class.path");
    cp = cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    // an empty entry is the working directory: the engine's classpath*:processes/*.bpmn would then find the
    // project's processes/ folder as well as target/classes/processes and deploy every model twice
    return Arrays.stream(cp.split(File.pathSeparator)).filter(entry -> !entry.isBlank())
        .collect(Collectors.joining(File.pathSeparator));
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
