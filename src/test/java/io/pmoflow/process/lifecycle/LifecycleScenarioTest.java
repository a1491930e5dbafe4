package io.pmoflow.process.lifecycle;

import static io.pmoflow.process.lifecycle.LifecycleProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pmoflow.process.ScenarioSupport;
import io.pmoflow.process.intake.IntakeProcess;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;

class LifecycleScenarioTest extends ScenarioSupport {

  @Test
  void supportiveProjectIsInitiatedAndTheSponsorApprovesTheCharter() {
    String key = approvedProject(request("Team wiki"));
    ProcessInstance lifecycle = lifecycleOf(key);

    assertThatThrownBy(() -> complete("sam.sponsor", lifecycle, TASK_ASSIGN_PM_BY_SPONSOR,
        Map.of(PROJECT_MANAGER, "rae.requester")))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("projectManager")
        .hasMessageContaining("project-managers");
    complete("sam.sponsor", lifecycle, TASK_ASSIGN_PM_BY_SPONSOR, Map.of(PROJECT_MANAGER, "mia.manager"));
    assertThat(task(lifecycle, TASK_DRAFT_CHARTER).getAssignee()).isEqualTo("mia.manager");
    assertThat(notifications(key)).contains("mia.manager:PROJECT_MANAGER_ASSIGNED");

    draftCharterTeamAndRisks(lifecycle);
    Map<String, Object> charter = jdbc.sql("select * from pmo_charter where project_key = :k").param("k", key)
        .query().singleRow();
    assertThat(charter.get("OBJECTIVES") == null ? charter.get("objectives") : charter.get("OBJECTIVES"))
        .isEqualTo("One place for team knowledge");
    assertThat(jdbc.sql("select name from pmo_milestone where project_key = :k order by position").param("k", key)
        .query(String.class).list()).containsExactly("Wiki live", "Content migrated");
    assertThat(jdbc.sql("select user_id from pmo_team_member where project_key = :k order by id").param("k", key)
        .query(String.class).list()).containsExactly("mia.manager", "rae.requester");
    assertThat(jdbc.sql("select score from pmo_risk where project_key = :k").param("k", key)
        .query(Integer.class).list()).containsExactly(6);
    assertThat(runtimeService.getVariable(lifecycle.getId(), MILESTONES)).as("charter lives in the store").isNull();

    BpmnAwareTests.assertThat(lifecycle).isWaitingAt(TASK_APPROVE_CHARTER_BY_SPONSOR);
    assertThat(task(lifecycle, TASK_APPROVE_CHARTER_BY_SPONSOR).getAssignee()).isEqualTo("sam.sponsor");
    assertThat(notifications(key)).as("a supportive PMO is informed").contains("pat.pmo:GATE_INFORMED");

    complete("sam.sponsor", lifecycle, TASK_APPROVE_CHARTER_BY_SPONSOR, decision("APPROVED", "Go"));
    executeAsyncJobs(lifecycle);
    BpmnAwareTests.assertThat(lifecycle).isEnded().hasPassed(END_PROJECT_IN_PLANNING);
    assertThat(phaseOf(key)).isEqualTo("PLANNING");
    assertThat(historyTypes(key)).containsSubsequence("PROJECT_MANAGER_ASSIGNED", "CHARTER_DRAFTED",
        "CHARTER_ROUTED", "CHARTER_SIGN_OFF", "PHASE_CHANGED");
  }

  @Test
  void controllingPmoReviewsTheCharterAndItsRejectionStopsTheProject() {
    Map<String, Object> request = request("Warehouse scanners");
    request.put(IntakeProcess.CROSS_DEPARTMENTAL, true);
    String key = approvedProject(request);
    ProcessInstance lifecycle = lifecycleOf(key);
    complete("sam.sponsor", lifecycle, TASK_ASSIGN_PM_BY_SPONSOR, Map.of(PROJECT_MANAGER, "mia.manager"));
    draftCharterTeamAndRisks(lifecycle);

    BpmnAwareTests.assertThat(lifecycle).isWaitingAt(TASK_REVIEW_CHARTER);
    assertThat(candidateGroups(lifecycle, TASK_REVIEW_CHARTER)).containsExactly("pmo");
    complete("pat.pmo", lifecycle, TASK_REVIEW_CHARTER, decision("REJECTED", "No acceptance criteria per deliverable"));
    executeAsyncJobs(lifecycle);

    BpmnAwareTests.assertThat(lifecycle).isEnded().hasPassed(END_PROJECT_STOPPED)
        .hasNotPassed(TASK_APPROVE_CHARTER_BY_SPONSOR);
    assertThat(phaseOf(key)).isEqualTo("CANCELLED");
    assertThat(notifications(key)).contains("sam.sponsor:PROJECT_STOPPED", "rae.requester:PROJECT_STOPPED",
        "mia.manager:PROJECT_STOPPED");
    assertThat(jdbc.sql("select subject from pmo_notification where project_key = :k and kind = 'PROJECT_STOPPED'")
        .param("k", key).query(String.class).list())
        .containsOnly("Project " + key + " stopped at the CHARTER gate");
  }

