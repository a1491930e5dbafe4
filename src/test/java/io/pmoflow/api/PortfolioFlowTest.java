package io.pmoflow.api;

import static io.pmoflow.process.intake.IntakeProcess.AMENDMENT_NOTE;
import static io.pmoflow.process.intake.IntakeProcess.ESTIMATED_BUDGET;
import static io.pmoflow.process.intake.IntakeProcess.TASK_AMEND_REQUEST;
import static io.pmoflow.process.intake.IntakeProcess.TASK_SCREEN_REQUEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.pmoflow.process.ProjectJourneys;
import io.pmoflow.process.lifecycle.LifecycleProcess;
import io.pmoflow.project.Gate;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Governance flow analytics against a history built by driving two projects through the engine at set times
 * (the engine's clock), in a context and database of their own so that no other test's history counts. Every
 * expected figure is worked out by hand from the times below.
 */
@TestPropertySource(properties = "pmo.test.isolated-history=flow-analytics")
class PortfolioFlowTest extends ProjectJourneys {

  static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");

  @Autowired FlowAnalytics flow;

  static void at(long minutes) {
    ClockUtil.setCurrentTime(Date.from(T0.plus(minutes, ChronoUnit.MINUTES)));
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void gateTimesLeadTimesAndReworkComeFromTheEnginesHistory() {
    // one (SUPPORTIVE): screened NEEDS_INFO after 2 h, amended 1 h later, approved 4 h after the amendment
    at(0);
    ProcessInstance intake = startIntake("rae.requester", request("Flow one"));
    at(120);
    complete("pat.pmo", intake, TASK_SCREEN_REQUEST, decision("NEEDS_INFO", "Which teams use it?"));
    at(180);
    Map<String, Object> amended = request("Flow one");
    amended.put(AMENDMENT_NOTE, "All teams of operations");
    complete("rae.requester", intake, TASK_AMEND_REQUEST, amended);
    at(420);
    complete("pat.pmo", intake, TASK_SCREEN_REQUEST, decision("APPROVED", null));
    executeAsyncJobs(intake);
    String one = intake.getBusinessKey();
    // its charter gate: recycled after 5 h, approved 1 h after the charter came back
    completeTask("sam.sponsor", one, LifecycleProcess.TASK_ASSIGN_PM_BY_SPONSOR,
        Map.of(LifecycleProcess.PROJECT_MANAGER, "mia.manager"));
    at(600);
    initiate(one);
    at(900);
    decideGate(one, "sam.sponsor", "RECYCLE", "Sharpen the scope");
    at(1000);
    initiateAgain(one);
    at(1060);
    decideGate(one, "sam.sponsor", "APPROVED", null);

    // two (CONTROLLING by its budget): approved 6 h after the request
    at(2000);
    Map<String, Object> large = request("Flow two");
    large.put(ESTIMATED_BUDGET, 150_000.0);
    ProcessInstance second = startIntake("rae.requester", large);
    at(2360);
    complete("pat.pmo", second, TASK_SCREEN_REQUEST, decision("APPROVED", null));
    executeAsyncJobs(second);

    assertThat(flow.gateTimes()).extracting("gate", "count", "averageHours", "medianHours").containsExactly(
        tuple(Gate.CHARTER, 2L, hours("3.00"), hours("3.00")), tuple(Gate.PLAN, 0L, null, null),
        tuple(Gate.CLOSURE_READINESS, 0L, null, null), tuple(Gate.ACCEPTANCE, 0L, null, null));

    assertThat(flow.leadTimes()).filteredOn(l -> l.taskDefinitionKey().equals(TASK_SCREEN_REQUEST))
        .as("2 h, 4 h and 6 h, all offered to pmo")
        .extracting("candidateGroup", "count", "averageHours", "medianHours")
        .containsExactly(tuple("pmo", 3L, hours("4.00"), hours("4.00")));
    assertThat(flow.leadTimes()).filteredOn(l -> l.taskDefinitionKey().equals(TASK_AMEND_REQUEST))
        .extracting("candidateGroup", "count", "averageHours").containsExactly(tuple(null, 1L, hours("1.00")));
    assertThat(flow.leadTimes()).filteredOn(l -> l.taskDefinitionKey().equals("Task_SignOffGateBySponsor"))
        .as("5 h and 1 h, the sponsor's own task")
        .extracting("taskName", "candidateGroup", "count", "averageHours", "medianHours")
        .containsExactly(tuple("Sign off phase gate", null, 2L, hours("3.00"), hours("3.00")));

    assertThat(flow.rework()).extracting("pmoType", "needsInfo", "recycles").containsExactly(
        tuple("SUPPORTIVE", 1L, 1L), tuple("CONTROLLING", 0L, 0L), tuple("DIRECTIVE", 0L, 0L));
  }

  private static BigDecimal hours(String value) {
    return new BigDecimal(value);
  }
}
