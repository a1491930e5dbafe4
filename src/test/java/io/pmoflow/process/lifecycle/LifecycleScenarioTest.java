package io.pmoflow.process.lifecycle;

import static io.pmoflow.process.lifecycle.LifecycleProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pmoflow.process.ProjectJourneys;
import io.pmoflow.process.gate.PhaseGateProcess;
import io.pmoflow.process.intake.IntakeProcess;
import io.pmoflow.project.ProjectService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The project lifecycle from the approved request to CLOSED or CANCELLED, through the phase gates that
 * gateApproval routes by PMO type and model. Tasks are completed as the people Tasklist would show them to.
 */
class LifecycleScenarioTest extends ProjectJourneys {

  /** This class must cover the lifecycle and its gates (the other processes have their own scenario classes); the build fails below 90 %. */
  @TestConfiguration
  static class LifecycleCoverage {
    @Bean
    @Primary
    ProcessEngineCoverageProperties lifecycleCoverage() {
      return ProcessEngineCoverageProperties.Companion.builder()
          .excludeProcessDefinitionKeys("projectIntake", "projectMonitoring", "changeRequest", "riskEscalation")
          .assertClassCoverageAtLeast(0.9).build();
    }
  }

  @Autowired ProjectService projects;

  // ---- happy paths, one per PMO type and model ----