  @Test
  void controllingPmoApprovalGoesOnToTheSponsorWithTheReviewShownNotPrefilled() {
    Map<String, Object> request = request("Payroll upgrade");
    request.put(IntakeProcess.COMPLEXITY, "HIGH");
    String key = approvedProject(request);
    ProcessInstance lifecycle = lifecycleOf(key);
    complete("sam.sponsor", lifecycle, TASK_ASSIGN_PM_BY_SPONSOR, Map.of(PROJECT_MANAGER, "mia.manager"));
    draftCharterTeamAndRisks(lifecycle);

    complete("pat.pmo", lifecycle, TASK_REVIEW_CHARTER, decision("APPROVED", "Compliant"));
    BpmnAwareTests.assertThat(lifecycle).isWaitingAt(TASK_APPROVE_CHARTER_BY_SPONSOR);
    assertThat(runtimeService.getVariable(lifecycle.getId(), DECISION)).isNull();
    assertThat(runtimeService.getVariable(lifecycle.getId(), REVIEW_DECISION)).isEqualTo("APPROVED");

    assertThatThrownBy(() -> complete("sam.sponsor", lifecycle, TASK_APPROVE_CHARTER_BY_SPONSOR,
        decision("REJECTED", null))).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("decisionComment");
    complete("sam.sponsor", lifecycle, TASK_APPROVE_CHARTER_BY_SPONSOR, decision("APPROVED", null));
    executeAsyncJobs(lifecycle);
    assertThat(phaseOf(key)).isEqualTo("PLANNING");
    assertThat(historyTypes(key)).containsSubsequence("CHARTER_REVIEW", "CHARTER_SIGN_OFF");
  }

  @Test
  void directivePmoAssignsTheManagerAndDecidesTheCharterGate() {
    Map<String, Object> request = request("Core banking migration");
    request.put(IntakeProcess.ESTIMATED_BUDGET, 3_000_000.0);
    String key = approvedProject(request, "bob.board");
    ProcessInstance lifecycle = lifecycleOf(key);

    BpmnAwareTests.assertThat(lifecycle).isWaitingAt(TASK_ASSIGN_PM_BY_PMO);
    assertThat(candidateGroups(lifecycle, TASK_ASSIGN_PM_BY_PMO)).containsExactly("pmo");
    complete("pat.pmo", lifecycle, TASK_ASSIGN_PM_BY_PMO, Map.of(PROJECT_MANAGER, "mia.manager"));
    draftCharterTeamAndRisks(lifecycle);

    BpmnAwareTests.assertThat(lifecycle).isWaitingAt(TASK_APPROVE_CHARTER_BY_GROUP).hasNotPassed(TASK_REVIEW_CHARTER);
    assertThat(candidateGroups(lifecycle, TASK_APPROVE_CHARTER_BY_GROUP)).containsExactly("pmo");
    complete("pat.pmo", lifecycle, TASK_APPROVE_CHARTER_BY_GROUP, decision("APPROVED", null));
    executeAsyncJobs(lifecycle);
    assertThat(phaseOf(key)).isEqualTo("PLANNING");
  }

  @Test
  void anExternalPmoOnlyAdvisesAndTheSponsorDecides() {
    Map<String, Object> request = request("Supplier portal");
    request.put(IntakeProcess.ESTIMATED_BUDGET, 400_000.0);
    String key = approvedProject(request);
    ProcessInstance lifecycle = lifecycleOf(key);
    runtimeService.setVariable(lifecycle.getId(), PMO_MODEL, "EXTERNAL");
    complete("sam.sponsor", lifecycle, TASK_ASSIGN_PM_BY_SPONSOR, Map.of(PROJECT_MANAGER, "mia.manager"));
    draftCharterTeamAndRisks(lifecycle);

    complete("pat.pmo", lifecycle, TASK_REVIEW_CHARTER, decision("REJECTED", "We advise more contingency"));
    BpmnAwareTests.assertThat(lifecycle).isWaitingAt(TASK_APPROVE_CHARTER_BY_SPONSOR);
    complete("sam.sponsor", lifecycle, TASK_APPROVE_CHARTER_BY_SPONSOR, decision("APPROVED", "Accepting the risk"));
    executeAsyncJobs(lifecycle);
    assertThat(phaseOf(key)).isEqualTo("PLANNING");
    assertThat(historyTypes(key)).contains("CHARTER_ADVICE").doesNotContain("CHARTER_REVIEW");
  }

  @Test
  void theSponsorsRejectionOfTheCharterStopsTheProject() {
    String key = approvedProject(request("Print shop"));
    ProcessInstance lifecycle = lifecycleOf(key);
    complete("sam.sponsor", lifecycle, TASK_ASSIGN_PM_BY_SPONSOR, Map.of(PROJECT_MANAGER, "mia.manager"));
    draftCharterTeamAndRisks(lifecycle);
    complete("sam.sponsor", lifecycle, TASK_APPROVE_CHARTER_BY_SPONSOR, decision("REJECTED", "No business case"));
    executeAsyncJobs(lifecycle);
    BpmnAwareTests.assertThat(lifecycle).isEnded().hasPassed(END_PROJECT_STOPPED);
    assertThat(phaseOf(key)).isEqualTo("CANCELLED");
  }

