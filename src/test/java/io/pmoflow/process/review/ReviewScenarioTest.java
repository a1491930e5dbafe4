package io.pmoflow.process.review;

import static io.pmoflow.process.review.ReviewProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pmoflow.portfolio.PortfolioReview;
import io.pmoflow.portfolio.PortfolioReviewService;
import io.pmoflow.process.ProjectJourneys;
import io.pmoflow.process.intake.IntakeProcess;
import io.pmoflow.process.lifecycle.LifecycleProcess;
import io.pmoflow.project.ProjectService;
import java.util.ArrayList;
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
 * The quarterly portfolio review: snapshot, an agenda by the reviewAgenda decision, the board's decisions, and
 * their effect on the projects — cancelled, paused, re-planned by their manager, or left to continue.
 */
class ReviewScenarioTest extends ProjectJourneys {

  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ProjectService projects;
  @Autowired PortfolioReviewService reviews;

  @Test
  void theBoardsDecisionsCancelPauseAndReplanTheProjectsOnTheAgenda() throws Exception {
    String red = inExecution("Legacy billing");
    reportStatus(red, 0, 0.0);
    reportCriticalRisk(red);
    Map<String, Object> weak = request("Office plants");
    weak.put(IntakeProcess.STRATEGIC_ALIGNMENT, 1L);
    String misaligned = inExecution(weak, plan());
    Map<String, Object> weak2 = request("Poster printing");
    weak2.put(IntakeProcess.STRATEGIC_ALIGNMENT, 2L);
    String paused = inExecution(weak2, plan());
    ProcessInstance redLifecycle = lifecycleOf(red);

    ProcessInstance review = as("pat.pmo", () -> runtimeService.startProcessInstanceByKey(KEY));
    executeAsyncJobs(review);
    long reviewId = ((Number) runtimeService.getVariable(review.getId(), REVIEW_ID)).longValue();
    Task board = task(review, TASK_REVIEW_PORTFOLIO);
    assertThat(taskService.getIdentityLinksForTask(board.getId())).extracting(l -> l.getGroupId())
        .contains("portfolio-board");
    PortfolioReview opened = reviews.review(reviewId);
    assertThat(opened.trigger()).isEqualTo("MANUAL");
    assertThat(opened.agenda()).filteredOn(i -> i.projectKey().equals(red)).singleElement()
        .satisfies(i -> assertThat(i.reasons()).contains("RED health"));
    assertThat(opened.agenda()).filteredOn(i -> i.projectKey().equals(misaligned)).singleElement()
        .satisfies(i -> assertThat(i.reasons()).isEqualTo("Low strategic alignment"));
    assertThat(JSON.readTree(opened.snapshot()).get("activeProjects").findValuesAsText("projectKey"))
        .contains(red, misaligned, paused);

    List<Map<String, Object>> decisions = decisions(board, Map.of(red, "CANCEL", misaligned, "REPLAN", paused,
        "PAUSE"));
    List<Map<String, Object>> noComment = new ArrayList<>(decisions);
    noComment.replaceAll(d -> d.get("projectKey").equals(red) ? withComment(d, "") : d);
    assertThatThrownBy(() -> as("bob.board", () -> taskService.complete(board.getId(),
        Map.of(AGENDA_DECISIONS, noComment)))).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("comment");
    as("bob.board", () -> taskService.complete(board.getId(), Map.of(AGENDA_DECISIONS, decisions)));
    executeAsyncJobs(review);

    BpmnAwareTests.assertThat(redLifecycle).isEnded().hasPassed(LifecycleProcess.END_PROJECT_CANCELLED);
    assertThat(phaseOf(red)).isEqualTo("CANCELLED");
    assertThat(projects.require(paused).status().name()).isEqualTo("ON_HOLD");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(paused).list())
        .as("a paused project's work is suspended").isNotEmpty().allMatch(Task::isSuspended);
    Task replan = task(review, TASK_REPLAN_PROJECT);
    assertThat(replan.getAssignee()).isEqualTo("mia.manager");
    assertThat(taskService.getVariable(replan.getId(), REPLAN_PROJECT_KEY)).isEqualTo(misaligned);
    assertThatThrownBy(() -> as("mia.manager", () -> taskService.complete(replan.getId(), Map.of())))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("replanNote");
    as("mia.manager", () -> taskService.complete(replan.getId(), Map.of(REPLAN_NOTE, "Merge into facilities")));

