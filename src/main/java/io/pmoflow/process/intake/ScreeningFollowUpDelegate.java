package io.pmoflow.process.intake;

import static io.pmoflow.process.intake.IntakeProcess.*;

import io.pmoflow.notify.NotificationKind;
import io.pmoflow.notify.Recipient;
import io.pmoflow.process.support.Links;
import io.pmoflow.process.support.ProjectNotifier;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Follow-ups of a screening that waits too long: a reminder to the approver group, then an escalation to the
 * PMO lead (group {@code pmo}). Both link to the waiting task.
 */
public class ScreeningFollowUpDelegate implements JavaDelegate {

  static final String PMO_GROUP = "pmo";

  private final TaskService taskService;
  private final ProjectNotifier notifier;
  private final NotificationKind kind;

  ScreeningFollowUpDelegate(TaskService taskService, ProjectNotifier notifier, NotificationKind kind) {
    this.taskService = taskService;
    this.notifier = notifier;
    this.kind = kind;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Task screening = taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(TASK_SCREEN_REQUEST).singleResult();
    if (screening == null) {
      return; // decided in the meantime: nobody needs reminding
    }
    String approverGroup = (String) execution.getVariable(INTAKE_APPROVER_GROUP);
    Recipient to = kind == NotificationKind.SCREENING_ESCALATION ? Recipient.group(PMO_GROUP)
        : Recipient.group(approverGroup);
    notifier.notify(execution, (String) execution.getVariable(PROJECT_KEY), kind, List.of(to),
        Links.task(screening.getId()),
        Map.of("since", screening.getCreateTime().toInstant().toString(), "approverGroup", approverGroup));
  }

  @Configuration(proxyBeanMethods = false)
  static class Beans {
    @Bean
    ScreeningFollowUpDelegate remindApproversDelegate(TaskService taskService, ProjectNotifier notifier) {
      return new ScreeningFollowUpDelegate(taskService, notifier, NotificationKind.SCREENING_REMINDER);
    }

    @Bean
    ScreeningFollowUpDelegate escalateScreeningDelegate(TaskService taskService, ProjectNotifier notifier) {
      return new ScreeningFollowUpDelegate(taskService, notifier, NotificationKind.SCREENING_ESCALATION);
    }
  }
}
