package io.pmoflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.JsonNode;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.pmoflow.process.intake.RejectRequestDelegate;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.core.env.Environment;

/**
 * README "Operating PMO Flow" over HTTP: probes, the protected Prometheus endpoint and the process KPIs it shows,
 * the project key in the log context, history cleanup and time-to-live, graceful shutdown.
 */
class OperationsHttpIT extends HttpSupport {

  @Autowired HealthEndpointGroups healthGroups;
  @Autowired ProcessEngineConfigurationImpl engineConfiguration;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired Environment environment;

  @Test
  void livenessAndReadinessProbesArePublicAndReadinessNeedsTheDatabaseAndTheEngine() {
    for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
      Reply reply = get(null, probe);
      assertThat(reply.status()).as(probe).isEqualTo(200);
      assertThat(reply.json().get("status").asText()).isEqualTo("UP");
      assertThat(reply.json().has("components")).as("no details in public").isFalse();
    }
    assertThat(healthGroups.get("readiness").isMember("db")).isTrue();
    assertThat(healthGroups.get("readiness").isMember("processEngine")).isTrue();
    assertThat(healthGroups.get("readiness").isMember("readinessState")).isTrue();
    assertThat(healthGroups.get("liveness").isMember("livenessState")).isTrue();
    assertThat(healthGroups.get("liveness").isMember("db")).as("a slow database must not restart the pod").isFalse();
  }

  @Test
  void prometheusMetricsAreOnlyForOperators() {
    Reply anonymous = get(null, "/actuator/prometheus");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.headers().get("WWW-Authenticate")).isNotEmpty();
    assertThat(anonymous.body()).doesNotContain("pmo_");
    Reply user = get("pat.pmo", "/actuator/prometheus");
    assertThat(user.status()).isEqualTo(403);
    assertThat(user.body()).doesNotContain("pmo_");
    Reply wrongPassword = send(null, java.net.http.HttpRequest.newBuilder(uri("/actuator/prometheus")).GET()
        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("no.such.user:nope".getBytes())));
    assertThat(wrongPassword.status()).isEqualTo(401);

    Reply admin = get("admin", "/actuator/prometheus");
    assertThat(admin.status()).isEqualTo(200);
    assertThat(admin.headers().get("Content-Type").get(0)).startsWith("text/plain");
    assertThat(admin.body()).contains("pmo_tasks_open{", "pmo_incidents_open{", "pmo_notifications_mail_backlog",
        "jvm_memory_used_bytes");
  }

  @Test
  void processKpisFollowAnIntakeFromStartToRejection() {
    double started = metric("pmo_process_instances_started_total", "process", "projectIntake");
    double completed = metric("pmo_process_instances_completed_total", "process", "projectIntake");
    double pmoTasks = metric("pmo_tasks_open", "group", "pmo");

    // refused by validation: rolled back, so not counted
    Map<String, Object> bad = requestVariables("Negative budget");
    bad.put("estimatedBudget", var(-5.0, "Double"));
    assertThat(post("rae.requester", "/engine-rest/process-definition/key/projectIntake/start",
        Map.of("variables", bad)).status()).isEqualTo(400);
    assertThat(metric("pmo_process_instances_started_total", "process", "projectIntake")).isEqualTo(started);

    String key = startIntake("rae.requester", "Metrics dashboard");
    assertThat(metric("pmo_process_instances_started_total", "process", "projectIntake")).isEqualTo(started + 1);
    assertThat(metric("pmo_tasks_open", "group", "pmo")).isEqualTo(pmoTasks + 1);

    JsonNode screening = openTask("pat.pmo", key);
    double incidents = metric("pmo_incidents_open", "process", "projectIntake");
    Incident incident = runtimeService.createIncident("operationsTest", screening.get("executionId").asText(),
        "raised by the test");
    assertThat(metric("pmo_incidents_open", "process", "projectIntake")).isEqualTo(incidents + 1);
    runtimeService.resolveIncident(incident.getId());
    assertThat(metric("pmo_incidents_open", "process", "projectIntake")).isEqualTo(incidents);

    String taskId = screening.get("id").asText();
    assertThat(post("pat.pmo", "/engine-rest/task/" + taskId + "/complete", Map.of("variables", Map.of(
        "decision", var("REJECTED", "String"), "decisionComment", var("Use the BI suite", "String")))).status())
        .isEqualTo(204);
    assertThat(metric("pmo_tasks_open", "group", "pmo")).isEqualTo(pmoTasks);
    double backlog = metric("pmo_notifications_mail_backlog", null, null);

    Logger delegateLog = (Logger) LoggerFactory.getLogger(RejectRequestDelegate.class);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    delegateLog.addAppender(logged);
    try {
      runJobs();
    } finally {
      delegateLog.detachAppender(logged);
    }
    assertThat(metric("pmo_process_instances_completed_total", "process", "projectIntake"))
        .isEqualTo(completed + 1);
    assertThat(metric("pmo_notifications_mail_backlog", null, null)).as("the rejection mail waits in the outbox")
        .isGreaterThan(backlog);

    assertThat(logged.list).anySatisfy(event -> {
      assertThat(event.getFormattedMessage()).contains("rejected");
      assertThat(event.getMDCPropertyMap()).containsEntry("businessKey", key)
          .containsEntry("processDefinitionKey", "projectIntake");
    });
  }

  @Test
  void everyModelHasATimeToLiveAndHistoryCleanupRunsInTheNightlyWindow() {
    for (ProcessDefinition p : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
      assertThat(p.getHistoryTimeToLive()).as(p.getKey()).isNotNull().isPositive();
    }
    for (DecisionDefinition d : repositoryService.createDecisionDefinitionQuery().latestVersion().list()) {
      assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isNotNull().isPositive();
    }
    assertThat(engineConfiguration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00");
    assertThat(engineConfiguration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("06:00");
    assertThat(historyService.findHistoryCleanupJobs()).as("scheduled at engine start").isNotEmpty();
  }

  @Test
  void httpRequestsAreDrainedOnShutdown() {
    assertThat(environment.getProperty("server.shutdown")).isEqualTo("graceful");
  }

  /** One sample of the Prometheus text format, 0 when the series does not exist yet. */
  private double metric(String name, String tag, String value) {
    Reply reply = get("admin", "/actuator/prometheus");
    assertThat(reply.status()).isEqualTo(200);
    for (String line : reply.body().split("\n")) {
      if (line.startsWith(name + "{") && (tag == null || line.contains(tag + "=\"" + value + "\""))) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return 0;
  }
}