  @Test
  void supportiveProjectIsCarriedToClosedWithTheSponsorDecidingEveryGate() {
    String key = approvedProject(request("Team wiki"));
    ProcessInstance lifecycle = lifecycleOf(key);

    assertThatThrownBy(() -> completeTask("sam.sponsor", key, TASK_ASSIGN_PM_BY_SPONSOR,
        Map.of(PROJECT_MANAGER, "rae.requester")))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("projectManager")
        .hasMessageContaining("project-managers");
    completeTask("sam.sponsor", key, TASK_ASSIGN_PM_BY_SPONSOR, Map.of(PROJECT_MANAGER, "mia.manager"));
    assertThat(taskOf(key, TASK_DRAFT_CHARTER).getAssignee()).isEqualTo("mia.manager");
    assertThat(notifications(key)).contains("mia.manager:PROJECT_MANAGER_ASSIGNED");

    initiate(key);
    assertThat(runtimeService.getVariable(lifecycle.getId(), MILESTONES)).as("charter lives in the store").isNull();
    assertThat(openTasks(key)).containsExactly(PhaseGateProcess.TASK_SIGN_OFF_BY_SPONSOR + ":sam.sponsor");
    assertThat(notifications(key)).as("a supportive PMO is informed").contains("pat.pmo:GATE_INFORMED");
    String summary = (String) taskService.getVariable(taskOf(key, PhaseGateProcess.TASK_SIGN_OFF_BY_SPONSOR).getId(),
        PhaseGateProcess.GATE_SUMMARY);
    assertThat(summary).contains("One place for team knowledge", "Wiki live", "45,000.00");

    decideGate(key, "sam.sponsor", "APPROVED", "Go");
    assertThat(phaseOf(key)).isEqualTo("PLANNING");
    assertThat(notifications(key)).contains("mia.manager:GATE_DECIDED", "mia.manager:PHASE_CHANGED");
    String planMilestones = taskService.getVariable(taskOf(key, TASK_DRAFT_PLAN).getId(), PLAN_MILESTONES)
        .toString();
    assertThat(planMilestones).as("the plan form starts from the charter's milestones")
        .contains("Wiki live", "2027-03-01", "Content migrated");

    completeTask("mia.manager", key, TASK_DRAFT_PLAN, plan());
    executeProjectJobs(key);
    decideGate(key, "sam.sponsor", "APPROVED", null);
    assertThat(phaseOf(key)).isEqualTo("EXECUTION");
    assertThat(jdbc.sql("select budget from pmo_baseline where project_key = :k and version = 1").param("k", key)
        .query(Double.class).single()).isEqualTo(42_000.0);

    // execution: one task per work package, to its owner, due at its planned end
    List<Task> packages = taskService.createTaskQuery().processInstanceBusinessKey(key)
        .taskDefinitionKey(TASK_REPORT_WORK_PACKAGE_DONE).orderByTaskAssignee().asc().list();
    assertThat(packages).extracting(Task::getAssignee).containsExactly("mia.manager", "rae.requester");
    assertThat(packages.get(1).getDueDate()).hasYear(2027).hasMonth(5).hasDayOfMonth(28);
    assertThat(taskService.getVariable(packages.get(1).getId(), "workPackageName")).isEqualTo("Migrate content");
    reportWorkPackage(packages.get(0), "mia.manager", "2027-01-29", 4_500.0);
    assertThatThrownBy(() -> as("mia.manager", () -> taskService.complete(packages.get(1).getId(), Map.of())))
        .as("only the owner works on a package").isNotNull();
    reportWorkPackage(packages.get(1), "rae.requester", "2027-06-04", 33_000.0);

    progress(key, Map.of(NEW_ISSUES, List.of(Map.of("title", "Old pages use macros", "severity", "HIGH",
        "owner", "rae.requester"))));
    assertThatThrownBy(() -> completeTask("mia.manager", key, TASK_UPDATE_EXECUTION,
        Map.of(MILESTONE_UPDATES, milestoneUpdates(key, "DONE", "2027-03-01", null, null, null),
            DELIVERABLES_READY, true)))
        .as("a milestone still open keeps the gate closed").isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("Content migrated");
    BpmnAwareTests.assertThat(lifecycle).isWaitingAt(TASK_UPDATE_EXECUTION);
    progress(key, Map.of(MILESTONE_UPDATES, milestoneUpdates(key, "DONE", "2027-03-01", "DONE", "2027-06-04", null),
        ISSUE_UPDATES, List.of(Map.of("issueId", issueId(key), "title", "Old pages use macros", "status", "CLOSED")),
        DELIVERABLES_READY, true));
    assertThat(openTasks(key)).containsExactly(PhaseGateProcess.TASK_SIGN_OFF_BY_SPONSOR + ":sam.sponsor");

    decideGate(key, "sam.sponsor", "APPROVED", null);
    assertThat(phaseOf(key)).isEqualTo("CLOSURE");
    assertThat((String) taskService.getVariable(taskOf(key, PhaseGateProcess.TASK_SIGN_OFF_BY_SPONSOR).getId(),
        PhaseGateProcess.GATE_SUMMARY)).as("acceptance is against the charter's criteria")
        .contains("80 % of pages migrated");
    decideGate(key, "sam.sponsor", "APPROVED", "Accepted");

    completeTask("mia.manager", key, TASK_ARCHIVE_DOCUMENTS, Map.of(DOCUMENTS, List.of(
        Map.of("title", "Charter", "url", "https://docs.example/wiki/charter"))));
    completeTask("mia.manager", key, TASK_CAPTURE_LESSONS, Map.of(LESSONS, List.of(Map.of("category", "SCHEDULE",
        "wentWell", "Champions per team", "toImprove", "Macro pages took long", "recommendation",
        "Inventory macros before migrating"))));
    executeProjectJobs(key);

    BpmnAwareTests.assertThat(lifecycle).isEnded().hasPassed(END_PROJECT_CLOSED);
    assertThat(phaseOf(key)).isEqualTo("CLOSED");
    assertThat(notifications(key)).contains("mia.manager:RESOURCE_RELEASED", "rae.requester:RESOURCE_RELEASED",
        "sam.sponsor:PROJECT_CLOSED", "pat.pmo:PROJECT_CLOSED");
    assertThat(jdbc.sql("select link from pmo_notification where project_key = :k and kind = 'PROJECT_CLOSED'")
        .param("k", key).query(String.class).list()).allMatch(l -> l.endsWith("/api/projects/" + key + "/report"));
    assertThat(historyTypes(key)).containsSubsequence("CHARTER_SIGN_OFF", "PLAN_SIGN_OFF", "BASELINE_FROZEN",
        "WORK_PACKAGE_DONE", "DELIVERABLES_READY", "CLOSURE_READINESS_SIGN_OFF", "ACCEPTANCE_SIGN_OFF",
        "DOCUMENTS_ARCHIVED", "RESOURCES_RELEASED");

    String report = projects.finalReport(key);
    assertThat(report).contains("Final report", "42,000.00", "37,500.00", "Wiki live", "Old pages use macros",
        "Inventory macros before migrating", "2027-06-04");
    assertThat(projects.require(key).percentComplete()).isEqualTo(100);
  }

