package io.pmoflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * The demo users carry a project from planning to CLOSED in the real Tasklist (headless Chromium), a change request
 * on the way: from the plan on,
 * every user task of the project is completed with its form by the person it belongs to, one run of
 * {@code src/test/browser/tasklist.mjs} per person and task; only intake and initiation (covered by
 * {@link TasklistBrowserIT}) are set up over REST. The project is SUPPORTIVE, so the sponsor signs off every gate.
 * The test fails as soon as a form cannot be filled in or completed; the portfolio dashboard's project page follows
 * the project (in execution after the plan gate; closed at the end, with every step in its timeline); at the end
 * the project is read back over REST and its final report is opened in the browser. Screenshots land in
 * {@code target/browser-it/lifecycle-*}.
 */
class LifecycleBrowserIT extends BrowserSupport {

  static final String SIGN_OFF = "Task_SignOffGateBySponsor";
  static final String GO = "Go \u2014 approve";
  static final String HOLD = "Hold \u2014 park the project";

  /** Tasks completed in the browser; at the end, every task of the project after initiation must be one of them. */
  final Set<String> doneInBrowser = new HashSet<>();

  @Test
  void theDemoUsersCarryAProjectFromPlanningToClosedInTasklist() {
    String key = atCharterGateOverRest("Customer portal relaunch");
    Task charterGate = task(key, SIGN_OFF);
    completeOverRest("sam.sponsor", charterGate.getId(), Map.of("decision", Map.of("value", "APPROVED")));
    runJobs();
    assertThat(project(key).get("phase").asText()).isEqualTo("PLANNING");

    // 1. the project manager drafts the plan; the milestones come prefilled from the charter
    complete("lifecycle-01-draft-plan", "mia.manager", task(key, "Task_DraftPlan"), List.of(
        shows("Field_PlanMilestoneName_0", "Design approved", false),
        showsDate("Field_PlanMilestoneDueDate_0", "2027-03-01"),
        shows("Field_PlanMilestoneName_1", "Go-live", false),
        showsDate("Field_PlanMilestoneDueDate_1", "2027-06-15"),
        date("Field_PlannedStart", "2027-01-04"),
        date("Field_PlannedEnd", "2027-06-30"),
        fill("Field_WorkPackageName_0", "Design the portal"),
        fill("Field_WorkPackageOwner_0", "mia.manager"),
        fill("Field_WorkPackageEstimate_0", "10"),
        date("Field_WorkPackageStart_0", "2027-01-04"),
        date("Field_WorkPackageEnd_0", "2027-02-26"),
        addRow("List_WorkPackages"),
        fill("Field_WorkPackageName_1", "Migrate customer data"),
        fill("Field_WorkPackageOwner_1", "rae.requester"),
        fill("Field_WorkPackageEstimate_1", "20.5"),
        date("Field_WorkPackageStart_1", "2027-03-01"),
        date("Field_WorkPackageEnd_1", "2027-05-28"),
        select("Field_BudgetCategory_0", "Labour"),
        fill("Field_BudgetAmount_0", "42000"),
        fill("Field_ResourceRole_0", "Project manager"),
        fill("Field_ResourceUserId_0", "mia.manager"),
        fill("Field_ResourceAllocation_0", "50"),
        fill("Field_CommunicationAudience_0", "Sales leads"),
        select("Field_CommunicationChannel_0", "E-mail"),
        select("Field_CommunicationFrequency_0", "Weekly"),
        fill("Field_CommunicationContent_0", "Status and next steps"),
        fill("Field_PlanRiskTitle_0", "Low adoption"),
        fill("Field_PlanRiskProbability_0", "2"),
        fill("Field_PlanRiskImpact_0", "3"),
        fill("Field_PlanRiskResponse_0", "Champions in every sales team"),
        fill("Field_QualityStandards", "Company web guideline"),
        fill("Field_QualityAcceptanceCriteria", "Every page passes the accessibility check")));
    JsonNode planned = project(key);
    assertThat(planned.get("plan").get("plannedStart").asText()).isEqualTo("2027-01-04");
    assertThat(planned.get("plan").get("plannedEnd").asText()).isEqualTo("2027-06-30");
    assertThat(planned.get("plan").get("budget").findValuesAsText("category")).containsExactly("LABOUR");
    assertThat(planned.get("plan").get("budgetTotal").decimalValue()).isEqualByComparingTo("42000");
    assertThat(rows(planned.get("plan").get("communications"), "audience", "channel", "frequency"))
        .containsExactly(tuple("Sales leads", "EMAIL", "WEEKLY"));
    assertThat(rows(planned.get("workPackages"), "name", "owner")).containsExactly(
        tuple("Design the portal", "mia.manager"), tuple("Migrate customer data", "rae.requester"));

    // 2. the sponsor signs the plan off: the baseline is frozen, execution starts
    signOff("lifecycle-02-plan-gate", key, "Plan gate", GO, null);
    assertThat(project(key).get("phase").asText()).isEqualTo("EXECUTION");
    JsonNode executing = dashboardProject("lifecycle-02-dashboard", key);
    assertThat(executing.get("phase").asText()).as("the dashboard follows").isEqualTo("Execution");
    assertThat(executing.get("timeline").findValuesAsText("type")).as("newest first")
        .startsWith("PHASE_CHANGED").contains("BASELINE_FROZEN", "PLAN_SIGN_OFF", "PLAN_DRAFTED");

    // 3. each owner reports their work package done
    List<Task> packages = taskService.createTaskQuery().processInstanceBusinessKey(key)
        .taskDefinitionKey("Task_ReportWorkPackageDone").orderByTaskAssignee().asc().list();
    assertThat(packages).extracting(Task::getAssignee).containsExactly("mia.manager", "rae.requester");
    complete("lifecycle-03-work-package-mia", "mia.manager", packages.get(0), List.of(
        see("Design the portal"),
        date("Field_CompletedOn", "2027-02-26"),
        fill("Field_ActualCost", "4500"),
        fill("Field_CompletionNote", "Design signed off by sales")));
    complete("lifecycle-04-work-package-rae", "rae.requester", packages.get(1), List.of(
        see("Migrate customer data"),
        date("Field_CompletedOn", "2027-05-27"),
        fill("Field_ActualCost", "33000.5")));

    // 3b. a small change on the way: requested with the start form, assessed and approved by the project manager
    JsonNode change = browser("lifecycle-04b-change-request", "rae.requester", Map.of("action", "startProcess",
        "process", "Change request", "steps", List.of(
            fill("Field_ProjectKey", key),
            fill("Field_ChangeTitle", "Invoice download as PDF"),
            fill("Field_ChangeReason", "Sales asks for it in every customer meeting"),
            fill("Field_CostImpact", "1500"),
            fill("Field_ScheduleImpactDays", "3"),
            select("Field_ScopeImpact", "None \u2014 scope unchanged"))));
    assertThat(change.get("businessKey").asText()).isEqualTo(key);
    runJobs();
    complete("lifecycle-04c-assess-change", "mia.manager", task(key, "Task_AssessChangeImpact"), List.of(
        see("Invoice download as PDF"),
        fill("Field_ImpactAssessment", "A day of the portal team; no other deliverable moves")));
    complete("lifecycle-04d-approve-change", "mia.manager", task(key, "Task_ApproveChangeByManager"), List.of(
        see("A day of the portal team; no other deliverable moves"),
        radio("Field_Decision", "Approve the change")));
    assertThat(rows(project(key).get("changes"), "title", "status", "approver", "decidedBy"))
        .containsExactly(tuple("Invoice download as PDF", "APPROVED", "PROJECT_MANAGER", "mia.manager"));

    // 4. progress: ready with a milestone still open is refused by the server, and the task stays open
    Task progress = task(key, "Task_UpdateExecution");
    long designId = planned.get("milestones").get(0).get("id").asLong();
    long goLiveId = planned.get("milestones").get(1).get("id").asLong();
    List<Map<String, Object>> prefilled = List.of(
        shows("Field_MilestoneId_0", String.valueOf(designId), true),
        shows("Field_MilestoneName_0", "Design approved", true),
        shows("Field_MilestoneDueDate_0", "2027-03-01", true),
        shows("Field_MilestoneId_1", String.valueOf(goLiveId), true),
        shows("Field_MilestoneName_1", "Go-live", true),
        shows("Field_MilestoneDueDate_1", "2027-06-15", true));
    List<Map<String, Object>> tooEarly = new ArrayList<>(prefilled);
    tooEarly.addAll(List.of(
        select("Field_MilestoneStatus_0", "Done"),
        date("Field_MilestoneActualDate_0", "2027-03-01"),
        check("Field_DeliverablesReady", true)));
    JsonNode refused = browser("lifecycle-05-progress-too-early", "mia.manager", Map.of("action", "completeTask",
        "taskId", progress.getId(), "expect", "refused", "steps", tooEarly));
    assertThat(refused.get("status").asInt()).isEqualTo(400);
    assertThat(refused.get("message").asText()).as("the server names the open milestone").contains("Go-live");
    assertThat(refused.get("shown").asText()).as("Tasklist shows the refusal").contains("Go-live");
    assertThat(refused.get("formStillOpen").asBoolean()).as("the form stays open").isTrue();
    assertThat(taskService.createTaskQuery().taskId(progress.getId()).count()).as("the task stays open").isOne();
    assertThat(project(key).get("milestones").findValuesAsText("status")).as("nothing of it recorded")
        .containsExactly("PLANNED", "PLANNED");

    List<Map<String, Object>> ready = new ArrayList<>(prefilled);
    ready.addAll(List.of(
        select("Field_MilestoneStatus_0", "Done"),
        date("Field_MilestoneActualDate_0", "2027-03-01"),
        select("Field_MilestoneStatus_1", "Done"),
        date("Field_MilestoneActualDate_1", "2027-06-14"),
        addRow("List_NewIssues"),
        fill("Field_NewIssueTitle_0", "Old invoices lack a customer number"),
        select("Field_NewIssueSeverity_0", "High"),
        fill("Field_NewIssueOwner_0", "rae.requester"),
        fill("Field_ProgressNote", "Portal live for all customers"),
        check("Field_DeliverablesReady", true)));
    complete("lifecycle-06-progress-ready", "mia.manager", progress, ready);
    JsonNode executed = project(key);
    assertThat(rows(executed.get("milestones"), "name", "status", "actualDate")).containsExactly(
        tuple("Design approved", "DONE", "2027-03-01"), tuple("Go-live", "DONE", "2027-06-14"));
    assertThat(rows(executed.get("issues"), "title", "severity", "owner"))
        .containsExactly(tuple("Old invoices lack a customer number", "HIGH", "rae.requester"));

    // 5. the sponsor signs off closure readiness and accepts the deliverables
    signOff("lifecycle-07-closure-readiness-gate", key, "Closure-readiness gate", GO, null);
    assertThat(project(key).get("phase").asText()).isEqualTo("CLOSURE");
    signOff("lifecycle-08-acceptance-gate", key, "Acceptance gate", GO, "Accepted: the portal serves all customers");

    // 6. the project manager archives the documents and captures the lessons
    complete("lifecycle-09-archive-documents", "mia.manager", task(key, "Task_ArchiveDocuments"), List.of(
        fill("Field_DocumentTitle_0", "Project plan"),
        fill("Field_DocumentUrl_0", "https://docs.example/portal/plan")));
    complete("lifecycle-10-capture-lessons", "mia.manager", task(key, "Task_CaptureLessons"), List.of(
        select("Field_LessonCategory_0", "Schedule"),
        fill("Field_LessonWentWell_0", "Sales champions tested early"),
        fill("Field_LessonToImprove_0", "Data migration started late"),
        fill("Field_LessonRecommendation_0", "Start migrating data in the design phase")));

    // 7. closed: read back over REST, every task after initiation done in Tasklist, and the final report
    JsonNode closed = project(key);
    assertThat(closed.get("phase").asText()).isEqualTo("CLOSED");
    assertThat(closed.get("status").asText()).isEqualTo("ENDED");
    assertThat(closed.get("history").findValuesAsText("type")).containsSubsequence("PLAN_SIGN_OFF",
        "BASELINE_FROZEN", "WORK_PACKAGE_DONE", "DELIVERABLES_READY", "CLOSURE_READINESS_SIGN_OFF",
        "ACCEPTANCE_SIGN_OFF", "DOCUMENTS_ARCHIVED", "LESSONS_CAPTURED", "RESOURCES_RELEASED");
    assertThat(closed.get("history")).as("PHASE_CHANGED to CLOSED")
        .anySatisfy(e -> assertThat(e.get("type").asText() + " " + e.get("phase").asText())
            .isEqualTo("PHASE_CHANGED CLOSED"));
    assertThat(historyEntry(closed, "PLAN_SIGN_OFF").get("actor").asText()).isEqualTo("sam.sponsor");
    assertThat(historyEntry(closed, "ACCEPTANCE_SIGN_OFF").get("actor").asText()).isEqualTo("sam.sponsor");
    assertThat(historyEntry(closed, "DELIVERABLES_READY").get("actor").asText()).isEqualTo("mia.manager");
    assertThat(closed.get("history")).filteredOn(e -> e.get("type").asText().equals("WORK_PACKAGE_DONE"))
        .extracting(e -> e.get("actor").asText()).containsExactlyInAnyOrder("mia.manager", "rae.requester");
    assertThat(closed.get("actualCost").decimalValue()).as("4,500 + 33,000.50").isEqualByComparingTo("37500.5");
    assertThat(closed.get("archived").asBoolean()).isTrue();
    assertThat(rows(closed.get("documents"), "title", "url"))
        .containsExactly(tuple("Project plan", "https://docs.example/portal/plan"));
    assertThat(rows(closed.get("lessons"), "category", "recommendation"))
        .containsExactly(tuple("SCHEDULE", "Start migrating data in the design phase"));
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(key).count()).as("no task left").isZero();

