package io.pmoflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.pmoflow.process.gate.PhaseGateProcess;
import io.pmoflow.process.intake.IntakeProcess;
import io.pmoflow.process.lifecycle.LifecycleProcess;
import io.pmoflow.process.monitoring.MonitoringProcess;
import io.pmoflow.process.review.ReviewProcess;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * The forms of governance in the real Tasklist: asking the requester for more information, the PMO's gate review
 * and resource-conflict decision, status reports with red health, recovery plans and exceptions, change requests and
 * risks raised with their start forms, and the board's portfolio review with the re-plan it orders. Each form under
 * test is filled in and completed in headless Chromium by the person it belongs to ({@code tasklist.mjs}); what leads
 * up to it runs through the engine as the demo users ({@link io.pmoflow.process.ProjectJourneys}); its effect is read
 * back from the store. Bad input is refused in the form with the form's own message, and a decision other than
 * approval without a comment is refused with the server's. Together with {@link TasklistBrowserIT} and
 * {@link LifecycleBrowserIT} every user task form of the models is completed in the browser at least once.
 */
class GovernanceBrowserIT extends BrowserSupport {

  static final LocalDate TODAY = LocalDate.now();

  @Test
  void theScreenerAsksForMoreInformationAndTheRequesterAmendsTheRequest() {
    String key = startRequestOverRest();
    Task screening = task(key, IntakeProcess.TASK_SCREEN_REQUEST);

    // a rejection needs reasons: the form says so when "Reject" is chosen, and the server refuses it without them
    JsonNode refused = browser("screen-reject-without-comment", "pat.pmo", Map.of("action", "completeTask",
        "taskId", screening.getId(), "claim", true, "expect", "refused", "steps", List.of(
            see("Treasury consolidation"),
            radio("Field_Decision", "Reject"),
            see("Please explain your decision in the comment"))));
    assertThat(refused.get("status").asInt()).isEqualTo(400);
    assertThat(refused.get("shown").asText()).as("Tasklist shows why")
        .contains("decisionComment", "required unless you approve");
    assertThat(refused.get("formStillOpen").asBoolean()).isTrue();
    assertThat(project(key).get("history").findValuesAsText("type")).doesNotContain("SCREENING");

    completeInTasklist("screen-needs-information", "pat.pmo", task(key, IntakeProcess.TASK_SCREEN_REQUEST), List.of(
        radio("Field_Decision", "Needs more information"),
        fill("Field_DecisionComment", "Which budget year is the estimate for?")));
    Task amend = task(key, IntakeProcess.TASK_AMEND_REQUEST);
    assertThat(amend.getAssignee()).isEqualTo("rae.requester");

    JsonNode noNote = blockedInTasklist("amend-request-without-note", "rae.requester", amend, List.of(
        see("Which budget year is the estimate for?"),
        fill("Field_AmendmentNote", "x"),
        fill("Field_AmendmentNote", "")));
    assertThat(noNote.get("errors")).extracting(JsonNode::asText).as("the form's message").contains("Field is required.");

    completeInTasklist("amend-request", "rae.requester", amend, List.of(
        shows("Field_ProjectName", "Treasury consolidation", false),
        shows("Field_EstimatedBudget", "80000", false),
        fill("Field_EstimatedBudget", "95000"),
        fill("Field_AmendmentNote", "The estimate is for 2027 and includes the licences")));
    JsonNode amended = project(key);
    assertThat(amended.get("request").get("estimatedBudget").decimalValue()).isEqualByComparingTo("95000");
    assertThat(historyEntry(amended, "REQUEST_AMENDED").get("comment").asText())
        .isEqualTo("The estimate is for 2027 and includes the licences");
    assertThat(task(key, IntakeProcess.TASK_SCREEN_REQUEST)).as("back to the screener").isNotNull();
  }

