package io.pmoflow.process.risk;

import static io.pmoflow.process.risk.RiskProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pmoflow.process.ProjectJourneys;
import io.pmoflow.project.ProjectDetails;
import io.pmoflow.project.ProjectService;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Risk escalation: scored and routed by riskAssessment; critical risks turn the project RED at once. */
class RiskScenarioTest extends ProjectJourneys {

  @Autowired ProjectService projects;

  @Test
  void aCriticalRiskGoesToTheBoardAndTurnsTheProjectRedWithTheReason() {
    String key = inExecution("Payment gateway");
    reportStatus(key, 0, 0.0);
    assertThat(projects.require(key).health()).as("nothing measurable yet, no critical risk").isEqualTo("GREEN");
    ProcessInstance risk = reportRisk("rae.requester", key, 5L, 4L);
    assertThat(risk.getBusinessKey()).isEqualTo(key);

    assertThat(projects.require(key).health()).isEqualTo("RED");
    assertThat(projects.details(key).healthExplanation()).contains("open critical risks 1");
    assertThat(candidateGroups(key)).containsExactly("portfolio-board");
    ProjectDetails.RiskView registered = escalated(key);
    assertThat(registered.score()).isEqualTo(20);
    assertThat(registered.severity()).isEqualTo("CRITICAL");

    assertThatThrownBy(() -> completeTask("bob.board", key, TASK_CHOOSE_RISK_RESPONSE, response("HOPE", 10)))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("responseStrategy");
    completeTask("bob.board", key, TASK_CHOOSE_RISK_RESPONSE, response("TRANSFER", 10));
    BpmnAwareTests.assertThat(risk).isEnded().hasPassed(END_RISK_RESPONDED);
    assertThat(escalated(key).responseStrategy()).isEqualTo("TRANSFER");
    assertThat(notifications(key)).contains("mia.manager:RISK_REGISTERED");
  }

  @Test
  void beforeTheFirstStatusReportACriticalRiskLeavesHealthUnassessed() {
    String key = inExecution("Card terminals");
    ProcessInstance risk = reportRisk("rae.requester", key, 5L, 5L);
    assertThat(projects.require(key).health()).as("CONTRACT §5: null before the first status report").isNull();
    BpmnAwareTests.assertThat(risk).hasNotPassed(TASK_REASSESS_HEALTH).isWaitingAt(TASK_CHOOSE_RISK_RESPONSE);
    assertThat(escalated(key).severity()).isEqualTo("CRITICAL");
  }

  @Test
  void aLowRiskIsRegisteredForTheManagerWithoutAnEscalationTask() {
    String key = inExecution("Room booking");
    ProcessInstance risk = reportRisk("mia.manager", key, 1L, 2L);
    BpmnAwareTests.assertThat(risk).isEnded().hasPassed(END_RISK_REGISTERED).hasNotPassed(TASK_REASSESS_HEALTH);
    assertThat(escalated(key).severity()).isEqualTo("LOW");
    assertThat(projects.require(key).health()).as("no report yet, no critical risk: not assessed").isNull();
  }

  @Test
  void badRisksAreRefusedNamingTheFieldAndNothingIsWritten() {
    String key = inExecution("Badge printer");
    int before = projects.details(key).risks().size();
    assertThatThrownBy(() -> reportRisk("rae.requester", key, 9L, 2L))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("probability");
    assertThatThrownBy(() -> reportRisk("rae.requester", "PRJ-1999-0001", 2L, 2L))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("projectKey");
    assertThat(projects.details(key).risks()).hasSize(before);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).processInstanceBusinessKey(key)
        .count()).isZero();
  }

  private ProcessInstance reportRisk(String user, String key, long probability, long impact) {
    Map<String, Object> v = new HashMap<>();
    v.put(PROJECT_KEY, key);
    v.put(RISK_TITLE, "Card scheme changes its API");
    v.put(PROBABILITY, probability);
    v.put(IMPACT, impact);
    v.put(MITIGATION, "Follow the scheme's bulletins");
    ProcessInstance instance = as(user, () -> runtimeService.startProcessInstanceByKey(KEY, v));
    executeProjectJobs(key);
    return instance;
  }

  private ProjectDetails.RiskView escalated(String key) {
    return projects.details(key).risks().stream().filter(r -> "ESCALATION".equals(r.source())).findFirst()
        .orElseThrow();
  }

  private static Map<String, Object> response(String strategy, int days) {
    return Map.of(RESPONSE_STRATEGY, strategy, RESPONSE_DUE_DATE, LocalDate.now().plusDays(days).toString(),
        RESPONSE_NOTE, "Insurance");
  }

  private java.util.List<String> candidateGroups(String key) {
    return taskService.getIdentityLinksForTask(taskOf(key, TASK_CHOOSE_RISK_RESPONSE).getId()).stream()
        .map(l -> l.getGroupId()).filter(java.util.Objects::nonNull).toList();
  }
}
