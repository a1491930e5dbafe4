package io.pmoflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pmoflow.BrowserDriver;
import io.pmoflow.TestProfiles;
import io.pmoflow.process.ProjectJourneys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * What the browser tests share: the application on a random port, the scenario helpers of {@link ProjectJourneys}
 * (to bring a project to the point under test as the demo users would, through the engine), one run of
 * {@code src/test/browser/tasklist.mjs} (Tasklist and Cockpit) or {@code dashboard.mjs} (the portfolio dashboard)
 * per person and step ({@link BrowserDriver}), the steps of a form as the driver reads them, setup over REST and
 * reading the effects back from the store and the engine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
abstract class BrowserSupport extends ProjectJourneys {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;

  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void browserIsThere() {
    BrowserDriver.requireChromiumAndPlaywright();
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

  /** One person doing one thing in Tasklist or Cockpit; returns the driver's JSON answer or fails with its reason. */
  JsonNode browser(String name, String user, Map<String, Object> what) {
    return new BrowserDriver("tasklist.mjs", port, Map.of("engine", processEngine.getName())).run(name, user, what);
  }

  /** One person looking at the portfolio dashboard ({@code dashboard.mjs}). */
  JsonNode dashboard(String name, String user, Map<String, Object> what) {
    return new BrowserDriver("dashboard.mjs", port, Map.of()).run(name, user, what);
  }

  /** What the dashboard's project page shows of the project: phase, health, timeline (newest first). */
  JsonNode dashboardProject(String name, String key) {
    return dashboard(name, "pat.pmo", Map.of("action", "project", "key", key));
  }

  /**
   * One person completes one task with its form in Tasklist, claiming it first when it waits for a group; the jobs
   * it leaves run, and the task must be done, by them.
   */
  void completeInTasklist(String name, String user, Task task, List<Map<String, Object>> steps) {
    assertThat(task).as("open task for " + name).isNotNull();
    browser(name, user, Map.of("action", "completeTask", "taskId", task.getId(), "claim", task.getAssignee() == null,
        "steps", steps));
    runJobs();
    HistoricTaskInstance done = historyService.createHistoricTaskInstanceQuery().taskId(task.getId())
        .singleResult();
    assertThat(done.getEndTime()).as(name + ": completed").isNotNull();
    assertThat(done.getAssignee()).as(name + ": by").isEqualTo(user);
  }

  /** Fills the steps into the task's form and reports what the form said (see tasklist.mjs, "blocked"). */
  JsonNode blockedInTasklist(String name, String user, Task task, List<Map<String, Object>> steps) {
    JsonNode blocked = browser(name, user, Map.of("action", "completeTask", "taskId", task.getId(),
        "claim", task.getAssignee() == null, "expect", "blocked", "steps", steps));
    assertThat(blocked.get("completeDisabled").asBoolean()).as(name + ": Complete disabled").isTrue();
    assertThat(blocked.get("submitted").asBoolean()).as(name + ": nothing sent").isFalse();
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as(name + ": the task stays open").isOne();
    return blocked;
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