  @Test
  void thePmoReviewsGatesAndConflictsAndDecidesOnARedProjectsRecoveryAndException() {
    ensureUser("rex.resource", "project-managers");
    Map<String, Object> busyPlan = planAroundToday();
    busyPlan.put(LifecycleProcess.RESOURCES, List.of(Map.of("role", "Engineer", "userId", "rex.resource",
        "allocationPercent", 60)));
    String busy = inExecution(controlling("Shop floor sensors"), busyPlan);
    String key = inInitiationAtCharterGate(controlling("Shop floor dashboards"));

    // 1. the PMO reviews the charter gate of a CONTROLLING project; the sponsor signs it off after
    completeInTasklist("governance-01-review-charter-gate", "pat.pmo", task(key, PhaseGateProcess.TASK_REVIEW_GATE),
        List.of(see("Charter gate"), radio("Field_Decision", "Go \u2014 approve")));
    assertThat(task(key, PhaseGateProcess.TASK_SIGN_OFF_BY_SPONSOR).getAssignee()).isEqualTo("sam.sponsor");
    decideGate(key, "sam.sponsor", "APPROVED", null);

    // 2. the plan books rex.resource beyond 100 %: the PMO accepts the over-allocation
    Map<String, Object> plan = planAroundToday();
    plan.put(LifecycleProcess.RESOURCES, List.of(Map.of("role", "Engineer", "userId", "rex.resource",
        "allocationPercent", 50)));
    completeTask("mia.manager", key, LifecycleProcess.TASK_DRAFT_PLAN, plan);
    executeProjectJobs(key);
    completeInTasklist("governance-02-resolve-resource-conflict", "pat.pmo",
        task(key, LifecycleProcess.TASK_RESOLVE_RESOURCE_CONFLICT), List.of(
            see("rex.resource"),
            radio("Field_ResourceResolution", "Accept the over-allocation: the plan goes to its gate"),
            fill("Field_ResolutionNote", "Overtime for two weeks is fine")));
    passGate(key);
    assertThat(project(key).get("phase").asText()).isEqualTo("EXECUTION");
    assertThat(historyTypes(busy)).as("the conflict is noted on the other project too").contains("RESOURCE_CONFLICT");

    // 3. the status report falls due; more than 100 % is refused by the form itself
    fireStatusReportTimer(key, monitoringOf(key));
    Task report = task(key, MonitoringProcess.TASK_SUBMIT_STATUS_REPORT);
    JsonNode tooMuch = blockedInTasklist("governance-03-status-report-150-percent", "mia.manager", report, List.of(
        fill("Field_PercentComplete", "150"),
        fill("Field_ActualCostToDate", "30000"),
        fill("Field_Narrative", "Migration under way")));
    assertThat(tooMuch.get("errors")).extracting(JsonNode::asText).contains("Field must have maximum value of 100.");
    completeInTasklist("governance-04-status-report", "mia.manager", report, List.of(
        see("Baseline v1"),
        fill("Field_PercentComplete", "20"),
        fill("Field_ActualCostToDate", "30000"),
        fill("Field_Narrative", "The sensors arrived late; the data migration took most of the budget"),
        fill("Field_NextSteps", "Finish the archive")));
    JsonNode red = project(key);
    assertThat(red.get("health").asText()).isEqualTo("RED");
    assertThat(red.get("percentComplete").asInt()).isEqualTo(20);

    // 4. a CONTROLLING PMO demands a recovery plan, and reviews it
    completeInTasklist("governance-05-recovery-plan", "mia.manager", task(key, MonitoringProcess.TASK_DRAFT_RECOVERY_PLAN),
        List.of(see("Health RED"),
            fill("Field_RecoveryActions", "Add two migrators; drop the archive pages"),
            date("Field_RecoveryTargetDate", TODAY.plusDays(30).toString())));
    completeInTasklist("governance-06-review-recovery-plan", "pat.pmo",
        task(key, MonitoringProcess.TASK_REVIEW_RECOVERY_PLAN), List.of(
            see("Add two migrators; drop the archive pages"),
            radio("Field_Decision", "Approve the recovery plan")));

    // 5. the forecast breaks the tolerance: an exception report proposes a new baseline, the PMO approves it
    completeInTasklist("governance-07-exception-report", "mia.manager",
        task(key, MonitoringProcess.TASK_FILE_EXCEPTION_REPORT), List.of(
            see("breached"),
            fill("Field_ExceptionCause", "Content migration took three times the estimate"),
            fill("Field_ExceptionOptions", "Cut scope to 50 %; or fund the full migration"),
            radio("Field_ExceptionRecommendation", "Re-plan: approve a new baseline"),
            fill("Field_ProposedBudget", "95000"),
            date("Field_ProposedEnd", TODAY.plusDays(150).toString())));
    completeInTasklist("governance-08-decide-exception", "pat.pmo", task(key, MonitoringProcess.TASK_DECIDE_EXCEPTION),
        List.of(see("Content migration took three times the estimate"),
            radio("Field_Decision", "Approve the recommendation"),
            fill("Field_DecisionComment", "Fund it")));

    JsonNode replanned = project(key);
    assertThat(replanned.get("history").findValuesAsText("type")).containsSubsequence("RESOURCE_CONFLICT",
        "STATUS_REPORTED", "HEALTH_ASSESSED", "EXCEPTION_REPORTED", "EXCEPTION_DECIDED", "BASELINE_FROZEN");
    JsonNode baselines = replanned.get("baselines");
    assertThat(baselines.get(baselines.size() - 1).get("budget").decimalValue()).as("the new baseline")
        .isEqualByComparingTo("95000");

    // the dashboard shows what happened, newest first
    JsonNode page = dashboardProject("governance-09-dashboard", key);
    assertThat(page.get("phase").asText()).isEqualTo("Execution");
    assertThat(page.get("healthTitle").asText()).isEqualTo("Health: Red");
    assertThat(page.get("timeline").findValuesAsText("type")).contains("EXCEPTION_DECIDED", "RESOURCE_CONFLICT",
        "STATUS_REPORTED");
  }

