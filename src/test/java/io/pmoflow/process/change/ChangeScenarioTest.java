package io.pmoflow.process.change;

import static io.pmoflow.process.change.ChangeProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pmoflow.process.ProjectJourneys;
import io.pmoflow.project.ChangeView;
import io.pmoflow.project.ProjectService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Change control: impact assessed by the manager, approver picked by changeApproval, approval re-baselines. */
class ChangeScenarioTest extends ProjectJourneys {

  @Autowired ProjectService projects;

  @Test
  void aSmallChangeIsTheManagersAndItsApprovalCreatesBaselineVersionTwo() {
    String key = inExecution("Partner portal");
    ProcessInstance change = requestChange("rae.requester", key, 1_000.0, 3L, "MINOR");
    assertThat(change.getBusinessKey()).isEqualTo(key);
    assertThat(taskOf(key, TASK_ASSESS_CHANGE_IMPACT).getAssignee()).isEqualTo("mia.manager");

    assess(key, change, 1_000.0, 3L, "MINOR");
    assertThat(taskOf(key, TASK_APPROVE_CHANGE_BY_MANAGER).getAssignee()).isEqualTo("mia.manager");
    completeTask("mia.manager", key, TASK_APPROVE_CHANGE_BY_MANAGER, decision("APPROVED", null));

    BpmnAwareTests.assertThat(change).isEnded().hasPassed(END_BASELINE_UPDATED);
    assertThat(projects.currentBaseline(key).version()).isEqualTo(2);
    assertThat(projects.currentBaseline(key).budget()).isEqualByComparingTo("43000");
    assertThat(projects.currentBaseline(key).plannedEnd()).isEqualTo(java.time.LocalDate.parse("2027-07-03"));
    List<ChangeView> log = projects.details(key).changes();
    assertThat(log).singleElement().satisfies(c -> {
      assertThat(c.status()).isEqualTo("APPROVED");
      assertThat(c.approver()).isEqualTo("PROJECT_MANAGER");
      assertThat(c.baselineVersion()).isEqualTo(2);
    });
    assertThat(notifications(key)).contains("rae.requester:CHANGE_DECIDED");
  }

  @Test
  void biggerChangesGoToThePmoOrTheBoardAndARejectionIsLoggedWithItsReason() {
    String key = inExecution("Ticket system");
    ProcessInstance medium = requestChange("mia.manager", key, 6_000.0, 10L, "MINOR");
    assess(key, medium, 6_000.0, 10L, "MINOR");
    assertThat(candidateGroups(key, TASK_APPROVE_CHANGE_BY_GROUP)).containsExactly("pmo");
    assertThatThrownBy(() -> completeTask("pat.pmo", key, TASK_APPROVE_CHANGE_BY_GROUP, decision("REJECTED", null)))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("decisionComment");
    completeTask("pat.pmo", key, TASK_APPROVE_CHANGE_BY_GROUP, decision("REJECTED", "Do it in phase 2"));
    BpmnAwareTests.assertThat(medium).isEnded().hasPassed(END_CHANGE_REJECTED);
    assertThat(projects.currentBaseline(key).version()).isEqualTo(1);

    ProcessInstance major = requestChange("mia.manager", key, 2_000.0, 0L, "MAJOR");
    assess(key, major, 2_000.0, 0L, "MAJOR");
    assertThat(candidateGroups(key, TASK_APPROVE_CHANGE_BY_GROUP)).containsExactly("portfolio-board");
    completeTask("bob.board", key, TASK_APPROVE_CHANGE_BY_GROUP, decision("APPROVED", "Worth it"));
    assertThat(projects.currentBaseline(key).version()).isEqualTo(2);
    assertThat(projects.details(key).changes()).extracting(ChangeView::status).containsExactly("REJECTED", "APPROVED");
    assertThat(projects.details(key).changes().get(0).decisionComment()).isEqualTo("Do it in phase 2");
  }

  @Test
  void aChangeForAnUnknownOrNotYetBaselinedProjectIsRefusedAndNothingStarts() {
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count();
    assertThatThrownBy(() -> requestChange("rae.requester", "PRJ-1999-0001", 1.0, 0L, "NONE"))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("projectKey");
    String planning = inPlanning("Canteen app");
    assertThatThrownBy(() -> requestChange("rae.requester", planning, 1.0, 0L, "NONE"))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("projectKey");
    String key = inExecution("Label printer");
    assertThatThrownBy(() -> requestChange("rae.requester", key, 1.0, -3L, "NONE"))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("scheduleImpactDays");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(before);
    assertThat(projects.details(key).changes()).isEmpty();
  }

  private ProcessInstance requestChange(String user, String key, double cost, long days, String scope) {
    Map<String, Object> v = new HashMap<>();
    v.put(PROJECT_KEY, key);
    v.put(TITLE, "Add single sign-on");
    v.put(REASON, "Security policy");
    v.put(COST_IMPACT, cost);
    v.put(SCHEDULE_IMPACT_DAYS, days);
    v.put(SCOPE_IMPACT, scope);
    ProcessInstance instance = as(user, () -> runtimeService.startProcessInstanceByKey(KEY, v));
    executeProjectJobs(key);
    return instance;
  }

  private void assess(String key, ProcessInstance change, double cost, long days, String scope) {
    completeTask("mia.manager", key, TASK_ASSESS_CHANGE_IMPACT, Map.of(COST_IMPACT, cost, SCHEDULE_IMPACT_DAYS, days,
        SCOPE_IMPACT, scope, IMPACT_ASSESSMENT, "Two sprints of one developer"));
    executeProjectJobs(key);
  }

  private List<String> candidateGroups(String key, String taskKey) {
    return taskService.getIdentityLinksForTask(taskOf(key, taskKey).getId()).stream()
        .map(l -> l.getGroupId()).filter(java.util.Objects::nonNull).toList();
  }
}
