package io.pmoflow.process.intake;

import static io.pmoflow.process.intake.IntakeProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pmoflow.process.ScenarioSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IntakeScenarioTest extends ScenarioSupport {

  @Test
  void approvedRequestBecomesAProjectInInitiationWithItsLifecycle() {
    Map<String, Object> request = request("CRM renewal");
    request.put(ESTIMATED_BUDGET, 250_000.0);
    ProcessInstance intake = startIntake("rae.requester", request);

    String key = projectKey(intake);
    assertThat(key).matches("PRJ-\\d{4}-\\d{4}");
    assertThat(intake.getBusinessKey()).isEqualTo(key);
    assertThat(phaseOf(key)).isEqualTo("INTAKE");
    assertThat(runtimeService.getVariable(intake.getId(), PMO_TYPE)).isEqualTo("CONTROLLING");
    assertThat(runtimeService.getVariable(intake.getId(), GOVERNANCE)).as("DMN result map is not kept").isNull();
    assertThat(jdbc.sql("select pmo_type from pmo_project where project_key = :k").param("k", key)
        .query(String.class).single()).isEqualTo("CONTROLLING");
    BpmnAwareTests.assertThat(intake).isWaitingAt(TASK_SCREEN_REQUEST);
    assertThat(candidateGroups(task(intake, TASK_SCREEN_REQUEST))).containsExactly("pmo");

    complete("pat.pmo", intake, TASK_SCREEN_REQUEST, decision("APPROVED", null));
    BpmnAwareTests.assertThat(intake).isWaitingAt(TASK_APPROVE_PROJECT);
    executeAsyncJobs(intake);

    BpmnAwareTests.assertThat(intake).isEnded().hasPassed(END_PROJECT_INITIATED);
    assertThat(phaseOf(key)).isEqualTo("INITIATION");
    assertThat(historyTypes(key)).containsExactly("REQUESTED", "GOVERNANCE_ROUTED", "SCREENING", "PHASE_CHANGED");
    assertThat(notifications(key)).containsExactly("rae.requester:REQUEST_APPROVED", "sam.sponsor:REQUEST_APPROVED");
    ProcessInstance lifecycle = lifecycleOf(key);
    assertThat(runtimeService.getVariable(lifecycle.getId(), "projectKey")).isEqualTo(key);
    assertThat(task(lifecycle, "Task_AssignProjectManagerBySponsor").getAssignee()).isEqualTo("sam.sponsor");
  }

  @Test
  void directiveRequestIsScreenedByTheBoardAndNotByThePmo() {
    Map<String, Object> request = request("Regulatory reporting");
    request.put(REGULATORY, true);
    ProcessInstance intake = startIntake("rae.requester", request);

    assertThat(runtimeService.getVariable(intake.getId(), PMO_TYPE)).isEqualTo("DIRECTIVE");
    Task screening = task(intake, TASK_SCREEN_REQUEST);
    assertThat(candidateGroups(screening)).containsExactly("portfolio-board");
    assertThat(as("pat.pmo", () -> taskService.createTaskQuery().taskId(screening.getId()).count())).isZero();
    assertThatThrownBy(() -> as("pat.pmo", () -> taskService.complete(screening.getId(), decision("APPROVED", null))))
        .isInstanceOf(AuthorizationException.class);

    complete("bob.board", intake, TASK_SCREEN_REQUEST, decision("APPROVED", null));
    executeAsyncJobs(intake);
    BpmnAwareTests.assertThat(intake).hasPassed(END_PROJECT_INITIATED);
  }

  @Test
  void rejectionNeedsAReasonAndTellsTheRequester() {
    ProcessInstance intake = startIntake("rae.requester", request("Office plants"));
    String key = projectKey(intake);

    assertThatThrownBy(() -> complete("pat.pmo", intake, TASK_SCREEN_REQUEST, decision("REJECTED", " ")))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("decisionComment");
    BpmnAwareTests.assertThat(intake).isWaitingAt(TASK_SCREEN_REQUEST);
    assertThat(historyTypes(key)).doesNotContain("SCREENING");

    assertThatThrownBy(() -> complete("pat.pmo", intake, TASK_SCREEN_REQUEST, decision("MAYBE", "hm")))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("decision: must be one of");

    complete("pat.pmo", intake, TASK_SCREEN_REQUEST, decision("REJECTED", "Not aligned with this year's goals"));
    executeAsyncJobs(intake);

    BpmnAwareTests.assertThat(intake).isEnded().hasPassed(END_REQUEST_REJECTED);
    assertThat(phaseOf(key)).isEqualTo("REJECTED");
    assertThat(jdbc.sql("select status from pmo_project where project_key = :k").param("k", key)
        .query(String.class).single()).isEqualTo("ENDED");
    assertThat(notifications(key)).containsExactly("rae.requester:REQUEST_REJECTED");
    assertThat(jdbc.sql("select body_text from pmo_notification where project_key = :k").param("k", key)
        .query(String.class).single()).contains("Not aligned with this year's goals");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();
  }

  @Test
  void needsInfoSendsTheRequestBackAndTheAmendedRequestIsRoutedAndScreenedAgain() {
    ProcessInstance intake = startIntake("rae.requester", request("Data platform"));
    String key = projectKey(intake);

    complete("pat.pmo", intake, TASK_SCREEN_REQUEST, decision("NEEDS_INFO", "What does it cost to run?"));
    Task amend = task(intake, TASK_AMEND_REQUEST);
    assertThat(amend.getAssignee()).isEqualTo("rae.requester");
    assertThat(notifications(key)).containsExactly("rae.requester:REQUEST_NEEDS_INFO");

    Map<String, Object> amended = request("Data platform");
    amended.put(ESTIMATED_BUDGET, 2_000_000.0);
    assertThatThrownBy(() -> complete("rae.requester", intake, TASK_AMEND_REQUEST, amended))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("amendmentNote");
    amended.put(AMENDMENT_NOTE, "Running costs added; budget covers three years");
    complete("rae.requester", intake, TASK_AMEND_REQUEST, amended);

    BpmnAwareTests.assertThat(intake).isWaitingAt(TASK_SCREEN_REQUEST);
    assertThat(runtimeService.getVariable(intake.getId(), INTAKE_APPROVER_GROUP)).isEqualTo("portfolio-board");
    assertThat(runtimeService.getVariable(intake.getId(), DECISION)).as("next round starts empty").isNull();
    assertThat(jdbc.sql("select estimated_budget from pmo_project where project_key = :k").param("k", key)
        .query(Double.class).single()).isEqualTo(2_000_000.0);

    complete("bob.board", intake, TASK_SCREEN_REQUEST, decision("NEEDS_INFO", "Which departments use it?"));
    assertThat(notifications(key)).as("each round notifies once")
        .containsExactly("rae.requester:REQUEST_NEEDS_INFO", "rae.requester:REQUEST_NEEDS_INFO");
    assertThat(historyTypes(key)).containsSubsequence("SCREENING", "REQUEST_AMENDED", "GOVERNANCE_ROUTED",
        "SCREENING");
  }

  @Test
  void waitingScreeningRemindsTheApproversThenEscalatesToThePmoLead() {
    ProcessInstance intake = startIntake("rae.requester", request("Intranet refresh"));
    String key = projectKey(intake);

    Job reminder = timer(intake, BOUNDARY_SCREENING_REMINDER);
    Job escalation = timer(intake, BOUNDARY_SCREENING_OVERDUE);
    assertThat(Duration.between(Instant.now(), reminder.getDuedate().toInstant()))
        .isBetween(Duration.ofDays(3).minusMinutes(5), Duration.ofDays(3));
    assertThat(Duration.between(Instant.now(), escalation.getDuedate().toInstant()))
        .isBetween(Duration.ofDays(5).minusMinutes(5), Duration.ofDays(5));

    managementService.executeJob(reminder.getId());
    executeAsyncJobs(intake);
    BpmnAwareTests.assertThat(intake).hasPassed(TASK_REMIND_APPROVERS).isWaitingAt(TASK_SCREEN_REQUEST);
    assertThat(notifications(key)).containsExactly("pat.pmo:SCREENING_REMINDER");
    assertThat(jdbc.sql("select link from pmo_notification where project_key = :k").param("k", key)
        .query(String.class).single()).endsWith("?task=" + task(intake, TASK_SCREEN_REQUEST).getId());

    managementService.executeJob(escalation.getId());
    executeAsyncJobs(intake);
    BpmnAwareTests.assertThat(intake).hasPassed(TASK_ESCALATE_SCREENING).isWaitingAt(TASK_SCREEN_REQUEST);
    assertThat(notifications(key)).containsExactly("pat.pmo:SCREENING_REMINDER", "pat.pmo:SCREENING_ESCALATION");
  }

  @Test
  void aRequesterCannotSeeClaimOrScreenTheirOwnRequestEvenAsAnApprover() {
    ensureUser("ria.pmo", "pmo", "requesters");
    ProcessInstance intake = startIntake("ria.pmo", request("Own pet project"));
    String key = projectKey(intake);
    Task screening = task(intake, TASK_SCREEN_REQUEST);

    assertThat(as("ria.pmo", () -> taskService.createTaskQuery().processInstanceId(intake.getId()).count()))
        .as("hidden from the requester").isZero();
    assertThat(as("pat.pmo", () -> taskService.createTaskQuery().processInstanceId(intake.getId()).count()))
        .as("visible to the rest of the group").isEqualTo(1);
    assertThatThrownBy(() -> as("ria.pmo", () -> taskService.claim(screening.getId(), "ria.pmo")))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> as("ria.pmo", () -> taskService.complete(screening.getId(), decision("APPROVED", null))))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> as("ria.pmo", () -> taskService.setAssignee(screening.getId(), "pat.pmo")))
        .as("nor hand it to a colleague").isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> taskService.setAssignee(screening.getId(), "ria.pmo"))
        .as("not even an operator can hand it to the requester")
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Separation of duties");

    BpmnAwareTests.assertThat(intake).isWaitingAt(TASK_SCREEN_REQUEST);
    assertThat(task(intake, TASK_SCREEN_REQUEST).getAssignee()).isNull();
    assertThat(historyTypes(key)).doesNotContain("SCREENING");
    complete("pat.pmo", intake, TASK_SCREEN_REQUEST, decision("APPROVED", null));
    assertThat(historyTypes(key)).contains("SCREENING");
  }

  @Test
  void aScreenerWhoClaimedTheTaskCanReleaseItToTheGroupAgain() {
    ProcessInstance intake = startIntake("rae.requester", request("Shared drive clean-up"));
    Task screening = task(intake, TASK_SCREEN_REQUEST);
    as("pat.pmo", () -> taskService.claim(screening.getId(), "pat.pmo"));
    as("pat.pmo", () -> taskService.setAssignee(screening.getId(), null));
    assertThat(task(intake, TASK_SCREEN_REQUEST).getAssignee()).as("back in the PMO queue").isNull();
    assertThatThrownBy(() -> as("rae.requester", () -> taskService.setAssignee(screening.getId(), "rae.requester")))
        .as("only the queue's group may hand out its tasks").isInstanceOf(AuthorizationException.class);
  }

  @Test
  void theScreeningStepItselfRefusesTheRequestersDecision() {
    ensureUser("ria.pmo", "pmo", "requesters");
    ProcessInstance intake = startIntake("ria.pmo", request("Own idea, second try"));
    Task screening = task(intake, TASK_SCREEN_REQUEST);
    // an operator completing on the requester's behalf through the Java API, past the task authorizations
    identityService.setAuthentication("ria.pmo", java.util.List.of());
    try {
      // refused by the shared SeparationOfDuties listener on complete (wrapped by the engine as ENGINE-03051,
      // 403 over REST), before the screening step's own check in the store
      assertThatThrownBy(() -> managementCompletes(screening.getId()))
          .isInstanceOf(ProcessEngineException.class)
          .hasMessageContaining("Separation of duties: ria.pmo");
    } finally {
      identityService.clearAuthentication();
    }
    BpmnAwareTests.assertThat(intake).isWaitingAt(TASK_SCREEN_REQUEST);
  }

  private void managementCompletes(String taskId) {
    // this context's engine, not the registry's "default" one, which another test context may have registered
    org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl config =
        (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    config.getCommandExecutorTxRequired().execute(ctx -> ctx.runWithoutAuthorization(() -> {
      taskService.complete(taskId, decision("APPROVED", null));
      return null;
    }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void badRequestIsRefusedNamingTheFieldAndLeavesNothingBehind(String field, Map<String, Object> changes) {
    long projects = projectCount();
    long instances = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count();
    Map<String, Object> request = request("Bad input");
    changes.forEach((k, v) -> {
      if (v == null) {
        request.remove(k);
      } else {
        request.put(k, v);
      }
    });

    assertThatThrownBy(() -> startIntake("rae.requester", request))
        .isInstanceOfSatisfying(InvalidRequestException.class,
            e -> assertThat(e.getStatus().getStatusCode()).isEqualTo(400))
        .hasMessageContaining(field);
    assertThat(projectCount()).isEqualTo(projects);
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count())
        .isEqualTo(instances);
  }

  static Stream<Arguments> badRequests() {
    return Stream.of(
        Arguments.of(PROJECT_NAME, nulled(PROJECT_NAME)),
        Arguments.of(PROJECT_NAME, Map.of(PROJECT_NAME, "ab")),
        Arguments.of(PROJECT_NAME, Map.of(PROJECT_NAME, "x".repeat(201))),
        Arguments.of(DESCRIPTION, Map.of(DESCRIPTION, "x".repeat(4001))),
        Arguments.of(DESCRIPTION, Map.of(DESCRIPTION, 42L)),
        Arguments.of(BUSINESS_UNIT, nulled(BUSINESS_UNIT)),
        Arguments.of(SPONSOR, nulled(SPONSOR)),
        Arguments.of(SPONSOR, Map.of(SPONSOR, "no.such.user")),
        Arguments.of(ESTIMATED_BUDGET, nulled(ESTIMATED_BUDGET)),
        Arguments.of(ESTIMATED_BUDGET, Map.of(ESTIMATED_BUDGET, "a lot")),
        Arguments.of(ESTIMATED_BUDGET, Map.of(ESTIMATED_BUDGET, -0.01)),
        Arguments.of(STRATEGIC_ALIGNMENT, Map.of(STRATEGIC_ALIGNMENT, 6L)),
        Arguments.of(STRATEGIC_ALIGNMENT, Map.of(STRATEGIC_ALIGNMENT, 2.5)),
        Arguments.of(COMPLEXITY, Map.of(COMPLEXITY, "HUGE")),
        Arguments.of(RISK_LEVEL, nulled(RISK_LEVEL)),
        Arguments.of(CROSS_DEPARTMENTAL, Map.of(CROSS_DEPARTMENTAL, "yes")),
        Arguments.of(REQUESTED_START, Map.of(REQUESTED_START, "04/01/2027")),
        Arguments.of(REQUESTED_END, Map.of(REQUESTED_START, "2027-06-30", REQUESTED_END, "2027-01-04")));
  }

  private static Map<String, Object> nulled(String field) {
    Map<String, Object> m = new java.util.HashMap<>();
    m.put(field, null);
    return m;
  }

  @Test
  void concurrentRequestsGetDistinctConsecutiveKeysFromTheDatabaseSequence() throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      java.util.List<java.util.concurrent.Future<String>> starts = new java.util.ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String name = "Parallel request " + i;
        starts.add(pool.submit(() -> startIntake("rae.requester", request(name)).getBusinessKey()));
      }
      java.util.Set<String> keys = new java.util.HashSet<>();
      for (java.util.concurrent.Future<String> start : starts) {
        keys.add(start.get());
      }
      assertThat(keys).hasSize(20).allMatch(k -> k.matches("PRJ-\\d{4}-\\d{4,}"));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRequestWithoutALoggedInRequesterIsRefused() {
    long projects = projectCount();
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(KEY, request("Anonymous")))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining(REQUESTER);
    assertThat(projectCount()).isEqualTo(projects);
  }

  private java.util.List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
        .filter(java.util.Objects::nonNull).toList();
  }
}