    BpmnAwareTests.assertThat(review).isEnded().hasPassed(END_REVIEW_COMPLETED);
    assertThat(reviews.review(reviewId).status()).isEqualTo("COMPLETED");
    assertThat(historyTypes(misaligned)).contains("PORTFOLIO_REVIEW", "REPLAN_SUBMITTED");
    assertThat(notifications(paused)).contains("sam.sponsor:PORTFOLIO_DECISION", "mia.manager:PORTFOLIO_DECISION");

    // the next review lets the paused project continue: its work resumes
    ProcessInstance next = as("bob.board", () -> runtimeService.startProcessInstanceByKey(KEY));
    executeAsyncJobs(next);
    Task nextBoard = task(next, TASK_REVIEW_PORTFOLIO);
    as("bob.board", () -> taskService.complete(nextBoard.getId(), Map.of(AGENDA_DECISIONS,
        decisionsOrThrow(nextBoard, Map.of()))));
    executeAsyncJobs(next);
    assertThat(projects.require(paused).status().name()).isEqualTo("ACTIVE");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(paused).list())
        .isNotEmpty().noneMatch(Task::isSuspended);
  }

  private List<Map<String, Object>> decisionsOrThrow(Task board, Map<String, String> wanted) {
    try {
      return decisions(board, wanted);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theQuarterlyTimerOpensAReviewByItself() {
    Job timer = managementService.createJobQuery().processDefinitionKey(KEY).timers().singleResult();
    assertThat(timer).as("the start timer of the deployed review").isNotNull();
    assertThat(timer.getDuedate()).isInTheFuture();
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count()
        + historyService.createHistoricProcessInstanceQuery().processDefinitionKey(KEY).finished().count();
    managementService.executeJob(timer.getId());
    ProcessInstance scheduled = runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY)
        .orderByProcessInstanceId().desc().list().stream()
        .filter(p -> runtimeService.getVariable(p.getId(), REVIEW_REQUESTER) == null).findFirst().orElseThrow();
    executeAsyncJobs(scheduled);
    long reviewId = ((Number) historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(scheduled.getId()).variableName(REVIEW_ID).singleResult().getValue()).longValue();
    assertThat(reviews.review(reviewId).trigger()).isEqualTo("SCHEDULED");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count()
        + historyService.createHistoricProcessInstanceQuery().processDefinitionKey(KEY).finished().count())
        .isEqualTo(before + 1);
    assertThat(managementService.createJobQuery().processDefinitionKey(KEY).timers().singleResult().getDuedate())
        .as("the next quarter is scheduled").isInTheFuture();
  }

  private void reportCriticalRisk(String key) {
    Map<String, Object> v = new HashMap<>();
    v.put("projectKey", key);
    v.put("riskTitle", "Mainframe contract ends");
    v.put("probability", 5L);
    v.put("impact", 5L);
    as("mia.manager", () -> runtimeService.startProcessInstanceByKey("riskEscalation", v));
    executeProjectJobs(key);
  }

  /** Every agenda row of the board's form, with the given decisions and CONTINUE for the others' projects. */
  private List<Map<String, Object>> decisions(Task board, Map<String, String> wanted) throws Exception {
    JsonNode rows = JSON.readTree(taskService.getVariable(board.getId(), AGENDA_DECISIONS).toString());
    List<Map<String, Object>> out = new ArrayList<>();
    for (JsonNode row : rows) {
      String key = row.get("projectKey").asText();
      Map<String, Object> d = new HashMap<>();
      d.put("projectKey", key);
      d.put("decision", wanted.getOrDefault(key, "CONTINUE"));
      d.put("comment", wanted.containsKey(key) ? "Board: " + wanted.get(key).toLowerCase() : null);
      out.add(d);
    }
    return out;
  }

  private static Map<String, Object> withComment(Map<String, Object> decision, String comment) {
    Map<String, Object> copy = new HashMap<>(decision);
    copy.put("comment", comment);
    return copy;
  }
}
