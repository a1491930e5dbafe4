package io.pmoflow.process.monitoring;

import static io.pmoflow.process.monitoring.MonitoringProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pmoflow.process.ProjectJourneys;
import io.pmoflow.process.intake.IntakeProcess;
import io.pmoflow.process.lifecycle.LifecycleProcess;
import io.pmoflow.project.ProjectService;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Monitoring and controlling during execution: status reports on the PMO type's cadence, late reports reminded
 * and escalated, earned value and computed health, recovery plans for RED projects, and exception reports when
 * the forecast breaches a tolerance.
 */
class MonitoringScenarioTest extends ProjectJourneys {

  static final LocalDate TODAY = LocalDate.now();

  @Autowired ProjectService projects;

  @Test
  void reportsFollowTheCadenceLateOnesAreChasedAndHealthIsComputedWithItsReasons() {
    String key = inExecution(request("Field service app"), planAroundToday());
    ProcessInstance monitoring = monitoringOf(key);

    Job due = timer(monitoring, TIMER_STATUS_REPORT_DUE);
    assertThat(due.getDuedate()).as("SUPPORTIVE: every 30 days")
        .isCloseTo(java.util.Date.from(Instant.now().plus(Duration.ofDays(30))), 60_000);
    fireStatusReportTimer(key, monitoring);
    Task report = taskOf(key, TASK_SUBMIT_STATUS_REPORT);
    assertThat(report.getAssignee()).isEqualTo("mia.manager");
    assertThat(report.getDueDate()).isCloseTo(java.util.Date.from(Instant.now().plus(Duration.ofDays(2))), 60_000);
    assertThat((String) taskService.getVariable(report.getId(), STATUS_REPORT_CONTEXT)).contains("Baseline v1",
        "42,000.00");

    managementService.executeJob(timer(monitoring, BOUNDARY_STATUS_REPORT_LATE).getId());
    managementService.executeJob(timer(monitoring, BOUNDARY_STATUS_REPORT_OVERDUE).getId());
    executeProjectJobs(key);
    assertThat(notifications(key)).contains("mia.manager:STATUS_REPORT_REMINDER", "pat.pmo:STATUS_REPORT_OVERDUE");

    Map<String, Object> badReport = statusReport(150, 1_000.0);
    assertThatThrownBy(() -> completeTask("mia.manager", key, TASK_SUBMIT_STATUS_REPORT, badReport))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("percentComplete");
    assertThat(historyTypes(key)).doesNotContain("STATUS_REPORTED");

    // half the time gone, half the work done at the planned cost: on track
    completeTask("mia.manager", key, TASK_SUBMIT_STATUS_REPORT, statusReport(50, 21_000.0));
    executeProjectJobs(key);
    assertThat(projects.require(key).health()).isEqualTo("GREEN");
    assertThat(projects.require(key).percentComplete()).isEqualTo(50);
    BpmnAwareTests.assertThat(monitoring).isWaitingAt(TIMER_STATUS_REPORT_DUE);

    // the next report: a fifth done for most of the money — RED, and the forecast breaks the tolerance
    fireStatusReportTimer(key, monitoring);
    completeTask("mia.manager", key, TASK_SUBMIT_STATUS_REPORT, statusReport(20, 30_000.0));
    executeProjectJobs(key);
    assertThat(projects.require(key).health()).isEqualTo("RED");
    String explanation = projects.details(key).healthExplanation();
    assertThat(explanation).startsWith("RED").contains("SPI", "CPI 0.28", "projectHealth");
    assertThat(notifications(key)).as("a supportive PMO is told, no recovery plan is demanded")
        .contains("pat.pmo:HEALTH_RED").doesNotContain("mia.manager:HEALTH_RED");
    assertThat(openTasks(key)).contains(TASK_FILE_EXCEPTION_REPORT + ":mia.manager")
        .noneMatch(t -> t.startsWith(TASK_DRAFT_RECOVERY_PLAN));
    assertThat((String) taskService.getVariable(taskOf(key, TASK_FILE_EXCEPTION_REPORT).getId(), TOLERANCE_BREACH))
        .contains("breached");

    Map<String, Object> replan = new HashMap<>();
    replan.put(EXCEPTION_CAUSE, "Content migration took three times the estimate");
    replan.put(EXCEPTION_OPTIONS, "Cut scope to 50 %; or fund the full migration");
    replan.put(EXCEPTION_RECOMMENDATION, "REPLAN");
    replan.put(PROPOSED_BUDGET, 95_000.0);
    replan.put(PROPOSED_END, TODAY.plusDays(150).toString());
    completeTask("mia.manager", key, TASK_FILE_EXCEPTION_REPORT, replan);
    assertThat(candidateGroups(key, TASK_DECIDE_EXCEPTION)).containsExactly("pmo");
    completeTask("pat.pmo", key, TASK_DECIDE_EXCEPTION, decision("APPROVED", "Fund it"));
    executeProjectJobs(key);

    assertThat(projects.currentBaseline(key).version()).isEqualTo(2);
    assertThat(projects.currentBaseline(key).budget()).isEqualByComparingTo("95000");
    BpmnAwareTests.assertThat(monitoring).isWaitingAt(TIMER_STATUS_REPORT_DUE);
    assertThat(historyTypes(key)).containsSubsequence("STATUS_REPORTED", "HEALTH_ASSESSED", "STATUS_REPORTED",
        "HEALTH_ASSESSED", "EXCEPTION_REPORTED", "EXCEPTION_DECIDED", "BASELINE_FROZEN");
  }

