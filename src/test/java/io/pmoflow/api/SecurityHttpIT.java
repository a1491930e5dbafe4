package io.pmoflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Autowired;

/** CONTRACT §1–§2 over HTTP: nothing anonymous, tasks only for their groups, deployment only for admins. */
class SecurityHttpIT extends HttpSupport {

  static final String BPMN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
        <bpmn:process id="intruder" isExecutable="true" camunda:historyTimeToLive="1">
          <bpmn:startEvent id="s"/>
        </bpmn:process>
      </bpmn:definitions>
      """;

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "GET, /engine-rest/task",
      "GET, /engine-rest/process-definition",
      "GET, /engine-rest/process-instance",
      "GET, /engine-rest/deployment",
      "GET, /engine-rest/user",
      "GET, /engine-rest/authorization",
      "GET, /engine-rest/history/process-instance",
      "GET, /engine-rest/variable-instance",
      "POST, /engine-rest/process-definition/key/projectIntake/start",
      "POST, /engine-rest/deployment/create",
      "POST, /engine-rest/message",
      "GET, /api/projects",
      "GET, /api/projects/PRJ-2026-0001",
      "GET, /api/notifications",
      "POST, /api/notifications/1/read"})
  void anonymousCallsAreRefusedWith401(String method, String path) {
    Reply reply = send(null, HttpRequest.newBuilder(uri(path))
        .method(method, HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json"));
    assertThat(reply.status()).isEqualTo(401);
  }

  @Autowired IdentityService identityService;

  @Test
  void wrongPasswordsAreRefusedAndTheApiAsksForBasicAuth() {
    // its own user: failed logins make the identity service hold off that user for a few seconds
    if (identityService.createUserQuery().userId("guess.who").count() == 0) {
      User user = identityService.newUser("guess.who");
      user.setPassword("right");
      identityService.saveUser(user);
    }
    Reply reply = send(null, HttpRequest.newBuilder(uri("/api/projects")).GET().header("Authorization",
        "Basic " + java.util.Base64.getEncoder().encodeToString("guess.who:wrong".getBytes(StandardCharsets.UTF_8))));
    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.headers().get("WWW-Authenticate")).containsExactly("Basic realm=\"PMO Flow\"");
    assertThat(send(null, HttpRequest.newBuilder(uri("/engine-rest/task?maxResults=1")).GET()
        .header("Authorization", "Basic " + java.util.Base64.getEncoder()
            .encodeToString("guess.who:wrong".getBytes(StandardCharsets.UTF_8)))).status()).isEqualTo(401);
  }

  @Test
  void healthIsPublicWithoutDetails() {
    Reply reply = get(null, "/actuator/health");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("status").asText()).isEqualTo("UP");
    assertThat(reply.json().has("components")).isFalse();
    assertThat(get(null, "/actuator/env").status()).isIn(401, 404);
  }

  @Test
  void onlyAdminsMayDeploy() {
    for (String user : new String[] {"pat.pmo", "bob.board", "rae.requester", "mia.manager"}) {
      assertThat(deploy(user).status()).as(user).isEqualTo(403);
    }
    assertThat(deploy("admin").status()).isEqualTo(200);
    assertThat(get("admin", "/engine-rest/process-definition/key/intruder").status()).isEqualTo(200);
  }

  private Reply deploy(String user) {
    String boundary = "pmo-boundary";
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nintruder\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"intruder.bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + BPMN + "\r\n--" + boundary + "--\r\n";
    return send(user, HttpRequest.newBuilder(uri("/engine-rest/deployment/create"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  @Test
  void aUserOutsideTheTasksGroupCannotListReadClaimOrCompleteIt() {
    String key = startIntake("rae.requester", "Ledger cleanup");
    JsonNode task = openTask("pat.pmo", key);
    assertThat(task).as("pmo sees its screening task").isNotNull();
    String id = task.get("id").asText();

    assertThat(openTask("bob.board", key)).isNull();
    assertThat(get("bob.board", "/engine-rest/task/" + id).status()).isIn(403, 404);
    assertThat(get("bob.board", "/engine-rest/task/" + id + "/form-variables").status()).isIn(403, 404);
    assertThat(post("bob.board", "/engine-rest/task/" + id + "/claim", Map.of("userId", "bob.board")).status())
        .isEqualTo(403);
    assertThat(post("bob.board", "/engine-rest/task/" + id + "/complete",
        Map.of("variables", Map.of("decision", var("APPROVED", "String")))).status()).isEqualTo(403);
    assertThat(post("rae.requester", "/engine-rest/task/" + id + "/submit-form",
        Map.of("variables", Map.of("decision", var("APPROVED", "String")))).status()).isEqualTo(403);

    WebappSession tasklist = loginToTasklist("bob.board");
    Reply viaWebapp = sendWith(tasklist.client(), HttpRequest.newBuilder(
        uri("/camunda/api/engine/engine/default/task?maxResults=50&processInstanceBusinessKey=" + key)).GET());
    assertThat(viaWebapp.status()).isEqualTo(200);
    assertThat(viaWebapp.json()).isEmpty();
    Reply completeViaWebapp = sendWith(tasklist.client(), HttpRequest.newBuilder(
            uri("/camunda/api/engine/engine/default/task/" + id + "/submit-form"))
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", tasklist.csrfToken())
        .POST(HttpRequest.BodyPublishers.ofString(write(Map.of("variables",
            Map.of("decision", var("APPROVED", "String")))))));
    assertThat(completeViaWebapp.status()).isEqualTo(403);

    JsonNode still = openTask("pat.pmo", key);
    assertThat(still).isNotNull();
    assertThat(still.get("assignee").isNull()).isTrue();
  }

  @Test
  void tasklistFiltersAreReadableByTheirRolesOnly() {
    JsonNode patFilters = get("pat.pmo", "/engine-rest/filter?maxResults=50").json();
    JsonNode raeFilters = get("rae.requester", "/engine-rest/filter?maxResults=50").json();
    assertThat(patFilters.findValuesAsText("name")).contains("My tasks", "PMO queue").doesNotContain("Board queue");
    assertThat(raeFilters.findValuesAsText("name")).contains("My tasks").doesNotContain("PMO queue");
  }
}
