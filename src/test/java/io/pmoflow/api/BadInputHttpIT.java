package io.pmoflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bad-input catalogue: malformed start forms, task completions, messages and /api calls, each answered with a
 * 4xx that names what is wrong, and none changing anything, counted in the project store's tables and in the
 * engine (running instances, open tasks, variables) before and after every case.
 */
class BadInputHttpIT extends HttpSupport {

  static final String START = "/engine-rest/process-definition/key/%s/start";
  static final String[] STORE_TABLES = {"pmo_project", "pmo_project_history", "pmo_risk", "pmo_change",
      "pmo_notification", "pmo_delegation", "pmo_phase_stay"};

  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  record Case(String name, int status, String names, Supplier<Reply> call) {
  }

  @Test
  void everyMalformedInputIsA4xxNamingTheProblemAndChangesNothing() {
    String project = startIntake("rae.requester", "Catalogue project");
    String screening = openTask("pat.pmo", project).get("id").asText();
    String decided = startIntake("rae.requester", "Catalogue decided");
    String decidedTask = openTask("pat.pmo", decided).get("id").asText();
    assertThat(post("pat.pmo", "/engine-rest/task/" + decidedTask + "/complete",
        Map.of("variables", Map.of("decision", var("APPROVED", "String"))))).extracting(Reply::status).isEqualTo(204);
    runJobs();

    List<Case> cases = new ArrayList<>();
    // projectIntake start form (CONTRACT §3)
    cases.add(intake("projectName missing", 400, "projectName", v -> v.remove("projectName")));
    cases.add(intake("projectName too short", 400, "projectName", v -> v.put("projectName", var("ab", "String"))));
    cases.add(intake("projectName 201 characters", 400, "projectName",
        v -> v.put("projectName", var("p".repeat(201), "String"))));
    cases.add(intake("projectName oversized (100,000 characters)", 400, "projectName",
        v -> v.put("projectName", var("p".repeat(100_000), "String"))));
    cases.add(intake("description missing", 400, "description", v -> v.remove("description")));
    cases.add(intake("businessUnit blank", 400, "businessUnit", v -> v.put("businessUnit", var("   ", "String"))));
    cases.add(intake("sponsor unknown user", 400, "sponsor", v -> v.put("sponsor", var("ghost.user", "String"))));
    cases.add(intake("sponsor SQL injection", 400, "sponsor",
        v -> v.put("sponsor", var("x' or '1'='1' --", "String"))));
    cases.add(intake("estimatedBudget negative", 400, "estimatedBudget",
        v -> v.put("estimatedBudget", var(-5.0, "Double"))));
    cases.add(intake("estimatedBudget text", 400, "estimatedBudget",
        v -> v.put("estimatedBudget", var("lots", "String"))));
    cases.add(intake("estimatedBudget missing", 400, "estimatedBudget", v -> v.remove("estimatedBudget")));
    cases.add(intake("strategicAlignment 0", 400, "strategicAlignment",
        v -> v.put("strategicAlignment", var(0, "Long"))));
    cases.add(intake("strategicAlignment 6", 400, "strategicAlignment",
        v -> v.put("strategicAlignment", var(6, "Long"))));
    cases.add(intake("strategicAlignment boolean", 400, "strategicAlignment",
        v -> v.put("strategicAlignment", var(true, "Boolean"))));
    cases.add(intake("complexity not an option", 400, "complexity",
        v -> v.put("complexity", var("EXTREME", "String"))));
    cases.add(intake("riskLevel script injection", 400, "riskLevel",
        v -> v.put("riskLevel", var("<script>alert(1)</script>", "String"))));
    cases.add(intake("requestedStart 30 February", 400, "requestedStart",
        v -> v.put("requestedStart", var("2027-02-30", "String"))));
    cases.add(intake("requestedStart not a date", 400, "requestedStart",
        v -> v.put("requestedStart", var("next Tuesday", "String"))));
    cases.add(intake("requestedEnd before requestedStart", 400, "requestedEnd",
        v -> v.put("requestedEnd", var("2027-01-01", "String"))));
    cases.add(intake("Java-serialized object variable", 400, "payload", v -> v.put("payload", Map.of(
        "value", "rO0ABXQABGV2aWw=", "type", "Object", "valueInfo", Map.of("objectTypeName", "java.lang.String",
            "serializationDataFormat", "application/x-java-serialized-object")))));
    cases.add(intake("variable name of 300 characters", 400, "variable name",
        v -> v.put("n".repeat(300), var("x", "String"))));
    cases.add(new Case("start body not JSON", 400, "JSON",
        () -> post("rae.requester", START.formatted("projectIntake"), "{\"variables\": ")));
    cases.add(new Case("start of an unknown process", 404, "nope",
        () -> post("rae.requester", START.formatted("nope"), Map.of("variables", Map.of()))));

    // changeRequest and riskEscalation start forms
    cases.add(start("changeRequest", "change for an unknown project", 400, "projectKey",
        change("PRJ-1999-0001")));
    cases.add(start("changeRequest", "change with a SQL injection as project key", 400, "projectKey",
        change("PRJ' OR '1'='1")));
    cases.add(start("changeRequest", "change without a project key", 400, "projectKey", changeWithout()));
    cases.add(start("riskEscalation", "risk probability 9", 400, "probability", risk(project, 9, 3, "Vendor")));
    cases.add(start("riskEscalation", "risk impact 0", 400, "impact", risk(project, 2, 0, "Vendor")));
    cases.add(start("riskEscalation", "risk title missing", 400, "riskTitle", risk(project, 2, 3, null)));
    cases.add(start("riskEscalation", "risk for an unknown project", 400, "projectKey",
        risk("PRJ-1999-0002", 2, 3, "Vendor")));
    Map<String, Object> textProbability = risk(project, 2, 3, "Vendor");
    textProbability.put("probability", var("high", "String"));
    cases.add(start("riskEscalation", "risk probability as text", 400, "probability", textProbability));

    // task completions (the screening of CONTRACT §3: decision, decisionComment)
    cases.add(complete("decision missing", screening, 400, "decision", Map.of()));
    cases.add(complete("decision not an option", screening, 400, "decision",
        Map.of("decision", var("MAYBE", "String"))));
    cases.add(complete("decision SQL injection", screening, 400, "decision",
        Map.of("decision", var("APPROVED'); drop table pmo_project; --", "String"))));
    cases.add(complete("decision as a number", screening, 400, "decision", Map.of("decision", var(1, "Long"))));
    cases.add(complete("REJECTED without decisionComment", screening, 400, "decisionComment",
        Map.of("decision", var("REJECTED", "String"))));
    cases.add(complete("decisionComment oversized (10,000 characters)", screening, 400, "decisionComment",
        Map.of("decision", var("REJECTED", "String"), "decisionComment", var("c".repeat(10_000), "String"))));
    cases.add(complete("unknown task", "no-such-task", 404, "no-such-task",
        Map.of("decision", var("APPROVED", "String"))));
    cases.add(complete("duplicate submission of a decided screening", decidedTask, 404, decidedTask,
        Map.of("decision", var("APPROVED", "String"))));

    // messages (CONTRACT §3: Msg_ProjectCancelled)
    cases.add(message("message without a name", 400, "message name", Map.of("businessKey", project)));
    cases.add(message("unknown message", 400, "Msg_Nothing", Map.of("messageName", "Msg_Nothing")));
    cases.add(message("cancellation of an unknown project", 400, "Msg_ProjectCancelled",
        Map.of("messageName", "Msg_ProjectCancelled", "businessKey", "PRJ-1999-0003")));
    cases.add(message("cancellation of a project still in intake", 400, "Msg_ProjectCancelled",
        Map.of("messageName", "Msg_ProjectCancelled", "businessKey", project)));
    cases.add(message("cancellation with an injected business key", 400, "Msg_ProjectCancelled",
        Map.of("messageName", "Msg_ProjectCancelled", "businessKey", "' or 1=1 --")));
    cases.add(message("business key of 300 characters", 400, "businessKey",
        Map.of("messageName", "Msg_ProjectCancelled", "businessKey", "k".repeat(300))));
    cases.add(new Case("message body not JSON", 400, "JSON",
        () -> post("pat.pmo", "/engine-rest/message", "{not json")));

    // /api
    cases.add(api("page -1", 400, "page", () -> get("pat.pmo", "/api/projects?page=-1")));
    cases.add(api("size 100,000", 400, "size", () -> get("pat.pmo", "/api/projects?size=100000")));
    cases.add(api("phase unknown", 400, "phase", () -> get("pat.pmo", "/api/projects?phase=DREAMING")));
    cases.add(api("sort injection", 400, "sort", () -> get("pat.pmo", "/api/projects?sort=name;drop")));
    cases.add(api("project key injection", 404, "PRJ", () -> get("pat.pmo", "/api/projects/PRJ'%20or%201=1--")));
    cases.add(api("notification id not a number", 400, "id",
        () -> post("pat.pmo", "/api/notifications/abc/read", Map.of())));
    cases.add(api("notification id out of range", 400, "id",
        () -> post("pat.pmo", "/api/notifications/99999999999999999999/read", Map.of())));
    cases.add(api("notification of nobody", 404, "424242",
        () -> post("pat.pmo", "/api/notifications/424242/read", Map.of())));
    cases.add(api("delegation to an unknown user", 400, "substitute",
        () -> delegate(Map.of("substitute", "ghost.user", "from", "2030-01-01", "to", "2030-01-05"))));
    cases.add(api("delegation from an invalid date", 400, "from",
        () -> delegate(Map.of("substitute", "pat.pmo", "from", "2030-13-01", "to", "2030-01-05"))));
    cases.add(api("delegation ending before it starts", 400, "to",
        () -> delegate(Map.of("substitute", "pat.pmo", "from", "2030-01-05", "to", "2030-01-01"))));
    cases.add(api("delegation substitute oversized", 400, "substitute",
        () -> delegate(Map.of("substitute", "s".repeat(100_000), "from", "2030-01-01", "to", "2030-01-05"))));
    cases.add(api("delegation with wrong types", 400, "JSON",
        () -> delegate("{\"substitute\": 5, \"from\": [], \"to\": {}}")));
    cases.add(api("delegation as text/plain", 415, "Content-Type",
        () -> send("sam.sponsor", HttpRequest.newBuilder(uri("/api/me/delegation"))
            .header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofString("pat.pmo")))));
    cases.add(api("capacity from month 99", 400, "from",
        () -> get("pat.pmo", "/api/resources/capacity?from=2027-99-01")));
    cases.add(api("lessons of an unknown category", 400, "category",
        () -> get("pat.pmo", "/api/lessons?category=NOPE")));
    cases.add(api("portfolio review id not a number", 400, "id",
        () -> get("pat.pmo", "/api/portfolio/reviews/abc")));
    cases.add(api("unknown portfolio review", 404, "999999", () -> get("pat.pmo", "/api/portfolio/reviews/999999")));

