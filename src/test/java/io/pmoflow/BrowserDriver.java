package io.pmoflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of a driver in {@code src/test/browser} ({@code tasklist.mjs}, {@code dashboard.mjs}): one person doing one
 * thing in headless Chromium (Debian's {@code /usr/bin/chromium}; no browser is ever downloaded). The request and
 * the answer of each run, and its screenshots, land in {@code target/browser-it/}. A request's {@code "shot"} names
 * a picture for the README: it is saved to {@code target/browser-it/screenshots/} and, with
 * {@code -Dpmo.screenshots=docs/screenshots}, copied there.
 */
public final class BrowserDriver {

  static final ObjectMapper JSON = new ObjectMapper();
  public static final Path BASEDIR = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
  public static final Path DIR = BASEDIR.resolve("src/test/browser");
  public static final Path OUT = BASEDIR.resolve("target/browser-it");
  static final Path SHOTS = OUT.resolve("screenshots");
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final int TIMEOUT_SECONDS = 120;

  private final String script;
  private final String baseUrl;
  private final Map<String, Object> defaults;

  /** {@code defaults} go into every request (e.g. the engine's name for the webapps' paths). */
  public BrowserDriver(String script, int port, Map<String, Object> defaults) {
    this.script = script;
    this.baseUrl = "http://localhost:" + port;
    this.defaults = defaults;
  }

  /** Fails at once, saying what to install, when Chromium or playwright-core is missing. */
  public static void requireChromiumAndPlaywright() {
    if (!Files.isExecutable(CHROMIUM)) {
      fail(CHROMIUM + " is missing: install Debian's package (apt-get install -y chromium); "
          + "the browser tests never download a browser");
    }
    if (!Files.isDirectory(DIR.resolve("node_modules/playwright-core"))) {
      fail("playwright-core is not installed: run 'npm ci' in " + DIR + " (mvn verify -Pbrowser-it does)");
    }
  }

  /**
   * One person ({@code user}, null for nobody logged in) doing {@code what}; returns the driver's JSON answer or
   * fails with its reason. Uncaught errors in the page and answers of 500 and above fail the run too.
   */
  public JsonNode run(String name, String user, Map<String, Object> what) {
    Map<String, Object> request = new LinkedHashMap<>(defaults);
    request.putAll(what);
    request.put("baseUrl", baseUrl);
    request.put("user", user);
    request.put("name", name);
    request.put("screenshots", OUT.toString());
    if (what.containsKey("shot")) {
      request.put("shot", SHOTS.resolve(what.get("shot").toString()).toString());
    }
    try {
      Files.createDirectories(OUT);
      Path in = OUT.resolve(name + ".request.json");
      Path out = OUT.resolve(name + ".out.json");
      Path err = OUT.resolve(name + ".err.txt");
      Files.writeString(in, JSON.writeValueAsString(request));
      Process node = new ProcessBuilder("node", DIR.resolve(script).toString()).directory(DIR.toFile())
          .redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!node.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        node.destroyForcibly();
        fail("browser step " + name + " as " + user + " timed out after " + TIMEOUT_SECONDS + " s; "
            + Files.readString(err));
      }
      if (node.exitValue() != 0) {
        fail("browser step " + name + " as " + user + " failed (exit " + node.exitValue() + "):\n"
            + Files.readString(err));
      }
      String stdout = Files.readString(out, StandardCharsets.UTF_8).strip();
      JsonNode answer = JSON.readTree(stdout.substring(stdout.lastIndexOf('\n') + 1));
      assertThat(answer.path("pageErrors")).as("uncaught JavaScript errors in the page during " + name).isEmpty();
      assertThat(answer.path("failedRequests")).as("server errors during " + name).isEmpty();
      copyShot(what);
      return answer;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The README's pictures, refreshed only when asked for ({@code -Dpmo.screenshots=docs/screenshots}). */
  private static void copyShot(Map<String, Object> what) throws IOException {
    String target = System.getProperty("pmo.screenshots");
    if (target == null || target.isBlank() || !what.containsKey("shot")) {
      return;
    }
    Path dir = BASEDIR.resolve(target);
    Files.createDirectories(dir);
    String file = what.get("shot").toString();
    Files.copy(SHOTS.resolve(file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
  }
}
