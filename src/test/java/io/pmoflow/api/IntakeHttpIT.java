package io.pmoflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** CONTRACT §1–§3 and §5 for intake, over HTTP as a client uses them. */
class IntakeHttpIT extends HttpSupport {

  @Autowired IdentityService identityService;

  @Test
  void startCarriesTheProjectKeyAsBusinessKeyAndVariable() {
    Reply r = post("rae.requester", "/engine-rest/process-definition/key/projectIntake/start",
        Map.of("variables", requestVariables("Treasury"), "withVariablesInReturn", true));
    assertThat(r.status()).isEqualTo(200);
    String key = r.json().get("businessKey").asText();
    assertThat(key).matches("PRJ-\\d{4}-\\d{4}");
    assertThat(r.json().at("/variables/projectKey/value").asText()).isEqualTo(key);
    assertThat(r.json().at("/variables/pmoType/value").asText()).isEqualTo("SUPPORTIVE");

    JsonNode project = get("rae.requester", "/api/projects/" + key).json();
    assertThat(project.get("phase").asText()).isEqualTo("INTAKE");
    assertThat(project.get("pmoType").asText()).isEqualTo("SUPPORTIVE");
    assertThat(project.get("requester").asText()).isEqualTo("rae.requester");
  }

  @Test
  void theTasklistStartFormPathWorksAndRefusesBadInputToo() {
    Reply ok = post("rae.requester", "/engine-rest/process-definition/key/projectIntake/submit-form",
        Map.of("variables", requestVariables("Submitted by form")));
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json().get("businessKey").asText()).matches("PRJ-\\d{4}-\\d{4}");

