package io.pmoflow.process.support;

import io.pmoflow.config.DeadlineSettings;
import io.pmoflow.notify.NotificationKind;
import io.pmoflow.notify.NotificationRequest;
import io.pmoflow.notify.NotificationService;
import io.pmoflow.notify.Recipient;
import io.pmoflow.project.ProjectService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Nothing waits silently: every open task with a due date reminds the people who can act on it
 * {@code pmo.deadlines.reminder-before} ahead, and once overdue is escalated to the PMO (to the board for the
 * board's own tasks). Each reminder and escalation is sent once per task (the notification's occurrence is the
 * task), however often the watcher runs or on how many nodes. An overdue task is also marked ({@link #OVERDUE}).
 */
@Component
public class DeadlineWatcher {

  /**
   * Task-local marker of an overdue task, for Tasklist's "Overdue" filter: stored-query expressions are off, so a
   * filter cannot compare the due date with {@code ${now()}}. Set on the first pass after the due date, taken off
   * when the due date moves to later or goes.
   */
  public static final String OVERDUE = "overdue";

  static final String BOARD = "portfolio-board";
  static final String PMO = "pmo";

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final NotificationService notifications;
  private final DeadlineSettings settings;
  private final ProjectService projects;
  private final Clock clock;

  public DeadlineWatcher(TaskService taskService, RuntimeService runtimeService, NotificationService notifications,
      DeadlineSettings settings, ProjectService projects, Clock clock) {
    this.projects = projects;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.notifications = notifications;
    this.settings = settings;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${pmo.deadlines.poll}", initialDelayString = "${pmo.deadlines.poll}")
  public void watchScheduled() {
    watch();
  }

  /** One pass; returns how many notifications it wrote. */
  @Transactional
  public int watch() {
    Instant now = clock.instant();
    Duration ahead = settings.getReminderBefore();
    int written = 0;
    for (Task marked : taskService.createTaskQuery().taskVariableValueEquals(OVERDUE, true).list()) {
      if (marked.getDueDate() == null || !marked.getDueDate().toInstant().isBefore(now)) {
        taskService.removeVariableLocal(marked.getId(), OVERDUE);
      }
    }
    List<Task> due = taskService.createTaskQuery().active().dueBefore(Date.from(now.plus(ahead))).list();
    for (Task task : due) {
      List<IdentityLink> links = taskService.getIdentityLinksForTask(task.getId());
      boolean overdue = task.getDueDate().toInstant().isBefore(now);
      if (overdue && taskService.getVariableLocal(task.getId(), OVERDUE) == null) {
        taskService.setVariableLocal(task.getId(), OVERDUE, true);
      }
      List<Recipient> to = overdue ? escalationTo(links) : whoCanAct(task, links);
      if (to.isEmpty()) {
        continue;
      }
      Map<String, Object> model = new LinkedHashMap<>();
      String key = projectKey(task);
      model.put("projectName", key == null ? "" : projects.require(key).name());
      model.put("task", task.getName());
      model.put("due", task.getDueDate().toInstant().toString());
      model.put("assignee", task.getAssignee() == null ? "nobody yet" : task.getAssignee());
      written += notifications.notify(new NotificationRequest("task:" + task.getId(),
          overdue ? NotificationKind.TASK_OVERDUE : NotificationKind.TASK_DUE_SOON, to, key,
          Links.task(task.getId()), model)).size();
    }
    return written;
  }

  private static List<Recipient> whoCanAct(Task task, List<IdentityLink> links) {
    if (task.getAssignee() != null) {
      return List.of(Recipient.user(task.getAssignee()));
    }
    return links.stream().filter(l -> "candidate".equals(l.getType()))
        .map(l -> l.getGroupId() != null ? Recipient.group(l.getGroupId()) : Recipient.user(l.getUserId())).toList();
  }

  private static List<Recipient> escalationTo(List<IdentityLink> links) {
    boolean boardTask = links.stream().anyMatch(l -> BOARD.equals(l.getGroupId()));
    return List.of(Recipient.group(boardTask ? BOARD : PMO));
  }

  private String projectKey(Task task) {
    if (task.getProcessInstanceId() == null) {
      return null;
    }
    ProcessInstance instance = runtimeService.createProcessInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).singleResult();
    return instance == null ? null : instance.getBusinessKey();
  }
}
