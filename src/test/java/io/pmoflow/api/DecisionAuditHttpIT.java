package io.pmoflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pmoflow.project.ProjectFixtures;
import io.pmoflow.project.ProjectService;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** "Why was it routed there?" answered from the engine's decision history, for any logged-in user. */
class DecisionAuditHttpIT extends HttpSupport {

  @Autowired ProjectService projects;

  @Test
  void theGovernanceRoutingOfAnIntakeIsListedWithItsInputsOutputsAndMatchedRule() {
    Instant before = Instant.now().minusSeconds(1);
    String key = startIntake("rae.requester", "Audited routing");

    Reply reply = get("sam.sponsor", "/api/projects/" + key + "/decisions");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json()).hasSize(1);
    JsonNode routing = reply.json().get(0);
    assertThat(routing.get("decision").asText()).isEqualTo("pmoGovernance");
    assertThat(routing.get("decisionName").asText()).isEqualTo("PMO governance routing");
    assertThat(routing.get("activityId").asText()).isEqualTo("Task_DetermineGovernance");
    assertThat(routing.get("processDefinitionKey").asText()).isEqualTo("projectIntake");
    assertThat(Instant.parse(routing.get("evaluatedAt").asText())).isAfter(before);

    JsonNode inputs = routing.get("inputs");
    assertThat(inputs.get("Estimated budget (EUR)").asDouble()).isEqualTo(80_000.0);
    assertThat(inputs.get("Risk level").asText()).isEqualTo("LOW");
    assertThat(inputs.get("Complexity").asText()).isEqualTo("MEDIUM");
    assertThat(inputs.get("Cross-departmental").asBoolean()).isFalse();
    assertThat(inputs.get("Required by regulation").asBoolean()).isFalse();
    JsonNode outputs = routing.get("outputs");
    assertThat(outputs.get("pmoType").asText()).isEqualTo("SUPPORTIVE");
    assertThat(outputs.get("intakeApproverGroup").asText()).isEqualTo("pmo");
    assertThat(outputs.get("statusReportCadence").asText()).isEqualTo("P30D");
    assertThat(routing.get("matchedRules")).extracting(JsonNode::asText).containsExactly("Rule_Otherwise");
  }

  @Test
  void aProjectWithoutProcessesHasNoDecisionsAndAnUnknownOneIs404() {
    String key = ProjectFixtures.requested(projects, "Recorded without a process");
    Reply none = get("rae.requester", "/api/projects/" + key + "/decisions");
    assertThat(none.status()).isEqualTo(200);
    assertThat(none.json()).isEmpty();

    Reply unknown = get("rae.requester", "/api/projects/PRJ-1999-0404/decisions");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.headers().get("Content-Type").get(0)).startsWith("application/json");
    assertThat(unknown.json().get("message").asText()).contains("PRJ-1999-0404");
    assertThat(get(null, "/api/projects/" + key + "/decisions").status()).isEqualTo(401);
  }
}