    List<String> failures = new ArrayList<>();
    for (Case c : cases) {
      Map<String, Long> before = counts();
      Reply reply = c.call().get();
      String message = reply.status() >= 400 && reply.body().startsWith("{")
          ? reply.json().path("message").asText("") : reply.body();
      if (reply.status() != c.status()) {
        failures.add(c.name() + ": expected " + c.status() + ", got " + reply.status() + " " + reply.body());
      } else if (!message.contains(c.names())) {
        failures.add(c.name() + ": the message does not name '" + c.names() + "': " + message);
      } else if (!counts().equals(before)) {
        failures.add(c.name() + ": changed something: " + before + " → " + counts());
      }
    }
    System.out.println("Bad-input catalogue: " + cases.size() + " cases tried, " + (cases.size() - failures.size())
        + " refused as expected with nothing changed");
    assertThat(failures).isEmpty();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
    assertThat(taskService.createTaskQuery().taskId(screening).singleResult().getAssignee()).isNull();
  }

  private Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : STORE_TABLES) {
      counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
    }
    counts.put("instances", runtimeService.createProcessInstanceQuery().count());
    counts.put("tasks", taskService.createTaskQuery().count());
    counts.put("variables", runtimeService.createVariableInstanceQuery().count());
    return counts;
  }

  private Case intake(String name, int status, String field,
      java.util.function.Consumer<Map<String, Object>> change) {
    Map<String, Object> variables = requestVariables("Catalogue " + name);
    change.accept(variables);
    return start("projectIntake", name, status, field, variables);
  }

  private Case start(String process, String name, int status, String field, Map<String, Object> variables) {
    return new Case(name, status, field,
        () -> post("rae.requester", START.formatted(process), Map.of("variables", variables)));
  }

  private Case complete(String name, String taskId, int status, String field, Map<String, Object> variables) {
    return new Case(name, status, field, () -> post("pat.pmo", "/engine-rest/task/" + taskId + "/complete",
        Map.of("variables", variables)));
  }

  private Case message(String name, int status, String names, Map<String, Object> body) {
    return new Case(name, status, names, () -> post("pat.pmo", "/engine-rest/message", body));
  }

  private static Case api(String name, int status, String names, Supplier<Reply> call) {
    return new Case(name, status, names, call);
  }

  private Reply delegate(Object body) {
    return send("sam.sponsor", HttpRequest.newBuilder(uri("/api/me/delegation"))
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(write(body))));
  }

  private static Map<String, Object> change(String projectKey) {
    Map<String, Object> v = changeWithout();
    v.put("projectKey", var(projectKey, "String"));
    return v;
  }

  private static Map<String, Object> changeWithout() {
    return new HashMap<>(Map.of("title", var("More tills", "String"), "reason", var("Queues", "String"),
        "costImpact", var(2500.0, "Double"), "scheduleImpactDays", var(5, "Long"),
        "scopeImpact", var("MINOR", "String")));
  }

  private static Map<String, Object> risk(String projectKey, int probability, int impact, String title) {
    Map<String, Object> v = new HashMap<>(Map.of("projectKey", var(projectKey, "String"),
        "probability", var(probability, "Long"), "impact", var(impact, "Long"),
        "mitigation", var("Second vendor", "String")));
    if (title != null) {
      v.put("riskTitle", var(title, "String"));
    }
    return v;
  }
}
