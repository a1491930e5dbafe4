package io.pmoflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pmoflow.TestProfiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * What the browser tests share: the application on a random port, one run of {@code src/test/browser/tasklist.mjs}
 * (headless Chromium, Debian's {@code /usr/bin/chromium}) per person and step, the steps of a form as the driver
 * reads them, setup over REST and reading the effects back from the store and the engine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
abstract class BrowserSupport {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Path BASEDIR = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
  static final Path DRIVER_DIR = BASEDIR.resolve("src/test/browser");
  static final Path OUT = BASEDIR.resolve("target/browser-it");
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @LocalServerPort int port;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;

  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void browserIsThere() {
    if (!Files.isExecutable(CHROMIUM)) {
      fail(CHROMIUM + " is missing: install Debian's package (apt-get install -y chromium); "
          + "the browser tests never download a browser");
    }
    if (!Files.isDirectory(DRIVER_DIR.resolve("node_modules/playwright-core"))) {
      fail("playwright-core is not installed: run 'npm ci' in " + DRIVER_DIR + " (mvn verify -Pbrowser-it does)");
    }
  }

  // ---- steps of a form, as tasklist.mjs reads them

  static Map<String, Object> fill(String field, String text) {
    return Map.of("field", field, "fill", text);
  }

  static Map<String, Object> date(String field, String isoDate) {
    return Map.of("field", field, "date", isoDate);
  }

  static Map<String, Object> select(String field, String label) {
    return Map.of("field", field, "select", label);
  }

  static Map<String, Object> radio(String field, String label) {
    return Map.of("field", field, "radio", label);
  }

  static Map<String, Object> check(String field, boolean checked) {
    return Map.of("field", field, "check", checked);
  }

  static Map<String, Object> addRow(String list) {
    return Map.of("addRow", list);
  }

  /** Asserts what a prefilled field shows, and with {@code readonly} that nobody can type into it. */
  static Map<String, Object> shows(String field, String value, boolean readonly) {
    return Map.of("field", field, "value", value, "readonly", readonly);
  }

  static Map<String, Object> showsDate(String field, String isoDate) {
    return Map.of("field", field, "dateValue", isoDate);
  }

  /** Asserts the form shows the text somewhere (a gate's label, a work package's name). */
  static Map<String, Object> see(String text) {
    return Map.of("see", text);
  }

  // ---- the browser

  /** One person doing one thing in the browser; returns the driver's JSON answer or fails with its reason. */
  JsonNode browser(String name, String user, Map<String, Object> what) {
    Map<String, Object> request = new LinkedHashMap<>(what);
    request.put("baseUrl", "http://localhost:" + port);
    request.put("user", user);
    request.put("name", name);
    request.put("screenshots", OUT.toString());
    try {
      Files.createDirectories(OUT);
      Path in = OUT.resolve(name + ".request.json");
      Path out = OUT.resolve(name + ".out.json");
      Path err = OUT.resolve(name + ".err.txt");
      Files.writeString(in, JSON.writeValueAsString(request));
      Process node = new ProcessBuilder("node", DRIVER_DIR.resolve("tasklist.mjs").toString())
          .directory(DRIVER_DIR.toFile())
          .redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile())
          .start();
      if (!node.waitFor(120, TimeUnit.SECONDS)) {
        node.destroyForcibly();
        fail("browser step " + name + " as " + user + " timed out after 120 s; " + Files.readString(err));
      }
      if (node.exitValue() != 0) {
        fail("browser step " + name + " as " + user + " failed (exit " + node.exitValue() + "):\n"
            + Files.readString(err));
      }
      String stdout = Files.readString(out, StandardCharsets.UTF_8).strip();
      JsonNode answer = JSON.readTree(stdout.substring(stdout.lastIndexOf('\n') + 1));
      assertThat(answer.path("pageErrors")).as("uncaught JavaScript errors in the page during " + name).isEmpty();
      return answer;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // ---- setup over REST and the engine, reading effects back

  String startRequestOverRest() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("projectName", Map.of("value", "Treasury consolidation"));
    variables.put("description", Map.of("value", "Consolidate the treasury systems"));
    variables.put("businessUnit", Map.of("value", "Finance"));
    variables.put("sponsor", Map.of("value", "sam.sponsor"));
    variables.put("estimatedBudget", Map.of("value", 80_000.0, "type", "Double"));
    variables.put("strategicAlignment", Map.of("value", 4, "type", "Long"));
    variables.put("complexity", Map.of("value", "MEDIUM"));
    variables.put("riskLevel", Map.of("value", "LOW"));
    variables.put("crossDepartmental", Map.of("value", false));
    variables.put("regulatory", Map.of("value", false));
    JsonNode started = rest("rae.requester", "/engine-rest/process-definition/key/projectIntake/start",
        Map.of("variables", variables), 200);
    return started.get("businessKey").asText();
  }

  void screenOverRest(String key) {
    String id = task(key, "Task_ScreenRequest").getId();
    rest("pat.pmo", "/engine-rest/task/" + id + "/claim", Map.of("userId", "pat.pmo"), 204);
    completeOverRest("pat.pmo", id, Map.of("decision", Map.of("value", "APPROVED")));
    runJobs();
  }

  String toDraftCharter() {
    String key = startRequestOverRest();
    screenOverRest(key);
    completeOverRest("sam.sponsor", task(key, "Task_AssignProjectManagerBySponsor").getId(),
        Map.of("projectManager", Map.of("value", "mia.manager")));
    runJobs();
    return key;
  }

  void completeOverRest(String user, String taskId, Map<String, Object> variables) {
    rest(user, "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables), 204);
  }

  JsonNode project(String key) {
    return rest("pat.pmo", "/api/projects/" + key, null, 200);
  }

  static JsonNode historyEntry(JsonNode project, String type) {
    for (JsonNode entry : project.get("history")) {
      if (entry.get("type").asText().equals(type)) {
        return entry;
      }
    }
    throw new AssertionError("no " + type + " in the history: " + project.get("history"));
  }

  static List<org.assertj.core.groups.Tuple> rows(JsonNode array, String... fields) {
    List<org.assertj.core.groups.Tuple> rows = new ArrayList<>();
    for (JsonNode row : array) {
      Object[] values = new Object[fields.length];
      for (int i = 0; i < fields.length; i++) {
        values[i] = row.path(fields[i]).asText();
      }
      rows.add(tuple(values));
    }
    return rows;
  }

  Task task(String projectKey, String taskDefinitionKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(projectKey)
        .taskDefinitionKey(taskDefinitionKey).singleResult();
  }

  /** Runs the async jobs a step left behind (the test profile has no job executor). */
  void runJobs() {
    for (int round = 0; round < 20; round++) {
      List<Job> jobs = managementService.createJobQuery().executable().messages().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(j -> managementService.executeJob(j.getId()));
    }
  }

  JsonNode rest(String user, String path, Object body, int expectedStatus) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    try {
      if (body != null) {
        request.header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      }
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("%s %s: %s", user, path, response.body()).isEqualTo(expectedStatus);
      return response.body().isEmpty() ? null : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