  @Test
  void controllingPmoReviewsEachGateBeforeTheSponsorAndItsRecycleSendsThePlanBack() {
    Map<String, Object> request = request("Payroll upgrade");
    request.put(IntakeProcess.COMPLEXITY, "HIGH");
    String key = approvedProject(request);
    completeTask("sam.sponsor", key, TASK_ASSIGN_PM_BY_SPONSOR, Map.of(PROJECT_MANAGER, "mia.manager"));
    initiate(key);

    assertThat(candidateGroups(key, PhaseGateProcess.TASK_REVIEW_GATE)).containsExactly("pmo");
    reviewGate(key, "pat.pmo", "APPROVED", "Compliant");
    Task signOff = taskOf(key, PhaseGateProcess.TASK_SIGN_OFF_BY_SPONSOR);
    assertThat(taskService.getVariable(signOff.getId(), PhaseGateProcess.DECISION)).as("not prefilled").isNull();
    assertThat(taskService.getVariable(signOff.getId(), PhaseGateProcess.REVIEW_DECISION)).isEqualTo("APPROVED");
    assertThatThrownBy(() -> completeTask("sam.sponsor", key, PhaseGateProcess.TASK_SIGN_OFF_BY_SPONSOR,
        decision("REJECTED", null))).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("decisionComment");
    decideGate(key, "sam.sponsor", "APPROVED", null);

    completeTask("mia.manager", key, TASK_DRAFT_PLAN, plan());
    executeProjectJobs(key);
    reviewGate(key, "pat.pmo", "RECYCLE", "Add a contingency line");
    assertThat(openTasks(key)).containsExactly(TASK_DRAFT_PLAN + ":mia.manager");
    Task redraft = taskOf(key, TASK_DRAFT_PLAN);
    assertThat(taskService.getVariable(redraft.getId(), RECYCLE_REASON)).isEqualTo("Add a contingency line");
    assertThat(taskService.getVariable(redraft.getId(), BUDGET_LINES).toString()).as("the form reopens as left")
        .contains("LABOUR");

    Map<String, Object> revised = plan();
    revised.put(BUDGET_LINES, List.of(Map.of("category", "LABOUR", "amount", 30_000),
        Map.of("category", "CONTINGENCY", "amount", 4_000.5)));
    completeTask("mia.manager", key, TASK_DRAFT_PLAN, revised);
    executeProjectJobs(key);
    reviewGate(key, "pat.pmo", "APPROVED", null);
    decideGate(key, "sam.sponsor", "APPROVED", null);
    assertThat(phaseOf(key)).isEqualTo("EXECUTION");
    assertThat(projects.require(key).budget()).isEqualByComparingTo("34000.5");
    assertThat(historyTypes(key)).containsSubsequence("PLAN_REVIEW", "PLAN_DRAFTED", "PLAN_REVIEW",
        "PLAN_SIGN_OFF", "BASELINE_FROZEN");
  }

  @Test
  void directivePmoDecidesAndThePlanGateAlsoNeedsThePortfolioBoard() {
    Map<String, Object> request = request("Core banking migration");
    request.put(IntakeProcess.ESTIMATED_BUDGET, 3_000_000.0);
    String key = approvedProject(request, "bob.board");
    assertThat(candidateGroups(key, TASK_ASSIGN_PM_BY_PMO)).containsExactly("pmo");
    completeTask("pat.pmo", key, TASK_ASSIGN_PM_BY_PMO, Map.of(PROJECT_MANAGER, "mia.manager"));
    initiate(key);

    assertThat(openTasks(key)).containsExactly(PhaseGateProcess.TASK_SIGN_OFF_BY_GROUP + ":null");
    assertThat(candidateGroups(key, PhaseGateProcess.TASK_SIGN_OFF_BY_GROUP)).containsExactly("pmo");
    decideGate(key, "pat.pmo", "APPROVED", null);

    completeTask("mia.manager", key, TASK_DRAFT_PLAN, plan());
    executeProjectJobs(key);
    assertThat(candidateGroups(key, PhaseGateProcess.TASK_REVIEW_GATE)).containsExactly("pmo");
    reviewGate(key, "pat.pmo", "APPROVED", null);
    assertThat(candidateGroups(key, PhaseGateProcess.TASK_SIGN_OFF_BY_GROUP)).containsExactly("portfolio-board");
    decideGate(key, "bob.board", "APPROVED", "Funded");
    assertThat(phaseOf(key)).isEqualTo("EXECUTION");
    assertThat(historyTypes(key)).containsSubsequence("CHARTER_SIGN_OFF", "PLAN_REVIEW", "PLAN_SIGN_OFF");
  }

