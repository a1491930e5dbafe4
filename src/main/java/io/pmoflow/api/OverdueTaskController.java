package io.pmoflow.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open tasks past their due date, across every process: what is waiting silently. Only the PMO (and operators)
 * may look; they see every such task, whoever it waits for, so the query runs without their task
 * authorizations once their group has been checked.
 */
@RestController
@Tag(name = "Tasks", description = "Open tasks past their due date (PMO only)")
@RequestMapping("/api/tasks")
public class OverdueTaskController {

  static final Set<String> ALLOWED_GROUPS = Set.of("pmo", "camunda-admin");
  /** The most overdue tasks listed at most. */
  static final int MAX_TASKS = 1000;

  /** {@code daysOverdue} counts whole days since {@code due}; {@code projectKey} is the business key. */
  public record OverdueTask(String taskId, String name, String taskDefinitionKey, String projectKey,
      String assignee, List<String> candidateGroups, OffsetDateTime due, long daysOverdue) {
  }

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final Clock clock;

  public OverdueTaskController(TaskService taskService, RuntimeService runtimeService,
      IdentityService identityService, Clock clock) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.clock = clock;
  }

  @GetMapping("/overdue")
  public List<OverdueTask> overdue() {
    CallerGroups.require(identityService, ALLOWED_GROUPS, "Overdue tasks are visible to");
    Instant now = clock.instant();
    return WithoutCallerAuthorizations.query(identityService, () -> overdueAt(now));
  }

  private List<OverdueTask> overdueAt(Instant now) {
    List<Task> tasks = taskService.createTaskQuery().dueBefore(Date.from(now)).orderByDueDate().asc()
        .orderByTaskId().asc().listPage(0, MAX_TASKS);
    Map<String, String> businessKeys = businessKeys(tasks);
    return tasks.stream().map(t -> new OverdueTask(t.getId(), t.getName(), t.getTaskDefinitionKey(),
            businessKeys.get(t.getProcessInstanceId()), t.getAssignee(), candidateGroups(t.getId()),
            t.getDueDate().toInstant().atOffset(ZoneOffset.UTC),
            Duration.between(t.getDueDate().toInstant(), now).toDays()))
        .toList();
  }

  private Map<String, String> businessKeys(List<Task> tasks) {
    Set<String> ids = tasks.stream().map(Task::getProcessInstanceId).filter(Objects::nonNull)
        .collect(Collectors.toSet());
    if (ids.isEmpty()) {
      return Map.of();
    }
    return runtimeService.createProcessInstanceQuery().processInstanceIds(ids).list().stream()
        .filter(p -> p.getBusinessKey() != null)
        .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
  }

  private List<String> candidateGroups(String taskId) {
    return taskService.getIdentityLinksForTask(taskId).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(l -> l.getGroupId()).sorted().toList();
  }
}