  @Test
  void aChangeAndARiskAreRaisedWithTheirStartFormsAndDecided() {
    String key = inExecution("Field service app");

    // a change: requested by anyone, assessed by the project manager, approved by the PMO (14 % of the budget)
    JsonNode change = browser("change-01-request", "rae.requester", Map.of("action", "startProcess",
        "process", "Change request", "steps", List.of(
            see("Request a change"),
            fill("Field_ProjectKey", key),
            fill("Field_ChangeTitle", "Offline mode"),
            fill("Field_ChangeReason", "Technicians lose the network in basements"),
            fill("Field_CostImpact", "5000"),
            fill("Field_ScheduleImpactDays", "10"),
            select("Field_ScopeImpact", "Minor \u2014 deliverables adjusted"))));
    assertThat(change.get("businessKey").asText()).isEqualTo(key);
    runJobs();
    completeInTasklist("change-02-assess-impact", "mia.manager", task(key, "Task_AssessChangeImpact"), List.of(
        see("Offline mode"),
        see("Technicians lose the network in basements"),
        shows("Field_CostImpact", "5000", false),
        fill("Field_CostImpact", "6000"),
        fill("Field_ImpactAssessment", "Two more sprints; no effect on the other deliverables")));
    completeInTasklist("change-03-approve", "pat.pmo", task(key, "Task_ApproveChangeByGroup"), List.of(
        see("Two more sprints; no effect on the other deliverables"),
        radio("Field_Decision", "Approve the change")));
    JsonNode changed = project(key);
    assertThat(rows(changed.get("changes"), "title", "scheduleImpactDays", "scopeImpact", "status", "requestedBy",
        "decidedBy")).containsExactly(tuple("Offline mode", "10", "MINOR", "APPROVED", "rae.requester", "pat.pmo"));
    assertThat(changed.get("changes").get(0).get("costImpact").decimalValue()).as("as assessed")
        .isEqualByComparingTo("6000");

    // a risk: reported by the project manager, scored 12 (HIGH), its response chosen by the PMO
    browser("risk-01-report", "mia.manager", Map.of("action", "startProcess", "process", "Risk escalation",
        "steps", List.of(
            see("Report a risk"),
            fill("Field_ProjectKey", key),
            fill("Field_RiskTitle", "Vendor stops the tablet model"),
            fill("Field_Probability", "3"),
            fill("Field_Impact", "4"),
            fill("Field_Mitigation", "Ask the vendor for an end-of-life date"))));
    runJobs();
    completeInTasklist("risk-02-choose-response", "pat.pmo", task(key, "Task_ChooseRiskResponse"), List.of(
        see("Vendor stops the tablet model"),
        see("Ask the vendor for an end-of-life date"),
        radio("Field_ResponseStrategy", "Mitigate \u2014 reduce its probability or impact"),
        date("Field_ResponseDueDate", "2027-02-01"),
        fill("Field_ResponseNote", "Buy ten spare tablets now")));
    JsonNode risked = project(key);
    assertThat(rows(risked.get("risks"), "title", "score", "severity", "responseStrategy", "responseDue",
        "responseNote")).contains(tuple("Vendor stops the tablet model", "12", "HIGH", "MITIGATE", "2027-02-01",
        "Buy ten spare tablets now"));
  }

