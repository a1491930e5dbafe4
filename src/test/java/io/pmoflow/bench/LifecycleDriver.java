package io.pmoflow.bench;

import static io.pmoflow.process.lifecycle.LifecycleProcess.*;

import io.pmoflow.process.ProjectJourneys;
import io.pmoflow.process.ScenarioSupport;
import io.pmoflow.process.gate.PhaseGateProcess;
import io.pmoflow.process.intake.IntakeProcess;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;

/**
 * Plays one project's happy path, intake to CLOSED, on an engine as the demo users would through the Java API:
 * every open user task of the project is claimed and completed by the person it belongs to with the journeys'
 * form data ({@link ProjectJourneys}), every due async job is executed, until the lifecycle has ended. It knows
 * nothing of PMO Flow's store, so it plays the same path on the baseline engine; the only difference is
 * {@code milestoneIds}, which PMO Flow reads from its store and the baseline invents.
 */
final class LifecycleDriver {

  private static final Map<String, String> PERSON_OF_GROUP = Map.of("pmo", "pat.pmo", "portfolio-board", "bob.board",
      "project-managers", "mia.manager", "sponsors", "sam.sponsor");

  private final ProcessEngine engine;
  private final IntakeStarter starter;
  private final Function<String, List<Long>> milestoneIds;
  private final Map<String, List<String>> groupsOfUser = new ConcurrentHashMap<>();

  /** How the intake starts: PMO Flow gives the business key itself, the baseline is given one. */
  interface IntakeStarter {
    ProcessInstance start(ProcessEngine engine, Map<String, Object> request);
  }

  LifecycleDriver(ProcessEngine engine, IntakeStarter starter, Function<String, List<Long>> milestoneIds) {
    this.engine = engine;
    this.starter = starter;
    this.milestoneIds = milestoneIds;
  }

  /** A project played: its key and the transactions (start, task completions, jobs) it took. */
  record Played(String key, int transactions) {
  }