  @Test
  void aCharterWithoutMilestonesOrWithABadDateIsRefusedAndTheTaskStaysOpen() {
    String key = approvedProject(request("Badge readers"));
    ProcessInstance lifecycle = lifecycleOf(key);
    complete("sam.sponsor", lifecycle, TASK_ASSIGN_PM_BY_SPONSOR, Map.of(PROJECT_MANAGER, "mia.manager"));

    Map<String, Object> charter = charter();
    charter.put(MILESTONES, List.of());
    assertThatThrownBy(() -> complete("mia.manager", lifecycle, TASK_DRAFT_CHARTER, charter))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("milestones");
    charter.put(MILESTONES, "[{\"name\":\"Go live\",\"dueDate\":\"next week\"}]");
    assertThatThrownBy(() -> complete("mia.manager", lifecycle, TASK_DRAFT_CHARTER, charter))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("milestones[0].dueDate");
    BpmnAwareTests.assertThat(lifecycle).isWaitingAt(TASK_DRAFT_CHARTER);
    assertThat(jdbc.sql("select count(*) from pmo_charter where project_key = :k").param("k", key)
        .query(Long.class).single()).isZero();
  }

  @Test
  void cancellationEndsTheLifecycleRemovesOpenTasksAndTellsStakeholders() {
    String key = approvedProject(request("Event app"));
    ProcessInstance lifecycle = lifecycleOf(key);
    complete("sam.sponsor", lifecycle, TASK_ASSIGN_PM_BY_SPONSOR, Map.of(PROJECT_MANAGER, "mia.manager"));

    runtimeService.createMessageCorrelation(MESSAGE_PROJECT_CANCELLED).processInstanceBusinessKey(key)
        .setVariable(CANCELLATION_REASON, "Budget withdrawn").correlate();
    assertThat(taskService.createTaskQuery().processInstanceId(lifecycle.getId()).count()).isZero();
    executeAsyncJobs(lifecycle);

    BpmnAwareTests.assertThat(lifecycle).isEnded().hasPassed(END_PROJECT_CANCELLED);
    assertThat(phaseOf(key)).isEqualTo("CANCELLED");
    assertThat(notifications(key)).contains("sam.sponsor:PROJECT_CANCELLED", "mia.manager:PROJECT_CANCELLED",
        "rae.requester:PROJECT_CANCELLED");
    assertThat(historyTypes(key)).last().isEqualTo("PHASE_CHANGED");
  }

  private String approvedProject(Map<String, Object> request) {
    return approvedProject(request, "pat.pmo");
  }

  private String approvedProject(Map<String, Object> request, String screener) {
    ProcessInstance intake = startIntake("rae.requester", request);
    complete(screener, intake, IntakeProcess.TASK_SCREEN_REQUEST, decision("APPROVED", null));
    executeAsyncJobs(intake);
    return intake.getBusinessKey();
  }

  private void draftCharterTeamAndRisks(ProcessInstance lifecycle) {
    complete("mia.manager", lifecycle, TASK_DRAFT_CHARTER, charter());
    Map<String, Object> team = new HashMap<>();
    team.put(TEAM_MEMBERS, List.of(
        Map.of("userId", "mia.manager", "role", "Project manager", "allocationPercent", 50),
        Map.of("userId", "rae.requester", "role", "Business analyst", "allocationPercent", 20L)));
    complete("mia.manager", lifecycle, TASK_ASSEMBLE_TEAM, team);
    Map<String, Object> risks = new HashMap<>();
    risks.put(RISKS, "[{\"title\":\"Low adoption\",\"probability\":2,\"impact\":3,\"response\":\"Champions\"}]");
    complete("mia.manager", lifecycle, TASK_ASSESS_INITIAL_RISKS, risks);
  }

  private static Map<String, Object> charter() {
    Map<String, Object> v = new HashMap<>();
    v.put(OBJECTIVES, "One place for team knowledge");
    v.put(SCOPE_IN, "All teams of operations");
    v.put(SCOPE_OUT, "Customer-facing documentation");
    v.put(DELIVERABLES, "Wiki, migrated content, training");
    v.put(ACCEPTANCE_CRITERIA, "80 % of pages migrated; 3 trainings held");
    v.put(BUDGET_ESTIMATE, 45_000.0);
    v.put(MILESTONES, List.of(Map.of("name", "Wiki live", "dueDate", "2027-03-01"),
        Map.of("name", "Content migrated", "dueDate", "2027-05-31")));
    v.put(STAKEHOLDERS, List.of(Map.of("name", "Operations leads", "role", "Users")));
    v.put(ASSUMPTIONS, "Teams free one hour a week");
    v.put(CONSTRAINTS, "Hosted in the EU");
    return v;
  }

  private List<String> candidateGroups(ProcessInstance instance, String taskKey) {
    return taskService.getIdentityLinksForTask(task(instance, taskKey).getId()).stream()
        .map(IdentityLink::getGroupId).filter(java.util.Objects::nonNull).toList();
  }
}