  @Test
  void anExternalPmoOnlyAdvisesAndTheSponsorDecides() {
    Map<String, Object> request = request("Supplier portal");
    request.put(IntakeProcess.ESTIMATED_BUDGET, 400_000.0);
    String key = approvedProject(request);
    runtimeService.setVariable(lifecycleOf(key).getId(), PMO_MODEL, "EXTERNAL");
    completeTask("sam.sponsor", key, TASK_ASSIGN_PM_BY_SPONSOR, Map.of(PROJECT_MANAGER, "mia.manager"));
    initiate(key);

    assertThat((Boolean) taskService.getVariable(taskOf(key, PhaseGateProcess.TASK_REVIEW_GATE).getId(),
        PhaseGateProcess.GATE_REVIEW_ADVISORY)).isTrue();
    reviewGate(key, "pat.pmo", "REJECTED", "We advise more contingency");
    assertThat(openTasks(key)).as("advice stops nothing")
        .containsExactly(PhaseGateProcess.TASK_SIGN_OFF_BY_SPONSOR + ":sam.sponsor");
    decideGate(key, "sam.sponsor", "APPROVED", "Accepting the risk");
    assertThat(phaseOf(key)).isEqualTo("PLANNING");
    assertThat(historyTypes(key)).contains("CHARTER_ADVICE").doesNotContain("CHARTER_REVIEW");
  }

  // ---- gate outcomes ----

  @Test
  void killAtThePlanGateCancelsTheProjectThroughClosure() {
    String key = inPlanning("Print shop");
    ProcessInstance lifecycle = lifecycleOf(key);
    completeTask("mia.manager", key, TASK_DRAFT_PLAN, plan());
    executeProjectJobs(key);
    decideGate(key, "sam.sponsor", "REJECTED", "No business case any more");

    assertThat(openTasks(key)).containsExactly(TASK_CAPTURE_LESSONS_OF_STOPPED_PROJECT + ":mia.manager");
    completeTask("mia.manager", key, TASK_CAPTURE_LESSONS_OF_STOPPED_PROJECT, Map.of(LESSONS, List.of(Map.of(
        "category", "SCOPE", "wentWell", "Early stop", "toImprove", "Business case was thin",
        "recommendation", "Validate demand before the charter"))));
    executeProjectJobs(key);

    BpmnAwareTests.assertThat(lifecycle).isEnded().hasPassed(END_PROJECT_STOPPED);
    assertThat(phaseOf(key)).isEqualTo("CANCELLED");
    assertThat(notifications(key)).contains("sam.sponsor:PROJECT_STOPPED", "rae.requester:PROJECT_STOPPED",
        "mia.manager:RESOURCE_RELEASED");
    assertThat(jdbc.sql("select subject from pmo_notification where project_key = :k and kind = 'PROJECT_STOPPED'")
        .param("k", key).query(String.class).list()).containsOnly("Project " + key + " stopped at the Plan gate");
    assertThat(projects.searchLessons("demand", null, 0, 10).content()).isNotEmpty();
  }

