package io.pmoflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * People doing intake and initiation in the real Camunda Tasklist: headless Chromium (Debian's
 * {@code /usr/bin/chromium}) driven by {@code src/test/browser/tasklist.mjs}, one run per person and step. What is
 * not under test is set up over REST; every form under test is filled in and completed in the browser (dynamic-list
 * rows included, so Tasklist's "Complete" must stay usable), and its effect is read back from the project store and
 * the engine. Runs with {@code mvn verify -Pbrowser-it}; screenshots land in {@code target/browser-it/}. The
 * lifecycle from the plan to CLOSED is {@link LifecycleBrowserIT}'s.
 */
class TasklistBrowserIT extends BrowserSupport {

  @Test
  void aRequesterStartsAProjectRequestWithTheStartForm() {
    JsonNode result = browser("start-request", "rae.requester", Map.of("action", "startProcess",
        "process", "Project intake",
        "steps", List.of(
            fill("Field_ProjectName", "Customer portal relaunch"),
            fill("Field_Description", "Replace the customer portal with a self-service site"),
            fill("Field_BusinessUnit", "Sales"),
            fill("Field_Sponsor", "sam.sponsor"),
            fill("Field_EstimatedBudget", "60000"),
            fill("Field_StrategicAlignment", "4"),
            select("Field_Complexity", "Medium"),
            select("Field_RiskLevel", "Medium"),
            check("Field_CrossDepartmental", true),
            date("Field_RequestedStart", "2027-01-04"),
            date("Field_RequestedEnd", "2027-06-30"))));

    String key = result.get("businessKey").asText();
    assertThat(key).matches("PRJ-\\d{4}-\\d{4}");
    JsonNode project = project(key);
    assertThat(project.get("name").asText()).isEqualTo("Customer portal relaunch");
    assertThat(project.get("phase").asText()).isEqualTo("INTAKE");
    // below 100,000 and complexity MEDIUM: only the ticked "several departments" makes it CONTROLLING
    assertThat(project.get("pmoType").asText()).isEqualTo("CONTROLLING");
    assertThat(project.get("requester").asText()).isEqualTo("rae.requester");
    assertThat(project.get("intakeApproverGroup").asText()).isEqualTo("pmo");
    JsonNode request = project.get("request");
    assertThat(request.get("description").asText()).isEqualTo("Replace the customer portal with a self-service site");
    assertThat(request.get("estimatedBudget").decimalValue()).isEqualByComparingTo("60000");
    assertThat(request.get("strategicAlignment").asInt()).isEqualTo(4);
    assertThat(request.get("complexity").asText()).isEqualTo("MEDIUM");
    assertThat(request.get("riskLevel").asText()).isEqualTo("MEDIUM");
    assertThat(request.get("crossDepartmental").asBoolean()).isTrue();
    assertThat(request.get("regulatory").asBoolean()).isFalse();
    assertThat(request.get("requestedStart").asText()).isEqualTo("2027-01-04");
    assertThat(request.get("requestedEnd").asText()).isEqualTo("2027-06-30");
    assertThat(task(key, "Task_ScreenRequest")).as("screening waits for the PMO").isNotNull();
  }

  @Test
  void thePmoClaimsAndApprovesTheScreening() {
    String key = startRequestOverRest();
    Task screening = task(key, "Task_ScreenRequest");

    browser("screen-request", "pat.pmo", Map.of("action", "completeTask", "taskId", screening.getId(),
        "claim", true, "steps", List.of(radio("Field_Decision", "Approve"))));
    runJobs();

    HistoricTaskInstance done = historyService.createHistoricTaskInstanceQuery().taskId(screening.getId())
        .singleResult();
    assertThat(done.getEndTime()).as("screening completed").isNotNull();
    assertThat(done.getAssignee()).isEqualTo("pat.pmo");
    JsonNode project = project(key);
    assertThat(project.get("phase").asText()).isEqualTo("INITIATION");
    JsonNode screened = historyEntry(project, "SCREENING");
    assertThat(screened.get("actor").asText()).isEqualTo("pat.pmo");
    assertThat(screened.get("decision").asText()).isEqualTo("APPROVED");
    assertThat(task(key, "Task_AssignProjectManagerBySponsor").getAssignee()).isEqualTo("sam.sponsor");
  }

  @Test
  void theSponsorAssignsTheProjectManager() {
    String key = startRequestOverRest();
    screenOverRest(key);
    Task assign = task(key, "Task_AssignProjectManagerBySponsor");

    browser("assign-project-manager", "sam.sponsor", Map.of("action", "completeTask", "taskId", assign.getId(),
        "steps", List.of(fill("Field_ProjectManager", "mia.manager"))));
    runJobs();

    JsonNode project = project(key);
    assertThat(project.get("projectManager").asText()).isEqualTo("mia.manager");
    assertThat(historyEntry(project, "PROJECT_MANAGER_ASSIGNED").get("actor").asText()).isEqualTo("sam.sponsor");
    assertThat(task(key, "Task_DraftCharter").getAssignee()).isEqualTo("mia.manager");
  }

  @Test
  void theProjectManagerDraftsTheCharterAssemblesTheTeamAndAssessesRisksWithRepeatableRows() {
    String key = toDraftCharter();

    browser("draft-charter", "mia.manager", Map.of("action", "completeTask",
        "taskId", task(key, "Task_DraftCharter").getId(), "steps", charterSteps("240000")));
    runJobs();
    browser("assemble-team", "mia.manager", Map.of("action", "completeTask",
        "taskId", task(key, "Task_AssembleTeam").getId(), "steps", teamSteps("50")));
    runJobs();
    browser("assess-initial-risks", "mia.manager", Map.of("action", "completeTask",
        "taskId", task(key, "Task_AssessInitialRisks").getId(), "steps", List.of(
            fill("Field_RiskTitle_0", "Vendor delivers late"),
            fill("Field_RiskProbability_0", "3"),
            fill("Field_RiskImpact_0", "4"),
            fill("Field_RiskResponse_0", "Weekly check with the vendor"),
            addRow("List_Risks"),
            fill("Field_RiskTitle_1", "Data migration loses orders"),
            fill("Field_RiskProbability_1", "2"),
            fill("Field_RiskImpact_1", "5"))));
    runJobs();

    JsonNode project = project(key);
    JsonNode charter = project.get("charter");
    assertThat(charter.get("objectives").asText()).isEqualTo("A self-service portal customers like");
    assertThat(charter.get("scopeIn").asText()).isEqualTo("Portal, order history, invoices");
    assertThat(charter.get("deliverables").asText()).isEqualTo("The new portal in production");
    assertThat(charter.get("acceptanceCriteria").asText()).isEqualTo("Live for all customers");
    assertThat(charter.get("budgetEstimate").decimalValue()).isEqualByComparingTo("240000");
    assertThat(charter.get("recordedBy").asText()).isEqualTo("mia.manager");
    assertThat(rows(charter.get("stakeholders"), "name", "role")).containsExactly(
        tuple("Sam Sponsor", "Sponsor"), tuple("Sales team", "Users"));
    assertThat(rows(project.get("milestones"), "name", "dueDate")).containsExactly(
        tuple("Design approved", "2027-03-01"), tuple("Go-live", "2027-06-15"));
    assertThat(rows(project.get("team"), "userId", "role", "allocationPercent")).containsExactly(
        tuple("mia.manager", "Project manager", "80"), tuple("bob.board", "Business analyst", "50"));
    assertThat(rows(project.get("risks"), "title", "probability", "impact", "score", "response")).containsExactly(
        tuple("Vendor delivers late", "3", "4", "12", "Weekly check with the vendor"),
        tuple("Data migration loses orders", "2", "5", "10", ""));
    assertThat(project.get("history").findValuesAsText("type"))
        .contains("CHARTER_DRAFTED", "TEAM_ASSEMBLED", "RISKS_ASSESSED");
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(key)
        .taskDefinitionKeyIn("Task_DraftCharter", "Task_AssembleTeam", "Task_AssessInitialRisks").finished().list())
        .as("initiation done by the project manager").hasSize(3)
        .allSatisfy(t -> assertThat(t.getAssignee()).isEqualTo("mia.manager"));
  }

  @Test
  void invalidValuesKeepCompleteDisabledAndTheTaskOpen() {
    String key = toDraftCharter();
    Task draft = task(key, "Task_DraftCharter");

    JsonNode negativeBudget = browser("draft-charter-negative-budget", "mia.manager", Map.of(
        "action", "completeTask", "taskId", draft.getId(), "expect", "blocked", "steps", charterSteps("-1000")));
    assertThat(negativeBudget.get("errors")).extracting(JsonNode::asText).as("the form shows why")
        .contains("Field must have minimum value of 0.");
    assertThat(negativeBudget.get("completeDisabled").asBoolean()).as("Complete disabled").isTrue();
    assertThat(negativeBudget.get("submitted").asBoolean()).isFalse();
    assertThat(taskService.createTaskQuery().taskId(draft.getId()).count()).as("task stays open").isOne();
    assertThat(project(key).get("charter").isNull()).as("no charter recorded").isTrue();

    // an error inside a dynamic-list row blocks as well
    completeOverRest("mia.manager", draft.getId(), Map.of(
        "objectives", Map.of("value", "o"), "scopeIn", Map.of("value", "s"), "deliverables", Map.of("value", "d"),
        "acceptanceCriteria", Map.of("value", "a"), "budgetEstimate", Map.of("value", 1000, "type", "Double"),
        "milestones", Map.of("value", "[{\"name\":\"Go-live\",\"dueDate\":\"2027-06-15\"}]", "type", "Json"),
        "stakeholders", Map.of("value", "[]", "type", "Json")));
    runJobs();
    Task team = task(key, "Task_AssembleTeam");
    JsonNode overAllocated = browser("assemble-team-over-allocated", "mia.manager", Map.of(
        "action", "completeTask", "taskId", team.getId(), "expect", "blocked", "steps", teamSteps("150")));
    assertThat(overAllocated.get("errors")).extracting(JsonNode::asText).as("the row's field shows why")
        .contains("Field must have maximum value of 100.");
    assertThat(overAllocated.get("completeDisabled").asBoolean()).as("Complete disabled").isTrue();
    assertThat(overAllocated.get("submitted").asBoolean()).isFalse();
    assertThat(taskService.createTaskQuery().taskId(team.getId()).count()).as("task stays open").isOne();
    assertThat(project(key).get("team").size()).isZero();
  }

  @Test
  void theCommunityEditionBannerIsHiddenInTasklistAndCockpit() {
    for (String[] appAndUser : List.of(new String[] {"tasklist", "rae.requester"}, new String[] {"cockpit", "admin"})) {
      JsonNode result = browser("banner-" + appAndUser[0], appAndUser[1], Map.of("action", "banner",
          "app", appAndUser[0]));
      assertThat(result.get("bannerInDom").asInt()).as(appAndUser[0] + ": the header has the banner").isPositive();
      assertThat(result.get("bannerVisible").asBoolean()).as(appAndUser[0] + ": banner visible").isFalse();
    }
  }

  // ---- steps of a form, as tasklist.mjs reads them

  static List<Map<String, Object>> charterSteps(String budget) {
    return List.of(
        fill("Field_Objectives", "A self-service portal customers like"),
        fill("Field_ScopeIn", "Portal, order history, invoices"),
        fill("Field_Deliverables", "The new portal in production"),
        fill("Field_AcceptanceCriteria", "Live for all customers"),
        fill("Field_MilestoneName_0", "Design approved"),
        date("Field_MilestoneDueDate_0", "2027-03-01"),
        addRow("List_Milestones"),
        fill("Field_MilestoneName_1", "Go-live"),
        date("Field_MilestoneDueDate_1", "2027-06-15"),
        fill("Field_StakeholderName_0", "Sam Sponsor"),
        fill("Field_StakeholderRole_0", "Sponsor"),
        addRow("List_Stakeholders"),
        fill("Field_StakeholderName_1", "Sales team"),
        fill("Field_StakeholderRole_1", "Users"),
        fill("Field_BudgetEstimate", budget));
  }

  static List<Map<String, Object>> teamSteps(String secondAllocation) {
    return List.of(
        fill("Field_TeamMemberUserId_0", "mia.manager"),
        fill("Field_TeamMemberRole_0", "Project manager"),
        fill("Field_TeamMemberAllocation_0", "80"),
        addRow("List_TeamMembers"),
        fill("Field_TeamMemberUserId_1", "bob.board"),
        fill("Field_TeamMemberRole_1", "Business analyst"),
        fill("Field_TeamMemberAllocation_1", secondAllocation));
  }

}
