package io.pmoflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import java.net.CookieManager;
import java.net.http.HttpClient;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
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

  /** Every /api endpoint (the controllers under io.pmoflow.api) and every engine REST resource root. */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "GET, /api/projects",
      "GET, /api/projects.csv",
      "GET, /api/projects/PRJ-2026-0001",
      "GET, /api/projects/PRJ-2026-0001/report",
      "GET, /api/projects/PRJ-2026-0001/decisions",
      "GET, /api/notifications",
      "POST, /api/notifications/1/read",
      "GET, /api/me/delegation",
      "PUT, /api/me/delegation",
      "DELETE, /api/me/delegation",
      "GET, /api/tasks/overdue",
      "POST, /api/governance/dry-run",
      "GET, /api/portfolio/summary",
      "GET, /api/portfolio/breakdown",
      "GET, /api/portfolio/flow",
      "GET, /api/portfolio/reviews/1",
      "GET, /api/lessons",
      "GET, /api/resources/capacity",
      "GET, /api/docs",
      "GET, /api/docs/ui",
      "GET, /api/anything-else",
      "GET, /engine-rest/authorization",
      "GET, /engine-rest/batch",
      "POST, /engine-rest/condition",
      "GET, /engine-rest/decision-definition",
      "GET, /engine-rest/decision-requirements-definition",
      "GET, /engine-rest/deployment",
      "POST, /engine-rest/deployment/create",
      "GET, /engine-rest/event-subscription",
      "GET, /engine-rest/execution",
      "GET, /engine-rest/external-task",
      "GET, /engine-rest/filter",
      "GET, /engine-rest/group",
      "GET, /engine-rest/history/process-instance",
      "GET, /engine-rest/history/task",
      "GET, /engine-rest/history/variable-instance",
      "GET, /engine-rest/history/activity-instance",
      "GET, /engine-rest/history/decision-instance",
      "GET, /engine-rest/history/user-operation",
      "GET, /engine-rest/identity/groups?userId=admin",
      "POST, /engine-rest/identity/verify",
      "GET, /engine-rest/incident",
      "GET, /engine-rest/job",
      "GET, /engine-rest/job-definition",
      "POST, /engine-rest/message",
      "GET, /engine-rest/metrics",
      "POST, /engine-rest/migration/generate",
      "POST, /engine-rest/modification/execute",
      "GET, /engine-rest/process-definition",
      "POST, /engine-rest/process-definition/key/projectIntake/start",
      "GET, /engine-rest/process-instance",
      "POST, /engine-rest/signal",
      "GET, /engine-rest/schema/log",
      "GET, /engine-rest/task",
      "GET, /engine-rest/telemetry/data",
      "GET, /engine-rest/tenant",
      "GET, /engine-rest/user",
      "POST, /engine-rest/user/create",
      "GET, /engine-rest/variable-instance",
      "GET, /engine-rest/version",
      "GET, /engine-rest/engine/default/task",
      "GET, /engine-rest/engine/default/process-definition"})
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

  // ---- issue 6, item 4 ----

  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired ProcessEngine processEngine;
  @Autowired JdbcClient jdbc;

  @Test
  void theEngineListIsTheOnlyOpenEngineRestResourceAndNamesNothingButTheEngine() {
    Reply engines = get(null, "/engine-rest/engine");
    assertThat(engines.status()).isEqualTo(200);
    assertThat(engines.json().findValuesAsText("name")).containsExactly("default");
  }

  @Test
  void theEnginesHardeningSwitchesAreSet() {
    ProcessEngineConfigurationImpl config =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    assertThat(config.isAuthorizationEnabled()).isTrue();
    assertThat(config.isEnableXxeProcessing()).as("enableXxeProcessing").isFalse();
    assertThat(config.isJavaSerializationFormatEnabled()).as("javaSerializationFormatEnabled").isFalse();
    assertThat(config.isEnableExpressionsInAdhocQueries()).as("enableExpressionsInAdhocQueries").isFalse();
    assertThat(config.isEnableExpressionsInStoredQueries()).as("enableExpressionsInStoredQueries").isFalse();
    assertThat(config.getQueryMaxResultsLimit()).as("queryMaxResultsLimit").isEqualTo(2000);
    assertThat(config.getDefaultSerializationFormat()).isEqualTo("application/json");
  }

  @Test
  void anOutsiderGetsNothingThroughTheWebappApiEitherAndTheTaskIsUnchangedInTheEngine() {
    String key = startIntake("rae.requester", "Archive scanning");
    String id = openTask("pat.pmo", key).get("id").asText();
    WebappSession board = loginToTasklist("bob.board");
    String base = "/camunda/api/engine/engine/default/task/" + id;

    assertThat(sendWith(board.client(), HttpRequest.newBuilder(uri(base)).GET()).status()).isIn(403, 404);
    assertThat(sendWith(board.client(), HttpRequest.newBuilder(uri(base + "/form-variables")).GET()).status())
        .isIn(403, 404);
    assertThat(sendWith(board.client(), HttpRequest.newBuilder(uri(base + "/variables")).GET()).status())
        .isIn(403, 404);
    assertThat(webappPost(board, base + "/claim", Map.of("userId", "bob.board")).status()).isEqualTo(403);
    // a refused call leaves the webapp session unusable (401 after it), so each refusal gets a fresh login
    assertThat(webappPost(loginToTasklist("bob.board"), base + "/assignee", Map.of("userId", "bob.board")).status())
        .isEqualTo(403);
    assertThat(webappPost(loginToTasklist("bob.board"), base + "/complete",
        Map.of("variables", Map.of("decision", var("REJECTED", "String")))).status()).isEqualTo(403);
    assertThat(put("bob.board", "/engine-rest/task/" + id + "/variables/decision", var("APPROVED", "String"))
        .status()).isEqualTo(403);
    assertThat(get("bob.board", "/engine-rest/task/" + id + "/variables").status()).isIn(403, 404);

    Task task = taskService.createTaskQuery().taskId(id).singleResult();
    assertThat(task).as("still open").isNotNull();
    assertThat(task.getAssignee()).isNull();
    assertThat(taskService.getVariable(id, "decision")).isNull();
    assertThat(jdbc.sql("select count(*) from pmo_project_history where project_key = :k and entry_type = 'SCREENING'")
        .param("k", key).query(Long.class).single()).isZero();
  }

  @Test
  void deploymentsThroughTheWebappApiAreRefusedForNonAdmins() {
    long before = repositoryService.createDeploymentQuery().count();
    for (String user : new String[] {"pat.pmo", "bob.board", "mia.manager"}) {
      WebappSession session = loginToTasklist(user);
      Reply reply = sendWith(session.client(), multipart(
          uri("/camunda/api/engine/engine/default/deployment/create"), "intruder-webapp", BPMN)
          .header("X-XSRF-TOKEN", session.csrfToken()));
      assertThat(reply.status()).as(user).isEqualTo(403);
    }
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);
  }

  @Test
  void aBpmnWithADoctypeOrAnExternalEntityIsRefusedEvenForAnAdmin() {
    String xxe = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE definitions [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="x" targetNamespace="t">
          <bpmn:process id="xxe" name="&secret;" isExecutable="true" camunda:historyTimeToLive="1">
            <bpmn:startEvent id="s"/>
          </bpmn:process>
        </bpmn:definitions>
        """;
    long before = repositoryService.createDeploymentQuery().count();
    Reply reply = send("admin", multipart(uri("/engine-rest/deployment/create"), "xxe", xxe));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body()).doesNotContain("root:");
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("xxe").count()).isZero();
  }

  @Test
  void javaSerializedAndUnreadableObjectVariablesAreRefusedWith400AndStartNothing() {
    long instances = runtimeService.createProcessInstanceQuery().count();
    long projects = projects();
    Map<String, Object> javaSerialized = requestVariables("Serialized gadget");
    javaSerialized.put("payload", Map.of("value", "rO0ABXQABGV2aWw=", "type", "Object", "valueInfo", Map.of(
        "objectTypeName", "java.lang.String", "serializationDataFormat", "application/x-java-serialized-object")));
    Reply refused = post("rae.requester", "/engine-rest/process-definition/key/projectIntake/start",
        Map.of("variables", javaSerialized));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("message").asText()).contains("payload").contains("Java serialization");

    Map<String, Object> gadget = requestVariables("Json gadget");
    gadget.put("payload", Map.of("value", "{\"command\":[\"id\"]}", "type", "Object", "valueInfo", Map.of(
        "objectTypeName", "java.lang.ProcessBuilder", "serializationDataFormat", "application/json")));
    Reply unreadable = post("rae.requester", "/engine-rest/process-definition/key/projectIntake/start",
        Map.of("variables", gadget, "withVariablesInReturn", true));
    assertThat(unreadable.status()).isEqualTo(400);
    assertThat(unreadable.json().get("message").asText()).contains("payload").doesNotContain("SPIN/");

    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
    assertThat(projects()).isEqualTo(projects);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "/engine-rest/task?maxResults=10&assigneeExpression=%24%7BcurrentUser()%7D",
      "/engine-rest/task?maxResults=10&candidateGroupsExpression=%24%7BcurrentUserGroups()%7D",
      "/engine-rest/task?maxResults=10&dueAfterExpression=%24%7Bnow()%7D"})
  void adHocQueryExpressionsAreRefused(String path) {
    Reply reply = get("pat.pmo", path);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("message").asText()).contains("Expressions are forbidden");
    Reply viaBody = post("pat.pmo", "/engine-rest/task?maxResults=10",
        Map.of("assigneeExpression", "${execution.getProcessEngineServices()}"));
    assertThat(viaBody.status()).isEqualTo(400);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"/engine-rest/task", "/engine-rest/process-instance", "/engine-rest/history/process-instance",
      "/engine-rest/history/task", "/engine-rest/variable-instance", "/engine-rest/process-definition"})
  void listsWithoutOrAboveTheResultLimitAreRefused(String path) {
    Reply unbounded = get("pat.pmo", path);
    assertThat(unbounded.status()).isEqualTo(400);
    assertThat(unbounded.json().get("message").asText()).contains("unbound number of results");
    Reply tooMany = get("pat.pmo", path + "?maxResults=2001");
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.json().get("message").asText()).contains("Max results limit of 2000 exceeded");
    assertThat(get("pat.pmo", path + "?maxResults=2000").status()).isEqualTo(200);
  }

  @Test
  void theWebappApiRefusesAPostWithoutTheCsrfToken() {
    String key = startIntake("rae.requester", "Badge printers");
    String id = openTask("pat.pmo", key).get("id").asText();
    WebappSession pmo = loginToTasklist("pat.pmo");
    Reply withoutToken = sendWith(pmo.client(), HttpRequest.newBuilder(
            uri("/camunda/api/engine/engine/default/task/" + id + "/claim"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(write(Map.of("userId", "pat.pmo")))));
    assertThat(withoutToken.status()).isEqualTo(403);
    Reply wrongToken = sendWith(loginToTasklist("pat.pmo").client(), HttpRequest.newBuilder(
            uri("/camunda/api/engine/engine/default/task/" + id + "/claim"))
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", "forged")
        .POST(HttpRequest.BodyPublishers.ofString(write(Map.of("userId", "pat.pmo")))));
    assertThat(wrongToken.status()).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(id).singleResult().getAssignee()).isNull();
    assertThat(post("pat.pmo", "/engine-rest/task/" + id + "/claim", Map.of("userId", "pat.pmo")).status())
        .as("pat.pmo may claim it: only the missing token stood in the way").isEqualTo(204);
  }

  @Test
  void securityHeadersOnTheApiTheEngineRestApiAndTheWebapps() {
    for (Reply reply : new Reply[] {get(null, "/api/projects"), get("pat.pmo", "/api/projects"),
        get("pat.pmo", "/engine-rest/task?maxResults=1"), get(null, "/engine-rest/task"), get(null, "/nope")}) {
      assertThat(reply.headers().get("X-Content-Type-Options")).containsExactly("nosniff");
      assertThat(reply.headers().get("Content-Security-Policy")).singleElement().asString()
          .contains("default-src 'self'").contains("frame-ancestors 'none'").contains("object-src 'none'");
      assertThat(reply.headers().get("X-Frame-Options")).containsExactly("DENY");
      assertThat(reply.headers()).as("HSTS only in production (prod-security)")
          .doesNotContainKey("Strict-Transport-Security").doesNotContainKey("strict-transport-security");
    }
    Reply tasklist = get(null, "/camunda/app/tasklist/default/");
    assertThat(tasklist.status()).isEqualTo(200);
    assertThat(tasklist.headers().get("X-Content-Type-Options")).containsExactly("nosniff");
    assertThat(tasklist.headers().get("Content-Security-Policy")).singleElement().asString()
        .contains("frame-ancestors 'none'").contains("object-src 'none'");
  }

  @Test
  void theFirstAdminSetupIsClosedOnceAnAdminExists() {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    sendWith(browser, HttpRequest.newBuilder(uri("/camunda/app/admin/default/setup/")).GET());
    String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .findFirst().orElseThrow().getValue();
    Reply setup = sendWith(browser, HttpRequest.newBuilder(uri("/camunda/api/admin/setup/default/user/create"))
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString(write(Map.of(
            "profile", Map.of("id", "eve.intruder", "firstName", "Eve", "lastName", "Intruder",
                "email", "eve@example.com"),
            "credentials", Map.of("password", "Intruder-2026"))))));
    assertThat(setup.status()).isEqualTo(403);
    assertThat(identityService.createUserQuery().userId("eve.intruder").count()).isZero();
    assertThat(identityService.createGroupQuery().groupMember("eve.intruder").count()).isZero();
  }

  @Test
  void errorBodiesCarryNoStackTraceExceptionClassOrSql() {
    Reply unknownPath = get("pat.pmo", "/no-such-page");
    assertThat(unknownPath.status()).isEqualTo(404);
    assertThat(unknownPath.json().has("trace")).isFalse();
    assertThat(unknownPath.json().has("exception")).isFalse();
    assertThat(unknownPath.json().path("message").asText("")).isEmpty();

    Reply wrongMethod = send("pat.pmo", HttpRequest.newBuilder(uri("/api/projects"))
        .method("PATCH", HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertClean(wrongMethod);

    // a variable name longer than the engine's column: refused before the database would fail on it
    long projects = projects();
    Map<String, Object> variables = requestVariables("Long names");
    variables.put("x".repeat(300), var("value", "String"));
    Reply tooLong = post("rae.requester", "/engine-rest/process-definition/key/projectIntake/start",
        Map.of("variables", variables));
    assertThat(tooLong.status()).isEqualTo(400);
    assertClean(tooLong);
    assertThat(tooLong.json().get("message").asText()).contains("255");
    assertThat(projects()).as("the start's project record is rolled back with it").isEqualTo(projects);

    Reply correlation = post("pat.pmo", "/engine-rest/message", Map.of("messageName", "Msg_Nothing"));
    assertThat(correlation.status()).isEqualTo(400);
    assertThat(correlation.json().get("message").asText()).startsWith("Cannot correlate message 'Msg_Nothing'");
    assertClean(correlation);

    Reply unknownTask = post("pat.pmo", "/engine-rest/task/no-such-task/complete", Map.of());
    assertThat(unknownTask.status()).isEqualTo(404);
    assertClean(unknownTask);

    Reply notJson = post("pat.pmo", "/engine-rest/message", "{not json");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.json().get("message").asText()).contains("not the JSON");
    assertClean(notJson);

    Reply apiNotJson = send("pat.pmo", HttpRequest.newBuilder(uri("/api/me/delegation"))
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{not json")));
    assertThat(apiNotJson.status()).isEqualTo(400);
    assertClean(apiNotJson);
  }

  private static void assertClean(Reply reply) {
    assertThat(reply.body()).as(reply.body())
        .doesNotContain("\tat ").doesNotContain("at org.").doesNotContain("at java.")
        .doesNotContainIgnoringCase("select ").doesNotContainIgnoringCase("insert into")
        .doesNotContain("ACT_").doesNotContain("SQL").doesNotContain("org.camunda").doesNotContain("java.lang")
        .doesNotContain("\"trace\"").doesNotContain("\"exception\"").doesNotContain("Jackson")
        .doesNotContain("[Source:");
  }

  private long projects() {
    return jdbc.sql("select count(*) from pmo_project").query(Long.class).single();
  }

  private Reply webappPost(WebappSession session, String path, Object body) {
    return sendWith(session.client(), HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .header("X-XSRF-TOKEN", session.csrfToken()).POST(HttpRequest.BodyPublishers.ofString(write(body))));
  }

  private Reply put(String user, String path, Object body) {
    return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(write(body))));
  }

  static HttpRequest.Builder multipart(java.net.URI uri, String name, String bpmn) {
    String boundary = "pmo-boundary";
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + name
        + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + name
        + ".bpmn\"\r\nContent-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
    return HttpRequest.newBuilder(uri).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }
}