  /** One project from the request to the end of its lifecycle. */
  Played playProject(String name) {
    int transactions = 1;
    ProcessInstance intake = as("rae.requester", () -> starter.start(engine, ScenarioSupport.request(name)));
    String key = intake.getBusinessKey();
    boolean lifecycleStarted = false;
    for (int round = 0; round < 200; round++) {
      transactions += runJobs(key);
      List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key)
          .orderByTaskCreateTime().asc().list();
      if (tasks.isEmpty()) {
        lifecycleStarted |= lifecycleOf(key) != null;
        if (lifecycleStarted && engine.getHistoryService().createHistoricProcessInstanceQuery()
            .processDefinitionKey(KEY).processInstanceBusinessKey(key).finished().count() == 1) {
          return new Played(key, transactions);
        }
        throw new IllegalStateException(key + ": no open task and no job, but the lifecycle has not ended");
      }
      for (Task task : tasks) {
        complete(key, task);
        transactions++;
      }
      lifecycleStarted |= lifecycleOf(key) != null;
    }
    throw new IllegalStateException(key + ": the lifecycle did not end after 200 rounds");
  }

  /** Every activity instance of the project's process instances, as "process:activity", sorted. */
  List<String> path(String key) {
    HistoryService history = engine.getHistoryService();
    return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key).list().stream()
        .flatMap(p -> history.createHistoricActivityInstanceQuery().processInstanceId(p.getId()).list().stream()
            .map(a -> p.getProcessDefinitionKey() + ":" + a.getActivityId()))
        .sorted().toList();
  }

  private ProcessInstance lifecycleOf(String key) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
        .processInstanceBusinessKey(key).singleResult();
  }

  private void complete(String key, Task task) {
    String user = task.getAssignee() != null ? task.getAssignee() : candidate(task);
    Map<String, Object> variables = formData(key, task);
    as(user, () -> {
      if (task.getAssignee() == null) {
        engine.getTaskService().claim(task.getId(), user);
      }
      engine.getTaskService().complete(task.getId(), variables);
      return null;
    });
  }

  private String candidate(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
        .filter(PERSON_OF_GROUP::containsKey).map(PERSON_OF_GROUP::get).findFirst()
        .orElseThrow(() -> new IllegalStateException("nobody of the demo users may work on " + task.getName()));
  }

  /** What the person types into the task's form: the journeys' data, the same for PMO Flow and the baseline. */
  private Map<String, Object> formData(String key, Task task) {
    return switch (task.getTaskDefinitionKey()) {
      case IntakeProcess.TASK_SCREEN_REQUEST, PhaseGateProcess.TASK_REVIEW_GATE,
          PhaseGateProcess.TASK_SIGN_OFF_BY_SPONSOR, PhaseGateProcess.TASK_SIGN_OFF_BY_GROUP ->
          ScenarioSupport.decision("APPROVED", "Go");
      case TASK_ASSIGN_PM_BY_SPONSOR, TASK_ASSIGN_PM_BY_PMO -> Map.of(PROJECT_MANAGER, "mia.manager");
      case TASK_DRAFT_CHARTER -> ProjectJourneys.charter();
      case TASK_ASSEMBLE_TEAM -> ProjectJourneys.team();
      case TASK_ASSESS_INITIAL_RISKS -> ProjectJourneys.initialRisks();
      case TASK_DRAFT_PLAN -> ProjectJourneys.plan();
      case TASK_REPORT_WORK_PACKAGE_DONE -> Map.of(COMPLETED_ON, "2027-05-28", ACTUAL_COST, 18_000.0,
          COMPLETION_NOTE, "done");
      case TASK_UPDATE_EXECUTION -> executionUpdate(key);
      case TASK_ARCHIVE_DOCUMENTS -> Map.of(DOCUMENTS, List.of(
          Map.of("title", "Charter", "url", "https://docs.example/wiki/charter")));
      case TASK_CAPTURE_LESSONS -> Map.of(LESSONS, List.of(Map.of("category", "SCHEDULE", "wentWell",
          "Champions per team", "toImprove", "Macro pages took long", "recommendation",
          "Inventory macros before migrating")));
      default -> throw new IllegalStateException("no form data for task " + task.getTaskDefinitionKey());
    };
  }

  /** The manager marks both milestones done and the deliverables ready. */
  private Map<String, Object> executionUpdate(String key) {
    List<Long> ids = milestoneIds.apply(key);
    Map<String, Object> update = new HashMap<>();
    update.put(MILESTONE_UPDATES, List.of(
        Map.of("milestoneId", ids.get(0), "status", "DONE", "actualDate", "2027-03-01"),
        Map.of("milestoneId", ids.get(1), "status", "DONE", "actualDate", "2027-05-31")));
    update.put(DELIVERABLES_READY, true);
    update.put(PROGRESS_NOTE, "Both milestones reached");
    return update;
  }

  /** Executes the project's due async continuations until none is left; returns how many ran. */
  private int runJobs(String key) {
    int executed = 0;
    for (int round = 0; round < 50; round++) {
      List<String> instances = engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceBusinessKey(key).list().stream().map(ProcessInstance::getId).toList();
      List<Job> jobs = instances.stream().flatMap(id -> engine.getManagementService().createJobQuery()
          .processInstanceId(id).executable().messages().list().stream()).toList();
      if (jobs.isEmpty()) {
        return executed;
      }
      for (Job job : jobs) {
        engine.getManagementService().executeJob(job.getId());
        executed++;
      }
    }
    throw new IllegalStateException("async jobs keep coming for " + key);
  }

  private <T> T as(String userId, Supplier<T> call) {
    IdentityService identity = engine.getIdentityService();
    List<String> groups = groupsOfUser.computeIfAbsent(userId, u -> identity.createGroupQuery().groupMember(u).list()
        .stream().map(Group::getId).toList());
    identity.setAuthentication(userId, groups);
    try {
      return call.get();
    } finally {
      identity.clearAuthentication();
    }
  }
}