    List<HistoricTaskInstance> afterInitiation = historyService.createHistoricTaskInstanceQuery()
        .processInstanceBusinessKey(key).list().stream()
        .filter(t -> !INITIATION.contains(t.getTaskDefinitionKey()) && !t.getId().equals(charterGate.getId()))
        .toList();
    assertThat(afterInitiation).extracting(HistoricTaskInstance::getTaskDefinitionKey).as("tasks from the plan on")
        .containsExactlyInAnyOrder("Task_DraftPlan", SIGN_OFF, "Task_ReportWorkPackageDone",
            "Task_ReportWorkPackageDone", "Task_AssessChangeImpact", "Task_ApproveChangeByManager",
            "Task_UpdateExecution", SIGN_OFF, SIGN_OFF, "Task_ArchiveDocuments", "Task_CaptureLessons");
    assertThat(afterInitiation).allSatisfy(t -> assertThat(doneInBrowser).as(t.getName() + " done in Tasklist").contains(t.getId()));

    JsonNode closedPage = dashboardProject("lifecycle-11-dashboard", key);
    assertThat(closedPage.get("phase").asText()).isEqualTo("Closed");
    List<String> timeline = new ArrayList<>(closedPage.get("timeline").findValuesAsText("type"));
    java.util.Collections.reverse(timeline);
    assertThat(timeline).as("every step of the project, oldest first").containsSubsequence("REQUESTED",
        "SCREENING", "PROJECT_MANAGER_ASSIGNED", "CHARTER_DRAFTED", "PLAN_DRAFTED", "PLAN_SIGN_OFF", "BASELINE_FROZEN",
        "WORK_PACKAGE_DONE", "DELIVERABLES_READY", "CLOSURE_READINESS_SIGN_OFF", "ACCEPTANCE_SIGN_OFF",
        "DOCUMENTS_ARCHIVED", "LESSONS_CAPTURED");
    assertThat(closedPage.get("sections")).extracting(JsonNode::asText).contains("Lessons learned");