  @Test
  void aControllingPmoDemandsARecoveryPlanAndAnExceptionCanCancelTheProject() {
    Map<String, Object> request = request("Data centre move");
    request.put(IntakeProcess.CROSS_DEPARTMENTAL, true);
    String key = inExecution(request, planAroundToday());
    ProcessInstance lifecycle = lifecycleOf(key);
    ProcessInstance monitoring = monitoringOf(key);
    assertThat(timer(monitoring, TIMER_STATUS_REPORT_DUE).getDuedate()).as("CONTROLLING: every 14 days")
        .isCloseTo(java.util.Date.from(Instant.now().plus(Duration.ofDays(14))), 60_000);

    fireStatusReportTimer(key, monitoring);
    completeTask("mia.manager", key, TASK_SUBMIT_STATUS_REPORT, statusReport(20, 30_000.0));
    executeProjectJobs(key);
    assertThat(openTasks(key)).contains(TASK_DRAFT_RECOVERY_PLAN + ":mia.manager");
    assertThat((String) taskService.getVariable(taskOf(key, TASK_DRAFT_RECOVERY_PLAN).getId(), HEALTH_EXPLANATION))
        .startsWith("RED");

    completeTask("mia.manager", key, TASK_DRAFT_RECOVERY_PLAN, recoveryPlan("Add two migrators"));
    assertThatThrownBy(() -> completeTask("pat.pmo", key, TASK_REVIEW_RECOVERY_PLAN, decision("REJECTED", null)))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("decisionComment");
    completeTask("pat.pmo", key, TASK_REVIEW_RECOVERY_PLAN, decision("REJECTED", "Not enough: name the cut scope"));
    completeTask("mia.manager", key, TASK_DRAFT_RECOVERY_PLAN, recoveryPlan("Add two migrators; drop archive pages"));
    completeTask("pat.pmo", key, TASK_REVIEW_RECOVERY_PLAN, decision("APPROVED", null));
    executeProjectJobs(key);

    Map<String, Object> cancel = new HashMap<>();
    cancel.put(EXCEPTION_CAUSE, "The vendor went bankrupt");
    cancel.put(EXCEPTION_OPTIONS, "None within budget");
    cancel.put(EXCEPTION_RECOMMENDATION, "CANCEL");
    completeTask("mia.manager", key, TASK_FILE_EXCEPTION_REPORT, cancel);
    completeTask("pat.pmo", key, TASK_DECIDE_EXCEPTION, decision("APPROVED", "Stop before more is spent"));
    executeProjectJobs(key);

    assertThat(openTasks(key)).as("execution is over; the stopped project is closed through lessons learned")
        .containsExactly(LifecycleProcess.TASK_CAPTURE_LESSONS_OF_STOPPED_PROJECT + ":mia.manager");
    completeTask("mia.manager", key, LifecycleProcess.TASK_CAPTURE_LESSONS_OF_STOPPED_PROJECT, Map.of(
        LifecycleProcess.LESSONS, List.of(Map.of("category", "PROCUREMENT", "wentWell", "Early warning",
            "toImprove", "Vendor due diligence", "recommendation", "Check vendor finances yearly"))));
    executeProjectJobs(key);
    BpmnAwareTests.assertThat(lifecycle).isEnded().hasPassed(LifecycleProcess.END_PROJECT_STOPPED);
    assertThat(phaseOf(key)).isEqualTo("CANCELLED");
    assertThat(jdbc.sql("select subject from pmo_notification where project_key = :k and kind = 'PROJECT_STOPPED'")
        .param("k", key).query(String.class).list())
        .containsOnly("Project " + key + " stopped at the exception review");
    assertThat(historyTypes(key)).containsSubsequence("RECOVERY_PLANNED", "RECOVERY_REVIEWED", "RECOVERY_PLANNED",
        "RECOVERY_REVIEWED", "EXCEPTION_REPORTED", "EXCEPTION_DECIDED", "PHASE_CHANGED");
  }

  // ---- helpers ----

  private static Map<String, Object> recoveryPlan(String actions) {
    return Map.of(RECOVERY_ACTIONS, actions, RECOVERY_TARGET_DATE, TODAY.plusDays(30).toString());
  }

  private List<String> candidateGroups(String key, String taskKey) {
    return taskService.getIdentityLinksForTask(taskOf(key, taskKey).getId()).stream()
        .map(l -> l.getGroupId()).filter(java.util.Objects::nonNull).toList();
  }
}
