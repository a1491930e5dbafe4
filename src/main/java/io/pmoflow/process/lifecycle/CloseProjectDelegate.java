package io.pmoflow.process.lifecycle;

import static io.pmoflow.process.lifecycle.LifecycleProcess.*;

import io.pmoflow.notify.NotificationKind;
import io.pmoflow.notify.Recipient;
import io.pmoflow.process.support.Links;
import io.pmoflow.process.support.ProcessContext;
import io.pmoflow.process.support.ProjectNotifier;
import io.pmoflow.project.Phase;
import io.pmoflow.project.ProjectService;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closes the accepted project and sends its people and the PMO the link to the final report. */
@Component
public class CloseProjectDelegate implements JavaDelegate {

  private final ProjectService projects;
  private final ProjectNotifier notifier;

  public CloseProjectDelegate(ProjectService projects, ProjectNotifier notifier) {
    this.projects = projects;
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = (String) execution.getVariable(PROJECT_KEY);
    projects.closeProject(key, ProcessContext.SYSTEM_ACTOR);
    execution.setVariable(PHASE, Phase.CLOSED.name());
    notifier.notify(execution, key, NotificationKind.PROJECT_CLOSED, List.of(
            Recipient.user((String) execution.getVariable(SPONSOR)),
            Recipient.user((String) execution.getVariable(PROJECT_MANAGER)),
            Recipient.user((String) execution.getVariable(REQUESTER)), Recipient.group("pmo")),
        Links.report(key), Map.of());
  }
}
