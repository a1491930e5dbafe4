package io.pmoflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pmoflow.config.AccessSetup;
import io.pmoflow.process.intake.IntakeProcess;
import io.pmoflow.process.support.DeadlineWatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Tasklist filters of every role, created at start-up by {@link AccessSetup}: once, whatever how often it runs,
 * readable by the right groups, and listing what their names promise. The browser tests see them in Tasklist
 * ({@code RolesBrowserIT}); this checks their queries and authorizations through the engine, as Tasklist asks it.
 */
class TasklistFiltersTest extends ProjectJourneys {

  static final List<String> NAMES = List.of("My tasks", "My approvals", "PMO queue", "Board queue", "Overdue");

  @Autowired FilterService filterService;
  @Autowired AccessSetup accessSetup;
  @Autowired DeadlineWatcher watcher;

  @Test
  void everyFilterExistsOnceAfterRepeatedStartsWithItsDescriptionAndOrder() {
    accessSetup.setUp();
    accessSetup.setUp();

    for (String name : NAMES) {
      assertThat(filterService.createFilterQuery().filterName(name).count()).as(name).isOne();
    }
    assertThat(filterService.createFilterQuery().list()).extracting(Filter::getName)
        .as("one filter a name, nothing else").containsExactlyInAnyOrderElementsOf(NAMES);
    assertThat(NAMES.stream().map(n -> ((Number) filter(n).getProperties().get("priority")).intValue()).toList())
        .as("shown in this order").isSorted();
    assertThat(NAMES).allSatisfy(n -> assertThat((String) filter(n).getProperties().get("description")).isNotBlank());
  }

  @Test
  void eachRoleSeesItsQueuesApprovalsAndOverdueTasksAndNotOthers() {
    ProcessInstance pmoIntake = startIntake("rae.requester", request("Filter printers"));
    Map<String, Object> regulated = request("Filter ledger");
    regulated.put(IntakeProcess.REGULATORY, true);
    ProcessInstance boardIntake = startIntake("rae.requester", regulated);
    Task pmoScreening = task(pmoIntake, IntakeProcess.TASK_SCREEN_REQUEST);
    Task boardScreening = task(boardIntake, IntakeProcess.TASK_SCREEN_REQUEST);

    taskService.setDueDate(pmoScreening.getId(), Date.from(Instant.now().minus(Duration.ofHours(1))));
    assertThat(listed("pat.pmo", "Overdue")).as("not marked before the deadline watcher runs")
        .doesNotContain(pmoScreening.getId());
    watcher.watch();
    assertThat(taskService.getVariableLocal(pmoScreening.getId(), DeadlineWatcher.OVERDUE)).isEqualTo(true);
    assertThat(taskService.getVariableLocal(boardScreening.getId(), DeadlineWatcher.OVERDUE)).isNull();

    assertThat(listed("pat.pmo", "PMO queue")).contains(pmoScreening.getId()).doesNotContain(boardScreening.getId());
    assertThat(listed("pat.pmo", "My approvals")).contains(pmoScreening.getId());
    assertThat(listed("pat.pmo", "Overdue")).contains(pmoScreening.getId()).doesNotContain(boardScreening.getId());
    assertThat(listed("bob.board", "Board queue")).contains(boardScreening.getId()).doesNotContain(pmoScreening.getId());
    assertThat(listed("bob.board", "My approvals")).contains(boardScreening.getId());
    assertThat(listed("bob.board", "Overdue")).as("the PMO's overdue task is not the board's")
        .doesNotContain(pmoScreening.getId());
    for (String user : List.of("mia.manager", "sam.sponsor", "rae.requester")) {
      assertThat(listed(user, "My approvals")).as(user).doesNotContain(pmoScreening.getId(), boardScreening.getId());
      assertThat(listed(user, "Overdue")).as(user).doesNotContain(pmoScreening.getId());
    }

    assertThatThrownBy(() -> listed("bob.board", "PMO queue")).as("the board may not read the PMO's queue")
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> listed("pat.pmo", "Board queue")).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> listed("mia.manager", "PMO queue")).isInstanceOf(AuthorizationException.class);
  }

  @Test
  void myApprovalsListsTheTasksThatDecideAndNothingElse() {
    String key = inInitiationAtCharterGate("Filter wiki");
    Task signOff = taskOf(key, "Task_SignOffGateBySponsor");
    List<String> sponsorApprovals = listed("sam.sponsor", "My approvals");
    assertThat(sponsorApprovals).contains(signOff.getId());

    String planning = inPlanning("Filter search");
    Task draftPlan = taskOf(planning, "Task_DraftPlan");
    assertThat(listed("mia.manager", "My tasks")).contains(draftPlan.getId());
    assertThat(listed("mia.manager", "My approvals")).as("drafting a plan decides nothing")
        .doesNotContain(draftPlan.getId());
  }

  private Filter filter(String name) {
    return filterService.createFilterQuery().filterName(name).singleResult();
  }

  /** The ids of the tasks the filter lists for the user, as Tasklist asks the engine with the user's groups. */
  private List<String> listed(String user, String filterName) {
    String id = filter(filterName).getId();
    return as(user, () -> filterService.<Task>listPage(id, 0, 1000).stream().map(Task::getId).toList());
  }
}
