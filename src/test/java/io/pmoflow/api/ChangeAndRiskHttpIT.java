package io.pmoflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Change requests and risk reports started over REST as CONTRACT §3 describes, bad input included. */
class ChangeAndRiskHttpIT extends HttpSupport {

  @Test
  void aRiskWithAnOutOfRangeProbabilityOrForAnUnknownProjectIs400NamingTheFieldAndStartsNothing() {
    String key = startIntake("rae.requester", "Warehouse robots");
    Map<String, Object> risk = new HashMap<>(Map.of(
        "projectKey", var(key, "String"), "riskTitle", var("Robot vendor delay", "String"),
        "probability", var(9, "Long"), "impact", var(3, "Long"), "mitigation", var("Second vendor", "String")));

    Reply bad = post("rae.requester", "/engine-rest/process-definition/key/riskEscalation/start",
        Map.of("variables", risk));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("message").asText()).contains("probability");

    risk.put("probability", var(2, "Long"));
    risk.put("projectKey", var("PRJ-1999-0001", "String"));
    Reply unknown = post("rae.requester", "/engine-rest/process-definition/key/riskEscalation/start",
        Map.of("variables", risk));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("message").asText()).contains("projectKey");

    assertThat(get("pat.pmo", "/engine-rest/process-instance/count?processDefinitionKey=riskEscalation").json()
        .get("count").asLong()).isZero();
    assertThat(get("pat.pmo", "/api/projects/" + key).json().get("risks")).isEmpty();
  }

  @Test
  void aChangeForAProjectWithoutABaselineIs400NamingTheProjectKey() {
    String key = startIntake("rae.requester", "Cafeteria payments");
    Reply refused = post("rae.requester", "/engine-rest/process-definition/key/changeRequest/start", Map.of(
        "variables", Map.of("projectKey", var(key, "String"), "title", var("More tills", "String"),
            "reason", var("Queues", "String"), "costImpact", var(2500.0, "Double"),
            "scheduleImpactDays", var(5, "Long"), "scopeImpact", var("MINOR", "String"))));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("message").asText()).contains("projectKey");
    assertThat(get("pat.pmo", "/api/projects/" + key).json().get("changes")).isEmpty();
  }
}
