package io.pmoflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cancelling a project as a REST client does it: Msg_ProjectCancelled correlated by the project key. */
class LifecycleHttpIT extends HttpSupport {

  @Test
  void thePmoCancelsAProjectOverRestAndAnEndedOrUnknownProjectGets400() {
    String key = approvedProject("Kiosk refresh");
    Map<String, Object> cancel = Map.of("messageName", "Msg_ProjectCancelled", "businessKey", key,
        "processVariables", Map.of("cancellationReason", var("Merged into the store programme", "String")));

    Reply refused = post("rae.requester", "/engine-rest/message", cancel);
    assertThat(refused.status()).as("requesters may not cancel projects").isEqualTo(403);
    assertThat(get("pat.pmo", "/api/projects/" + key).json().get("phase").asText()).isEqualTo("INITIATION");

    assertThat(post("pat.pmo", "/engine-rest/message", cancel).status()).isEqualTo(204);
    JsonNode project = get("pat.pmo", "/api/projects/" + key).json();
    assertThat(project.get("phase").asText()).isEqualTo("CANCELLED");
    assertThat(project.get("status").asText()).isEqualTo("ENDED");
    JsonNode cancelled = null;
    for (JsonNode entry : project.get("history")) {
      if ("PHASE_CHANGED".equals(entry.get("type").asText()) && "CANCELLED".equals(entry.get("phase").asText())) {
        cancelled = entry;
      }
    }
    assertThat(cancelled).as("the cancellation in the history").isNotNull();
    assertThat(cancelled.get("actor").asText()).isEqualTo("pat.pmo");
    assertThat(cancelled.get("comment").asText()).isEqualTo("Merged into the store programme");
    assertThat(get("sam.sponsor", "/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + key).json())
        .as("open tasks are gone").isEmpty();

    Reply again = post("pat.pmo", "/engine-rest/message", cancel);
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.json().get("message").asText()).contains("Msg_ProjectCancelled")
        .contains("No process definition or execution matches");
    Reply unknown = post("pat.pmo", "/engine-rest/message", Map.of("messageName", "Msg_ProjectCancelled",
        "businessKey", "PRJ-1999-0001"));
    assertThat(unknown.status()).isEqualTo(400);
  }

  private String approvedProject(String name) {
    String key = startIntake("rae.requester", name);
    String task = openTask("pat.pmo", key).get("id").asText();
    assertThat(post("pat.pmo", "/engine-rest/task/" + task + "/submit-form",
        Map.of("variables", Map.of("decision", var("APPROVED", "String")))).status()).isEqualTo(204);
    runJobs();
    return key;
  }
}
