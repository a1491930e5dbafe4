package io.pmoflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.pmoflow.process.gate.PhaseGateProcess;
import io.pmoflow.process.intake.IntakeProcess;
import io.pmoflow.process.support.DeadlineWatcher;
import io.pmoflow.process.support.TaskDeadlines;
import io.pmoflow.project.ProjectService;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Nothing waits silently: due dates from configuration, reminders, escalations, out-of-office substitutes. */
class DeadlineScenarioTest extends ProjectJourneys {

  @Autowired DeadlineWatcher watcher;
  @Autowired ProjectService projects;

  @Test
  void approvalTasksGetTheirConfiguredDueDateAndAreRemindedThenEscalatedOnce() {
    ProcessInstance intake = startIntake("rae.requester", request("Wiki search"));
    String key = intake.getBusinessKey();
    Task screening = task(intake, IntakeProcess.TASK_SCREEN_REQUEST);
    assertThat(screening.getDueDate()).as("pmo.deadlines.due.Task_ScreenRequest = P5D")
        .isCloseTo(Date.from(Instant.now().plus(Duration.ofDays(5))), 60_000);

    taskService.setDueDate(screening.getId(), Date.from(Instant.now().plus(Duration.ofHours(12))));
    watcher.watch();
    assertThat(notifications(key)).as("due within a day: the screeners are reminded")
        .contains("pat.pmo:TASK_DUE_SOON");
    assertThat(taskService.getVariableLocal(screening.getId(), DeadlineWatcher.OVERDUE)).as("not overdue yet")
        .isNull();

    taskService.setDueDate(screening.getId(), Date.from(Instant.now().minus(Duration.ofHours(1))));
    watcher.watch();
    watcher.watch();
    assertThat(notifications(key).stream().filter("pat.pmo:TASK_OVERDUE"::equals)).as("escalated once").hasSize(1);
    assertThat(taskService.getVariableLocal(screening.getId(), DeadlineWatcher.OVERDUE))
        .as("marked for Tasklist's Overdue filter").isEqualTo(true);

    taskService.setDueDate(screening.getId(), Date.from(Instant.now().plus(Duration.ofDays(3))));
    watcher.watch();
    assertThat(taskService.getVariableLocal(screening.getId(), DeadlineWatcher.OVERDUE))
        .as("a later deadline takes it off the Overdue list").isNull();
    assertThat(notifications(key).stream().filter("pat.pmo:TASK_DUE_SOON"::equals)).hasSize(1);
  }

  @Test
  void anOverdueBoardTaskIsEscalatedToTheBoard() {
    java.util.Map<String, Object> request = request("Core ledger");
    request.put(IntakeProcess.REGULATORY, true);
    ProcessInstance intake = startIntake("rae.requester", request);
    Task screening = task(intake, IntakeProcess.TASK_SCREEN_REQUEST);
    taskService.setDueDate(screening.getId(), Date.from(Instant.now().minus(Duration.ofDays(1))));
    watcher.watch();
    assertThat(notifications(intake.getBusinessKey())).contains("bob.board:TASK_OVERDUE")
        .doesNotContain("pat.pmo:TASK_OVERDUE");
  }

  @Test
  void aSponsorsNewTaskGoesToTheirSubstituteWhileTheyAreAway() {
    ensureUser("sue.sponsor", "sponsors");
    projects.setDelegation("sam.sponsor", "sue.sponsor", LocalDate.now().minusDays(1), LocalDate.now().plusDays(7));
    try {
      String key = inInitiationAtCharterGate("Visitor app");
      Task signOff = taskOf(key, PhaseGateProcess.TASK_SIGN_OFF_BY_SPONSOR);
      assertThat(signOff.getAssignee()).isEqualTo("sue.sponsor");
      assertThat(taskService.getVariableLocal(signOff.getId(), TaskDeadlines.ACTING_FOR)).isEqualTo("sam.sponsor");
      assertThat(taskService.getTaskComments(signOff.getId())).extracting(c -> c.getFullMessage())
          .containsExactly("sue.sponsor acting for sam.sponsor (out of office)");
      decideGate(key, "sue.sponsor", "APPROVED", null);
      assertThat(phaseOf(key)).isEqualTo("PLANNING");
      assertThat(jdbc.sql("select actor from pmo_project_history where project_key = :k and entry_type = 'CHARTER_SIGN_OFF'")
          .param("k", key).query(String.class).single()).isEqualTo("sue.sponsor");
    } finally {
      projects.clearDelegation("sam.sponsor");
    }
  }
}