    Map<String, Object> bad = requestVariables("Bad form");
    bad.put("requestedEnd", var("2027-01-01", "String"));
    Reply refused = post("rae.requester", "/engine-rest/process-definition/key/projectIntake/submit-form",
        Map.of("variables", bad));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("message").asText()).contains("requestedEnd");
  }

  @Test
  void badInputGets400NamingTheFieldAndNoInstanceOrProjectRemains() {
    long before = get("pat.pmo", "/api/projects?size=1").json().get("totalElements").asLong();
    long instancesBefore = get("admin", "/engine-rest/history/process-instance/count?processDefinitionKey=projectIntake")
        .json().get("count").asLong();
    Map<String, Map<String, Object>> cases = Map.of(
        "estimatedBudget", Map.of("estimatedBudget", var(-1.0, "Double")),
        "strategicAlignment", Map.of("strategicAlignment", var("high", "String")),
        "sponsor", Map.of("sponsor", var("nobody", "String")),
        "projectName", Map.of("projectName", var("x".repeat(300), "String")),
        "complexity", Map.of("complexity", var("EXTREME", "String")));
    cases.forEach((field, change) -> {
      Map<String, Object> variables = requestVariables("Bad " + field);
      variables.putAll(change);
      Reply r = post("rae.requester", "/engine-rest/process-definition/key/projectIntake/start",
          Map.of("variables", variables));
      assertThat(r.status()).as(field).isEqualTo(400);
      assertThat(r.json().get("message").asText()).as(field).contains(field + ":");
    });
    Map<String, Object> missing = requestVariables("Missing unit");
    missing.remove("businessUnit");
    Reply r = post("rae.requester", "/engine-rest/process-definition/key/projectIntake/start",
        Map.of("variables", missing));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("message").asText()).contains("businessUnit: is required");

    assertThat(get("pat.pmo", "/api/projects?size=1").json().get("totalElements").asLong()).isEqualTo(before);
    assertThat(get("admin", "/engine-rest/history/process-instance/count?processDefinitionKey=projectIntake")
        .json().get("count").asLong()).isEqualTo(instancesBefore);
  }

  @Test
  void screeningOverHttpApprovesTheProjectAndTheStoreApiShowsIt() {
    String key = startIntake("rae.requester", "Payments hub");
    JsonNode task = openTask("pat.pmo", key);
    String id = task.get("id").asText();
    assertThat(task.get("name").asText()).isEqualTo("Screen project request");
    assertThat(get("pat.pmo", "/engine-rest/task/" + id + "/deployed-form").json().get("id").asText())
        .isEqualTo("screenRequest");

    Reply invalid = post("pat.pmo", "/engine-rest/task/" + id + "/submit-form",
        Map.of("variables", Map.of("decision", var("REJECTED", "String"))));
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().get("message").asText()).contains("decisionComment");
    assertThat(openTask("pat.pmo", key)).as("the task stays open").isNotNull();

    assertThat(post("pat.pmo", "/engine-rest/task/" + id + "/submit-form",
        Map.of("variables", Map.of("decision", var("APPROVED", "String")))).status()).isEqualTo(204);
    runJobs();

    JsonNode page = get("bob.board", "/api/projects?phase=INITIATION&pmoType=SUPPORTIVE&size=200").json();
    assertThat(page.get("content").findValuesAsText("key")).contains(key);
    JsonNode project = get("bob.board", "/api/projects/" + key).json();
    assertThat(project.get("phase").asText()).isEqualTo("INITIATION");
    assertThat(project.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(project.get("history").findValuesAsText("type"))
        .containsExactly("REQUESTED", "GOVERNANCE_ROUTED", "SCREENING", "PHASE_CHANGED");
    assertThat(project.get("history").get(2).get("actor").asText()).isEqualTo("pat.pmo");

    JsonNode samTask = get("sam.sponsor", "/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + key).json();
    assertThat(samTask.findValuesAsText("name")).containsExactly("Assign project manager");
    assertThat(samTask.get(0).get("assignee").asText()).isEqualTo("sam.sponsor");
  }

  @Test
  void separationOfDutiesIs403OverHttp() {
    if (identityService.createUserQuery().userId("ria.pmo").count() == 0) {
      User ria = identityService.newUser("ria.pmo");
      ria.setPassword("demo");
      ria.setEmail("ria.pmo@pmo-flow.example");
      identityService.saveUser(ria);
      identityService.createMembership("ria.pmo", "pmo");
      identityService.createMembership("ria.pmo", "requesters");
    }
    String key = startIntake("ria.pmo", "My own idea");
    assertThat(openTask("ria.pmo", key)).as("the requester does not see their own screening").isNull();
    String id = openTask("pat.pmo", key).get("id").asText();
    assertThat(post("ria.pmo", "/engine-rest/task/" + id + "/claim", Map.of("userId", "ria.pmo")).status())
        .isEqualTo(403);
    assertThat(post("ria.pmo", "/engine-rest/task/" + id + "/complete",
        Map.of("variables", Map.of("decision", var("APPROVED", "String")))).status()).isEqualTo(403);
    JsonNode still = openTask("pat.pmo", key);
    assertThat(still).isNotNull();
    assertThat(still.get("assignee").isNull()).isTrue();
  }

  @Test
  void projectApiErrorsAreJson() {
    Reply missing = get("pat.pmo", "/api/projects/PRJ-1999-9999");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().get("message").asText()).contains("PRJ-1999-9999");
    Reply badPhase = get("pat.pmo", "/api/projects?phase=DREAMING");
    assertThat(badPhase.status()).isEqualTo(400);
    assertThat(badPhase.json().get("field").asText()).isEqualTo("phase");
    Reply badSize = get("pat.pmo", "/api/projects?size=5000");
    assertThat(badSize.status()).isEqualTo(400);
    assertThat(badSize.json().get("field").asText()).isEqualTo("size");
  }

  @Test
  void rejectedRequesterFindsTheReasonInTheInboxAndMarksItRead() {
    String key = startIntake("rae.requester", "Fancy chairs");
    String id = openTask("pat.pmo", key).get("id").asText();
    post("pat.pmo", "/engine-rest/task/" + id + "/complete", Map.of("variables", Map.of(
        "decision", var("REJECTED", "String"), "decisionComment", var("No budget this year", "String"))));
    runJobs();
    assertThat(get("pat.pmo", "/api/projects/" + key).json().get("phase").asText()).isEqualTo("REJECTED");

    JsonNode inbox = get("rae.requester", "/api/notifications?unread=true").json();
    JsonNode item = null;
    for (JsonNode n : inbox) {
      if (key.equals(n.get("projectKey").asText())) {
        item = n;
      }
    }
    assertThat(item).isNotNull();
    assertThat(item.get("kind").asText()).isEqualTo("REQUEST_REJECTED");
    assertThat(item.get("text").asText()).contains("No budget this year");
    long itemId = item.get("id").asLong();

    assertThat(post("bob.board", "/api/notifications/" + itemId + "/read", "").status()).isEqualTo(404);
    assertThat(post("rae.requester", "/api/notifications/" + itemId + "/read", "").status()).isEqualTo(204);
    assertThat(get("rae.requester", "/api/notifications?unread=true").json().findValuesAsText("projectKey"))
        .doesNotContain(key);
  }

  @Test
  void theStartFormIsServedFromTheDeployment() {
    Reply form = get("rae.requester", "/engine-rest/process-definition/key/projectIntake/deployed-start-form");
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.json().get("id").asText()).isEqualTo("requestProject");
  }
}
