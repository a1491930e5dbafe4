package io.pmoflow.process.lifecycle;

import static io.pmoflow.process.lifecycle.LifecycleProcess.*;

import io.pmoflow.notify.NotificationKind;
import io.pmoflow.process.support.ProcessContext;
import io.pmoflow.process.support.ProjectNotifier;
import io.pmoflow.project.Phase;
import io.pmoflow.project.ProjectService;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Msg_ProjectCancelled arrived: the project is CANCELLED and its stakeholders are told the reason. */
@Component
public class CancelProjectDelegate implements JavaDelegate {

  private final ProjectService projects;
  private final ProjectNotifier notifier;

  public CancelProjectDelegate(ProjectService projects, ProjectNotifier notifier) {
    this.projects = projects;
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = (String) execution.getVariable(PROJECT_KEY);
    Object reason = execution.getVariable(CANCELLATION_REASON);
    String comment = reason == null ? "No reason given" : reason.toString();
    projects.changePhase(key, Phase.CANCELLED, ProcessContext.SYSTEM_ACTOR, comment);
    notifier.notify(execution, key, NotificationKind.PROJECT_CANCELLED,
        RecordPhaseChangeDelegate.stakeholders(execution), null, Map.of("comment", comment));
  }
}
