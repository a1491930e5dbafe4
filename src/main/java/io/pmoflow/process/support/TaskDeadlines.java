package io.pmoflow.process.support;

import io.pmoflow.config.DeadlineSettings;
import io.pmoflow.project.ProjectService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * No silent waiting, for every user task of every model without touching the models: when a task is created it
 * gets the due date configured for its kind ({@code pmo.deadlines.due.<taskDefinitionKey>}) unless the model
 * set one, and a task assigned to someone who registered an out-of-office substitute for today goes to the
 * substitute, recorded on the task as "acting for". Reminders and escalations come from {@link DeadlineWatcher}.
 */
@Component
public class TaskDeadlines extends AbstractProcessEnginePlugin implements TaskListener {

  /** Task-local variable naming whom a substitute acts for. */
  public static final String ACTING_FOR = "actingFor";

  private final DeadlineSettings settings;
  private final ProjectService projects;
  private final Clock clock;

  public TaskDeadlines(DeadlineSettings settings, @Lazy ProjectService projects, Clock clock) {
    this.settings = settings;
    this.projects = projects;
    this.clock = clock;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    UserTaskParsing.onEveryUserTask(configuration,
        (activity, task) -> task.addTaskListener(TaskListener.EVENTNAME_CREATE, this));
  }

  @Override
  public void notify(DelegateTask task) {
    if (task.getDueDate() == null) {
      settings.dueAfter(task.getTaskDefinitionKey())
          .ifPresent(after -> task.setDueDate(Date.from(clock.instant().plus(after))));
    }
    String assignee = task.getAssignee();
    if (assignee != null) {
      projects.substituteOn(assignee, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)).ifPresent(substitute -> {
        task.setVariableLocal(ACTING_FOR, assignee);
        task.setAssignee(substitute);
        task.getProcessEngineServices().getTaskService().createComment(task.getId(), task.getProcessInstanceId(),
            substitute + " acting for " + assignee + " (out of office)");
      });
    }
  }
}