  @Test
  void holdParksTheProjectRemindsAndResumesIntoTheSameGate() {
    String key = inInitiationAtCharterGate("Badge readers");
    decideGate(key, "sam.sponsor", "ON_HOLD", "Waiting for the budget round");
    executeProjectJobs(key);

    assertThat(projects.require(key).status().name()).isEqualTo("ON_HOLD");
    Task resume = taskOf(key, PhaseGateProcess.TASK_RESUME_PROJECT);
    assertThat(taskService.getIdentityLinksForTask(resume.getId())).extracting(l -> l.getUserId() + "/"
        + l.getGroupId()).contains("sam.sponsor/null", "null/pmo");
    assertThat(notifications(key)).contains("sam.sponsor:PROJECT_ON_HOLD", "pat.pmo:PROJECT_ON_HOLD");

    ProcessInstance gate = gateInstance(key);
    assertThat(timer(gate, PhaseGateProcess.BOUNDARY_HOLD_REMINDER_DUE).getDuedate())
        .isAfter(java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(13))));
    managementService.executeJob(timer(gate, PhaseGateProcess.BOUNDARY_HOLD_REMINDER_DUE).getId());
    executeProjectJobs(key);
    assertThat(notifications(key)).contains("sam.sponsor:HOLD_REMINDER", "pat.pmo:HOLD_REMINDER");
    assertThat(timer(gate, PhaseGateProcess.BOUNDARY_HOLD_REMINDER_DUE)).as("every 14 days while parked").isNotNull();

    assertThatThrownBy(() -> completeTask("sam.sponsor", key, PhaseGateProcess.TASK_RESUME_PROJECT, Map.of()))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("resumeComment");
    completeTask("sam.sponsor", key, PhaseGateProcess.TASK_RESUME_PROJECT,
        Map.of(PhaseGateProcess.RESUME_COMMENT, "Budget confirmed"));
    executeProjectJobs(key);
    assertThat(projects.require(key).status().name()).isEqualTo("ACTIVE");
    assertThat(openTasks(key)).containsExactly(PhaseGateProcess.TASK_SIGN_OFF_BY_SPONSOR + ":sam.sponsor");
    decideGate(key, "sam.sponsor", "APPROVED", null);
    assertThat(phaseOf(key)).isEqualTo("PLANNING");
    assertThat(historyTypes(key)).containsSubsequence("CHARTER_SIGN_OFF", "PUT_ON_HOLD", "RESUMED",
        "CHARTER_ROUTED", "CHARTER_SIGN_OFF", "PHASE_CHANGED");
  }

  @Test
  void recycleAtTheCharterGateSendsTheCharterBackWithTheReasons() {
    String key = inInitiationAtCharterGate("Event app");
    decideGate(key, "sam.sponsor", "RECYCLE", "Scope out is missing");
    assertThat(openTasks(key)).containsExactly(TASK_DRAFT_CHARTER + ":mia.manager");
    assertThat(runtimeService.getVariable(lifecycleOf(key).getId(), RECYCLE_REASON))
        .isEqualTo("Scope out is missing");
    Task redraft = taskOf(key, TASK_DRAFT_CHARTER);
    assertThat(taskService.getVariable(redraft.getId(), OBJECTIVES)).as("the charter reopens as recorded")
        .isEqualTo("One place for team knowledge");
    assertThat(taskService.getVariable(redraft.getId(), MILESTONES).toString()).contains("Wiki live", "2027-03-01");
    assertThat(taskService.getVariable(redraft.getId(), TEAM_MEMBERS).toString()).contains("rae.requester");
    assertThat(taskService.getVariable(redraft.getId(), RISKS).toString()).contains("Low adoption");
    initiateAgain(key);
    decideGate(key, "sam.sponsor", "APPROVED", null);
    assertThat(phaseOf(key)).isEqualTo("PLANNING");
    assertThat(historyTypes(key).stream().filter("CHARTER_DRAFTED"::equals)).hasSize(2);
    assertThat(jdbc.sql("select count(*) from pmo_risk where project_key = :k").param("k", key).query(Long.class)
        .single()).as("the second assessment replaces the first").isEqualTo(1L);
  }

  @Test
  void aControllingPmoReviewThatKillsTheCharterDecidesTheGate() {
    Map<String, Object> request = request("Warehouse scanners");
    request.put(IntakeProcess.CROSS_DEPARTMENTAL, true);
    String key = approvedProject(request);
    ProcessInstance lifecycle = lifecycleOf(key);
    completeTask("sam.sponsor", key, TASK_ASSIGN_PM_BY_SPONSOR, Map.of(PROJECT_MANAGER, "mia.manager"));
    initiate(key);
    reviewGate(key, "pat.pmo", "REJECTED", "No acceptance criteria per deliverable");

    assertThat(openTasks(key)).as("the sponsor is not asked").containsExactly(
        TASK_CAPTURE_LESSONS_OF_STOPPED_PROJECT + ":mia.manager");
    completeTask("mia.manager", key, TASK_CAPTURE_LESSONS_OF_STOPPED_PROJECT, Map.of(LESSONS, List.of(Map.of(
        "category", "QUALITY", "wentWell", "Fast review", "toImprove", "Criteria per deliverable",
        "recommendation", "Use the charter checklist"))));
    executeProjectJobs(key);
    BpmnAwareTests.assertThat(lifecycle).isEnded().hasPassed(END_PROJECT_STOPPED);
    assertThat(phaseOf(key)).isEqualTo("CANCELLED");
    assertThat(jdbc.sql("select subject from pmo_notification where project_key = :k and kind = 'PROJECT_STOPPED'")
        .param("k", key).query(String.class).list()).containsOnly("Project " + key + " stopped at the Charter gate");
  }

  @Test
  void acceptanceRecycleReturnsToExecutionAndTheClosureReadinessGateCanStillKill() {
    String key = inExecution("Intranet search");
    ProcessInstance lifecycle = lifecycleOf(key);
    progress(key, Map.of(MILESTONE_UPDATES, milestoneUpdates(key, "DONE", "2027-03-01", "DONE", "2027-05-30", null),
        DELIVERABLES_READY, true));
    decideGate(key, "sam.sponsor", "APPROVED", null);
    assertThat(phaseOf(key)).isEqualTo("CLOSURE");
    decideGate(key, "sam.sponsor", "RECYCLE", "Search results miss the archive");

    assertThat(phaseOf(key)).isEqualTo("EXECUTION");
    assertThat(openTasks(key)).as("packages still open are assigned again, with the manager's progress round")
        .containsExactly(TASK_REPORT_WORK_PACKAGE_DONE + ":mia.manager", TASK_REPORT_WORK_PACKAGE_DONE
            + ":rae.requester", TASK_UPDATE_EXECUTION + ":mia.manager");
    progress(key, Map.of(DELIVERABLES_READY, true,
        MILESTONE_UPDATES, milestoneUpdates(key, "DONE", "2027-03-01", "DONE", "2027-05-30", null)));
    decideGate(key, "sam.sponsor", "REJECTED", "Replaced by the group's search platform");
    assertThat(openTasks(key)).containsExactly(TASK_CAPTURE_LESSONS_OF_STOPPED_PROJECT + ":mia.manager");
    BpmnAwareTests.assertThat(lifecycle).hasPassed(TASK_RETURN_TO_EXECUTION);
    assertThat(historyTypes(key)).containsSubsequence("ACCEPTANCE_SIGN_OFF", "PHASE_CHANGED", "DELIVERABLES_READY",
        "CLOSURE_READINESS_SIGN_OFF");
  }

  @Test
  void theCharterFormShowsLessonsOfSimilarEndedProjects() {
    String stopped = inInitiationAtCharterGate("Intranet chat");
    decideGate(stopped, "sam.sponsor", "REJECTED", "Replaced by the group's chat");
    completeTask("mia.manager", stopped, TASK_CAPTURE_LESSONS_OF_STOPPED_PROJECT, Map.of(LESSONS, List.of(Map.of(
        "category", "STAKEHOLDERS", "wentWell", "Quick decision", "toImprove", "Group plans were unknown",
        "recommendation", "Ask group IT for overlapping programmes first"))));
    executeProjectJobs(stopped);

    String next = approvedProject(request("Intranet search"));
    completeTask("sam.sponsor", next, TASK_ASSIGN_PM_BY_SPONSOR, Map.of(PROJECT_MANAGER, "mia.manager"));
    assertThat((String) taskService.getVariable(taskOf(next, TASK_DRAFT_CHARTER).getId(), SIMILAR_LESSONS))
        .as("same business unit, ended, newest first").startsWith("- **Intranet chat** (" + stopped)
        .contains("Ask group IT for overlapping programmes first");
  }

  @Test
  void aControllingPlanThatOverAllocatesSomeoneGoesToThePmoFirst() {
    ensureUser("rex.resource", "project-managers");
    Map<String, Object> controlling = request("Shop floor sensors");
    controlling.put(IntakeProcess.COMPLEXITY, "HIGH");
    Map<String, Object> first = plan();
    first.put(RESOURCES, List.of(Map.of("role", "Engineer", "userId", "rex.resource", "allocationPercent", 60)));
    String busy = inExecution(controlling, first);

    Map<String, Object> second = request("Shop floor dashboards");
    second.put(IntakeProcess.COMPLEXITY, "HIGH");
    String key = inPlanning(second);
    Map<String, Object> plan = plan();
    plan.put(RESOURCES, List.of(Map.of("role", "Engineer", "userId", "rex.resource", "allocationPercent", 50)));
    completeTask("mia.manager", key, TASK_DRAFT_PLAN, plan);
    executeProjectJobs(key);

    assertThat(openTasks(key)).containsExactly(TASK_RESOLVE_RESOURCE_CONFLICT + ":null");
    assertThat((String) taskService.getVariable(taskOf(key, TASK_RESOLVE_RESOURCE_CONFLICT).getId(),
        RESOURCE_CONFLICTS)).contains("rex.resource", "50 % here, 110 % in all", busy);
    assertThatThrownBy(() -> completeTask("pat.pmo", key, TASK_RESOLVE_RESOURCE_CONFLICT,
        Map.of(RESOURCE_RESOLUTION, "IGNORE", RESOLUTION_NOTE, "x"))).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("resourceResolution");
    completeTask("pat.pmo", key, TASK_RESOLVE_RESOURCE_CONFLICT,
        Map.of(RESOURCE_RESOLUTION, "RESCHEDULE", RESOLUTION_NOTE, "Start after the sensors go live"));
    assertThat(openTasks(key)).containsExactly(TASK_DRAFT_PLAN + ":mia.manager");
    assertThat(taskService.getVariable(taskOf(key, TASK_DRAFT_PLAN).getId(), RECYCLE_REASON).toString())
        .contains("Start after the sensors go live");

    plan.put(RESOURCES, List.of(Map.of("role", "Engineer", "userId", "rex.resource", "allocationPercent", 45)));
    completeTask("mia.manager", key, TASK_DRAFT_PLAN, plan);
    executeProjectJobs(key);
    completeTask("pat.pmo", key, TASK_RESOLVE_RESOURCE_CONFLICT,
        Map.of(RESOURCE_RESOLUTION, "ACCEPT", RESOLUTION_NOTE, "Overtime for two weeks is fine"));
    executeProjectJobs(key);
    assertThat(openTasks(key)).containsExactly(PhaseGateProcess.TASK_REVIEW_GATE + ":null");
    assertThat(historyTypes(key).stream().filter("RESOURCE_CONFLICT"::equals)).hasSize(2);
    assertThat(historyTypes(busy)).as("recorded on the other project too").contains("RESOURCE_CONFLICT");
  }

  // ---- gate criteria ----

  @Test
  void aGateWhoseCriteriaDoNotHoldCannotBeRequested() {
    String key = inPlanning("Kiosk");
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PhaseGateProcess.KEY, key, Map.of(
        PhaseGateProcess.PROJECT_KEY, key, PhaseGateProcess.GATE, "PLAN", PhaseGateProcess.GATE_LABEL, "Plan gate")))
        .hasMessageContaining("plan");
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PhaseGateProcess.KEY, key, Map.of(
        PhaseGateProcess.PROJECT_KEY, key, PhaseGateProcess.GATE, "ACCEPTANCE", PhaseGateProcess.GATE_LABEL, "x")))
        .hasMessageContaining("ACCEPTANCE");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PhaseGateProcess.KEY)
        .processInstanceBusinessKey(key).count()).isZero();

    Map<String, Object> noMilestones = plan();
    noMilestones.put(PLAN_MILESTONES, List.of());
    assertThatThrownBy(() -> completeTask("mia.manager", key, TASK_DRAFT_PLAN, noMilestones))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("milestones");
    Map<String, Object> badOwner = plan();
    badOwner.put(WORK_PACKAGES, List.of(Map.of("name", "Build", "owner", "nobody", "estimateDays", 3,
        "start", "2027-01-04", "end", "2027-01-08")));
    assertThatThrownBy(() -> completeTask("mia.manager", key, TASK_DRAFT_PLAN, badOwner))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("workPackages[0].owner");
    assertThat(openTasks(key)).containsExactly(TASK_DRAFT_PLAN + ":mia.manager");
    assertThat(historyTypes(key)).doesNotContain("PLAN_DRAFTED");
  }

  // ---- cancellation ----

  @ParameterizedTest
  @ValueSource(strings = {"INITIATION", "PLANNING", "EXECUTION", "CLOSURE", "ON_HOLD"})
  void cancellationEndsTheLifecycleFromAnyPhase(String where) {
    String key = switch (where) {
      case "INITIATION" -> {
        String k = approvedProject(request("Cancel in initiation"));
        completeTask("sam.sponsor", k, TASK_ASSIGN_PM_BY_SPONSOR, Map.of(PROJECT_MANAGER, "mia.manager"));
        yield k;
      }
      case "PLANNING" -> inPlanning("Cancel in planning");
      case "EXECUTION" -> inExecution("Cancel in execution");
      case "CLOSURE" -> {
        String k = inExecution("Cancel in closure");
        progress(k, Map.of(MILESTONE_UPDATES, milestoneUpdates(k, "DONE", "2027-03-01", "WAIVED", null,
            "Content stays where it is"), DELIVERABLES_READY, true));
        decideGate(k, "sam.sponsor", "APPROVED", null);
        yield k;
      }
      default -> {
        String k = inInitiationAtCharterGate("Cancel on hold");
        decideGate(k, "sam.sponsor", "ON_HOLD", "Parked");
        executeProjectJobs(k);
        yield k;
      }
    };
    assertThat(openTasks(key)).isNotEmpty();
    ProcessInstance lifecycle = lifecycleOf(key);

    as("pat.pmo", () -> runtimeService.createMessageCorrelation(MESSAGE_PROJECT_CANCELLED)
        .processInstanceBusinessKey(key).setVariable(CANCELLATION_REASON, "Budget withdrawn").correlate());
    executeProjectJobs(key);

    assertThat(openTasks(key)).isEmpty();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();
    BpmnAwareTests.assertThat(lifecycle).isEnded().hasPassed(END_PROJECT_CANCELLED);
    assertThat(phaseOf(key)).isEqualTo("CANCELLED");
    assertThat(notifications(key)).contains("sam.sponsor:PROJECT_CANCELLED", "mia.manager:PROJECT_CANCELLED",
        "rae.requester:PROJECT_CANCELLED");
    assertThat(jdbc.sql("select actor || ':' || comment from pmo_project_history where project_key = :k"
        + " and entry_type = 'PHASE_CHANGED' and phase = 'CANCELLED'").param("k", key).query(String.class).single())
        .isEqualTo("pat.pmo:Budget withdrawn");
    assertThat(projects.require(key).status().name()).isEqualTo("ENDED");

    assertThatThrownBy(() -> runtimeService.createMessageCorrelation(MESSAGE_PROJECT_CANCELLED)
        .processInstanceBusinessKey(key).correlate()).as("an ended project cannot be cancelled again")
        .isInstanceOf(MismatchingMessageCorrelationException.class);
  }

  @Test
  void aProjectHasOneRunningLifecycleAtATime() {
    String key = approvedProject(request("Second start"));
    ProcessInstance first = lifecycleOf(key);
    Map<String, Object> variables = runtimeService.getVariables(first.getId());

    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(KEY, key, variables))
        .isInstanceOf(org.camunda.bpm.engine.BadUserRequestException.class)
        .hasMessageContaining("Project " + key + " already has a running lifecycle")
        .hasMessageContaining(first.getId());
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).processInstanceBusinessKey(key)
        .count()).as("the refused start left nothing behind").isEqualTo(1);
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(KEY, "PRJ-1999-9999", variables))
        .isInstanceOf(org.camunda.bpm.engine.BadUserRequestException.class)
        .hasMessageContaining("No project with key PRJ-1999-9999");

    // an operator deletes the instance in Cockpit, skipping custom listeners: the project may be started again
    runtimeService.deleteProcessInstance(first.getId(), "operator", true);
    ProcessInstance second = runtimeService.startProcessInstanceByKey(KEY, key, variables);
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(KEY, key, variables))
        .hasMessageContaining(second.getId());
    // deleted with its listeners, it releases the project itself
    runtimeService.deleteProcessInstance(second.getId(), "operator", false);
    assertThat(runtimeService.startProcessInstanceByKey(KEY, key, variables).getBusinessKey()).isEqualTo(key);
  }

  private List<String> candidateGroups(String key, String taskKey) {
    return taskService.getIdentityLinksForTask(taskOf(key, taskKey).getId()).stream()
        .map(IdentityLink::getGroupId).filter(java.util.Objects::nonNull).toList();
  }
}