    JsonNode report = browser("lifecycle-12-final-report", "pat.pmo", Map.of("action", "page",
        "path", "/api/projects/" + key + "/report"));
    assertThat(report.get("status").asInt()).isEqualTo(200);
    assertThat(report.get("text").asText()).contains("Final report", key, "37,500.50", "Go-live",
        "Start migrating data in the design phase");
  }

  @Test
  void aGatePutOnHoldInTasklistIsResumedByTheSponsor() {
    String key = atCharterGateOverRest("Field service app");
    signOff("lifecycle-hold-01-charter-gate", key, "Charter gate", HOLD, "Waiting for the budget round");
    JsonNode held = project(key);
    assertThat(held.get("status").asText()).isEqualTo("ON_HOLD");
    assertThat(held.get("phase").asText()).isEqualTo("INITIATION");

    Task resume = task(key, "Task_ResumeProject");
    assertThat(resume.getAssignee()).as("a candidate task: the sponsor claims it").isNull();
    browser("lifecycle-hold-02-resume", "sam.sponsor", Map.of("action", "completeTask", "taskId", resume.getId(),
        "claim", true, "steps", List.of(see("Waiting for the budget round"),
            fill("Field_ResumeComment", "The budget round approved the funds"))));
    runJobs();
    assertThat(project(key).get("status").asText()).isNotEqualTo("ON_HOLD");
    assertThat(historyService.createHistoricTaskInstanceQuery().taskId(resume.getId()).singleResult().getAssignee())
        .isEqualTo("sam.sponsor");

    signOff("lifecycle-hold-03-charter-gate-again", key, "Charter gate", GO, null);
    assertThat(project(key).get("phase").asText()).isEqualTo("PLANNING");
    assertThat(task(key, "Task_DraftPlan").getAssignee()).isEqualTo("mia.manager");
  }

  static final Set<String> INITIATION = Set.of("Task_ScreenRequest", "Task_AssignProjectManagerBySponsor",
      "Task_DraftCharter", "Task_AssembleTeam", "Task_AssessInitialRisks");

  // ---- steps

  /** {@link #completeInTasklist}, noted as done in the browser. */
  void complete(String name, String user, Task task, List<Map<String, Object>> steps) {
    completeInTasklist(name, user, task, steps);
    doneInBrowser.add(task.getId());
  }

  /** The sponsor decides the open gate in Tasklist; the form must show which gate it is. */
  void signOff(String name, String key, String gateLabel, String decision, String comment) {
    Task gate = task(key, SIGN_OFF);
    assertThat(gate).as("sign-off of the " + gateLabel).isNotNull();
    assertThat(gate.getAssignee()).isEqualTo("sam.sponsor");
    List<Map<String, Object>> steps = new ArrayList<>(List.of(see(gateLabel), radio("Field_Decision", decision)));
    if (comment != null) {
      steps.add(fill("Field_DecisionComment", comment));
    }
    complete(name, "sam.sponsor", gate, steps);
  }

  // ---- setup over REST: intake and initiation, as TasklistBrowserIT covers their forms

  String atCharterGateOverRest(String name) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("projectName", Map.of("value", name));
    variables.put("description", Map.of("value", "Replace the " + name.toLowerCase() + " system"));
    variables.put("businessUnit", Map.of("value", "Sales"));
    variables.put("sponsor", Map.of("value", "sam.sponsor"));
    variables.put("estimatedBudget", Map.of("value", 50_000.0, "type", "Double"));
    variables.put("strategicAlignment", Map.of("value", 3, "type", "Long"));
    variables.put("complexity", Map.of("value", "LOW"));
    variables.put("riskLevel", Map.of("value", "LOW"));
    variables.put("crossDepartmental", Map.of("value", false));
    variables.put("regulatory", Map.of("value", false));
    variables.put("requestedStart", Map.of("value", "2027-01-04"));
    variables.put("requestedEnd", Map.of("value", "2027-06-30"));
    String key = rest("rae.requester", "/engine-rest/process-definition/key/projectIntake/start",
        Map.of("variables", variables), 200).get("businessKey").asText();
    screenOverRest(key);
    assertThat(project(key).get("pmoType").asText()).as("the sponsor signs off every gate").isEqualTo("SUPPORTIVE");
    completeOverRest("sam.sponsor", task(key, "Task_AssignProjectManagerBySponsor").getId(),
        Map.of("projectManager", Map.of("value", "mia.manager")));
    runJobs();
    completeOverRest("mia.manager", task(key, "Task_DraftCharter").getId(), Map.of(
        "objectives", Map.of("value", "Customers serve themselves"),
        "scopeIn", Map.of("value", "Portal, order history, invoices"),
        "deliverables", Map.of("value", "The new portal in production"),
        "acceptanceCriteria", Map.of("value", "Live for all customers"),
        "budgetEstimate", Map.of("value", 45_000.0, "type", "Double"),
        "milestones", Map.of("type", "Json", "value",
            "[{\"name\":\"Design approved\",\"dueDate\":\"2027-03-01\"},"
                + "{\"name\":\"Go-live\",\"dueDate\":\"2027-06-15\"}]"),
        "stakeholders", Map.of("type", "Json", "value", "[{\"name\":\"Sales team\",\"role\":\"Users\"}]")));
    runJobs();
    completeOverRest("mia.manager", task(key, "Task_AssembleTeam").getId(), Map.of("teamMembers", Map.of(
        "type", "Json", "value", "[{\"userId\":\"mia.manager\",\"role\":\"Project manager\",\"allocationPercent\":50},"
            + "{\"userId\":\"rae.requester\",\"role\":\"Business analyst\",\"allocationPercent\":20}]")));
    runJobs();
    completeOverRest("mia.manager", task(key, "Task_AssessInitialRisks").getId(), Map.of("risks", Map.of(
        "type", "Json", "value", "[{\"title\":\"Low adoption\",\"probability\":2,\"impact\":3}]")));
    runJobs();
    assertThat(task(key, SIGN_OFF)).as("the charter gate waits for the sponsor").isNotNull();
    return key;
  }
}
