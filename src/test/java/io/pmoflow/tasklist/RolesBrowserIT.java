package io.pmoflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pmoflow.process.gate.PhaseGateProcess;
import io.pmoflow.process.intake.IntakeProcess;
import io.pmoflow.process.lifecycle.LifecycleProcess;
import io.pmoflow.process.support.DeadlineWatcher;
import io.pmoflow.process.support.SeparationOfDuties;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Each role in its own webapp: every demo user logs in to Tasklist and sees, through the filters created at first
 * start ("My tasks", "My approvals", "PMO queue", "Board queue", "Overdue"), exactly the tasks of their groups and
 * their own, and no one else's; the operator finds a project's failed step in Cockpit by its business key, retries
 * it there, and the project goes on. The expected lists come from the tasks' assignees and candidates, not from the
 * engine's authorization checks that Tasklist relies on. A Spring context of its own (a fresh in-memory database,
 * and so an engine of its own, named {@value #ENGINE}: the webapps find engines by name) keeps every list exactly
 * the seeded tasks. With {@code -Dpmo.screenshots=docs/screenshots} each role's Tasklist and the Cockpit incident go
 * to the README's pictures.
 */
@TestPropertySource(properties = "camunda.bpm.process-engine-name=" + RolesBrowserIT.ENGINE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the lists are checked before the operator adds a project
class RolesBrowserIT extends BrowserSupport {

  static final String ENGINE = "roles";
  static final List<String> USERS = List.of("rae.requester", "pat.pmo", "bob.board", "sam.sponsor", "mia.manager",
      "admin");
  static final Set<String> APPROVALS = Set.of("Task_ScreenRequest", "Task_ReviewGate", "Task_SignOffGateBySponsor",
      "Task_SignOffGateByGroup", "Task_ApproveChangeByManager", "Task_ApproveChangeByGroup",
      "Task_ReviewRecoveryPlan", "Task_DecideException", "Task_ReviewPortfolio");

  @Autowired DeadlineWatcher watcher;

  @Test
  @Order(1)
  void everyPersonSeesExactlyTheTasksOfTheirGroupsAndTheirOwnThroughTheirFilters() {
    // a task for every role: the PMO's and the board's screenings, the sponsor's gate, the manager's charter, the
    // requester's amendment; the PMO's screening is overdue
    String forPmo = startIntake("rae.requester", request("Printer fleet renewal")).getBusinessKey();
    Map<String, Object> regulated = request("Core ledger replacement");
    regulated.put(IntakeProcess.REGULATORY, true);
    startIntake("rae.requester", regulated);
    inInitiationAtCharterGate("Intranet search");
    String drafting = approvedProject(request("Field service app"));
    completeTask("sam.sponsor", drafting, LifecycleProcess.TASK_ASSIGN_PM_BY_SPONSOR,
        Map.of(LifecycleProcess.PROJECT_MANAGER, "mia.manager"));
    ProcessInstance unclear = startIntake("rae.requester", request("Meeting room booking"));
    complete("pat.pmo", unclear, IntakeProcess.TASK_SCREEN_REQUEST, decision("NEEDS_INFO", "Which sites?"));
    executeAsyncJobs(unclear);
    Task overdue = taskOf(forPmo, IntakeProcess.TASK_SCREEN_REQUEST);
    taskService.setDueDate(overdue.getId(), Date.from(Instant.now().minus(Duration.ofDays(2))));
    watcher.watch();

    List<Task> all = taskService.createTaskQuery().list();
    assertThat(all).extracting(Task::getTaskDefinitionKey).containsExactlyInAnyOrder("Task_ScreenRequest",
        "Task_ScreenRequest", "Task_SignOffGateBySponsor", "Task_DraftCharter", "Task_AmendRequest");
    for (String user : USERS) {
      List<Task> mine = all.stream().filter(visibleTo(user)).toList();
      Map<String, List<String>> expected = new LinkedHashMap<>();
      expected.put("My tasks", ids(mine, t -> true));
      expected.put("My approvals", ids(mine, t -> APPROVALS.contains(t.getTaskDefinitionKey())));
      if (user.equals("pat.pmo") || user.equals("admin")) {
        expected.put("PMO queue", ids(all, t -> t.getAssignee() == null && hasCandidateGroup(t, "pmo")));
      }
      if (user.equals("bob.board") || user.equals("admin")) {
        expected.put("Board queue", ids(all, t -> t.getAssignee() == null && hasCandidateGroup(t, "portfolio-board")));
      }
      expected.put("Overdue", ids(mine, t -> taskService.getVariableLocal(t.getId(), DeadlineWatcher.OVERDUE) != null));

      Map<String, Object> what = new LinkedHashMap<>(Map.of("action", "taskLists", "width", 1280, "height", 800));
      if (!user.equals("admin")) {
        what.put("shot", "tasklist-" + user.substring(0, user.indexOf('.')) + ".png");
      }
      JsonNode seen = browser("roles-tasklist-" + user, user, what);
      assertThat(seen.get("filters")).extracting(JsonNode::asText).as(user + "'s filters")
          .containsExactlyElementsOf(expected.keySet());
      expected.forEach((filter, ids) -> assertThat(seen.get("lists").get(filter).findValuesAsText("id"))
          .as(user + ": " + filter).containsExactlyInAnyOrderElementsOf(ids));
    }
    // what that means for each person, spelled out
    assertThat(all.stream().filter(visibleTo("pat.pmo")).map(Task::getTaskDefinitionKey))
        .containsExactly("Task_ScreenRequest");
    assertThat(all.stream().filter(visibleTo("bob.board")).map(Task::getTaskDefinitionKey))
        .containsExactly("Task_ScreenRequest");
    assertThat(all.stream().filter(visibleTo("sam.sponsor")).map(Task::getTaskDefinitionKey))
        .containsExactly(PhaseGateProcess.TASK_SIGN_OFF_BY_SPONSOR);
    assertThat(all.stream().filter(visibleTo("mia.manager")).map(Task::getTaskDefinitionKey))
        .containsExactly(LifecycleProcess.TASK_DRAFT_CHARTER);
    assertThat(all.stream().filter(visibleTo("rae.requester")).map(Task::getTaskDefinitionKey))
        .containsExactly(IntakeProcess.TASK_AMEND_REQUEST);
    assertThat(APPROVALS).as("the approvals of the separation-of-duties rules, and the portfolio review")
        .containsAll(SeparationOfDuties.SUBMITTER.keySet());
  }

  @Test
  @Order(2)
  void anOperatorFindsAFailedStepInCockpitRetriesItAndTheProjectGoesOn() {
    String key = inInitiationAtCharterGate("Warehouse scanners");
    completeTask("sam.sponsor", key, PhaseGateProcess.TASK_SIGN_OFF_BY_SPONSOR, decision("APPROVED", null));
    // the store refuses the phase change (as ClusterPostgresIT does on PostgreSQL): the step fails past its retries
    jdbc.sql("alter table pmo_phase_stay rename to pmo_phase_stay_away").update();
    try {
      for (int attempt = 0; attempt < 10 && incidents(key) == 0; attempt++) {
        for (Job job : jobsOf(key)) {
          try {
            managementService.executeJob(job.getId());
          } catch (RuntimeException expected) {
            // the job executor would log it and count down the job's retries; so does the engine here
          }
        }
      }
    } finally {
      jdbc.sql("alter table pmo_phase_stay_away rename to pmo_phase_stay").update();
    }
    assertThat(incidents(key)).as("one incident").isOne();
    assertThat(phaseOf(key)).as("nothing of the failed step kept").isEqualTo("INITIATION");

    // the cause is gone (the table is back); the operator finds the project in Cockpit and retries the step
    JsonNode failed = browser("roles-cockpit-incident", "admin", Map.of("action", "cockpitInstance",
        "process", "Project lifecycle", "businessKey", key, "retry", true, "shot", "cockpit-incident.png",
        "width", 1280, "height", 800));
    assertThat(failed.get("listedWithIncident").asBoolean()).as("the instance list marks it").isTrue();
    assertThat(failed.get("processInstanceId").asText()).isEqualTo(lifecycleOf(key).getId());
    assertThat(failed.get("incidents")).hasSize(1);
    assertThat(failed.get("incidents").get(0).get("activity").asText()).isEqualTo("Move project to planning");
    assertThat(failed.get("incidents").get(0).get("message").asText()).containsIgnoringCase("pmo_phase_stay");
    assertThat(failed.get("retried").asInt()).isOne();
    Job retried = jobsOf(key).get(0);
    assertThat(retried.getRetries()).as("Cockpit gave the job one more try").isOne();
    assertThat(incidents(key)).isZero();

    // the job executor (off in tests) runs the job; the project moves on to planning
    managementService.executeJob(retried.getId());
    runJobs();
    assertThat(phaseOf(key)).isEqualTo("PLANNING");
    JsonNode goesOn = browser("roles-cockpit-continued", "admin", Map.of("action", "cockpitInstance",
        "process", "Project lifecycle", "businessKey", key));
    assertThat(goesOn.get("listedWithIncident").asBoolean()).isFalse();
    assertThat(goesOn.get("incidents")).isEmpty();
    assertThat(goesOn.get("activeActivities")).extracting(JsonNode::asText).contains(LifecycleProcess.TASK_DRAFT_PLAN);
  }

  // ---- what each person may see, from the tasks' people and groups

  Predicate<Task> visibleTo(String user) {
    if (user.equals("admin")) {
      return t -> true; // camunda-admin holds every permission
    }
    List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
        .toList();
    return t -> user.equals(t.getAssignee()) || taskService.getIdentityLinksForTask(t.getId()).stream()
        .filter(l -> "candidate".equals(l.getType()))
        .anyMatch(l -> user.equals(l.getUserId()) || groups.contains(l.getGroupId()));
  }

  boolean hasCandidateGroup(Task task, String group) {
    return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
        .anyMatch(group::equals);
  }

  static List<String> ids(List<Task> tasks, Predicate<Task> which) {
    return new ArrayList<>(tasks.stream().filter(which).map(Task::getId).toList());
  }

  List<Job> jobsOf(String key) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).list().stream()
        .flatMap(p -> managementService.createJobQuery().processInstanceId(p.getId()).messages().list().stream())
        .toList();
  }

  long incidents(String key) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).list().stream()
        .mapToLong(p -> runtimeService.createIncidentQuery().processInstanceId(p.getId()).count()).sum();
  }
}
