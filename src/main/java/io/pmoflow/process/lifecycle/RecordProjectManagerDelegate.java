package io.pmoflow.process.lifecycle;

import static io.pmoflow.process.lifecycle.LifecycleProcess.*;

import io.pmoflow.notify.NotificationKind;
import io.pmoflow.notify.Recipient;
import io.pmoflow.process.support.Inputs;
import io.pmoflow.process.support.Links;
import io.pmoflow.process.support.ProcessContext;
import io.pmoflow.process.support.ProjectNotifier;
import io.pmoflow.project.ProjectService;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Checks the chosen project manager is a member of project-managers, records and notifies them. */
@Component
public class RecordProjectManagerDelegate implements JavaDelegate {

  private final ProjectService projects;
  private final ProcessContext context;
  private final ProjectNotifier notifier;

  public RecordProjectManagerDelegate(ProjectService projects, ProcessContext context, ProjectNotifier notifier) {
    this.projects = projects;
    this.context = context;
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Inputs in = Inputs.of(execution);
    String key = in.text(PROJECT_KEY);
    String projectManager = in.text(PROJECT_MANAGER);
    projects.assignProjectManager(key, projectManager, context.actor());
    notifier.notify(execution, key, NotificationKind.PROJECT_MANAGER_ASSIGNED,
        List.of(Recipient.user(projectManager)), Links.tasklist(), Map.of());
  }
}