  @Test
  void theBoardDecidesThePortfolioReviewAndTheProjectManagerReplans() {
    Map<String, Object> weak = request("Office plants");
    weak.put(IntakeProcess.STRATEGIC_ALIGNMENT, 1L);
    String misaligned = inExecution(weak, plan());
    ProcessInstance review = as("pat.pmo", () -> runtimeService.startProcessInstanceByKey(ReviewProcess.KEY));
    executeAsyncJobs(review);
    Task board = task(review, ReviewProcess.TASK_REVIEW_PORTFOLIO);

    // every project on the agenda gets a decision; the misaligned one is to be re-planned
    List<Map<String, Object>> steps = new ArrayList<>(List.of(see("Portfolio review")));
    JsonNode agenda = json(taskService.getVariable(board.getId(), ReviewProcess.AGENDA_DECISIONS));
    for (int row = 0; row < agenda.size(); row++) {
      String project = agenda.get(row).get("projectKey").asText();
      steps.add(shows("Field_AgendaProjectKey_" + row, project, true));
      if (project.equals(misaligned)) {
        steps.add(select("Field_AgendaDecision_" + row, "Re-plan: the project manager re-plans"));
        steps.add(fill("Field_AgendaComment_" + row, "Merge it into the facilities programme"));
      } else {
        steps.add(select("Field_AgendaDecision_" + row, "Continue"));
      }
    }
    assertThat(agenda.findValuesAsText("projectKey")).as("low strategic alignment").contains(misaligned);
    completeInTasklist("portfolio-01-board-review", "bob.board", board, steps);
    executeAsyncJobs(review);

    Task replan = task(review, ReviewProcess.TASK_REPLAN_PROJECT);
    assertThat(replan.getAssignee()).isEqualTo("mia.manager");
    completeInTasklist("portfolio-02-replan", "mia.manager", replan, List.of(
        see(misaligned),
        see("Merge it into the facilities programme"),
        fill("Field_ReplanNote", "Merge into the facilities programme by March")));
    assertThat(historyTypes(misaligned)).contains("PORTFOLIO_REVIEW", "REPLAN_SUBMITTED");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(review.getId()).count())
        .as("the review is over").isZero();
  }

  // ---- setup

  static Map<String, Object> controlling(String name) {
    Map<String, Object> request = request(name);
    request.put(IntakeProcess.CROSS_DEPARTMENTAL, true);
    return request;
  }

  static JsonNode json(Object variable) {
    try {
      return JSON.readTree(variable.toString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
