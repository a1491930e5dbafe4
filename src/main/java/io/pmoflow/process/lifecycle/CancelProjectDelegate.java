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

/**
 * Msg_ProjectCancelled arrived: runs in the correlating transaction, so the history names who cancelled; the
 * project is CANCELLED, its people are released and its stakeholders are told the reason.
 */
@Component
public class CancelProjectDelegate implements JavaDelegate {

  private final ProjectService projects;
  private final ProjectNotifier notifier;
  private final ProcessContext context;
  private final ReleaseResourcesDelegate release;

  public CancelProjectDelegate(ProjectService projects, ProjectNotifier notifier, ProcessContext context,
      ReleaseResourcesDelegate release) {
    this.projects = projects;
    this.notifier = notifier;
    this.context = context;
    this.release = release;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = (String) execution.getVariable(PROJECT_KEY);
    Object reason = execution.getVariable(CANCELLATION_REASON);
    String comment = reason == null || reason.toString().isBlank() ? "No reason given" : reason.toString();
    projects.changePhase(key, Phase.CANCELLED, context.actor(), comment);
    execution.setVariable(PHASE, Phase.CANCELLED.name());
    release.execute(execution);
    notifier.notify(execution, key, NotificationKind.PROJECT_CANCELLED,
        RecordPhaseChangeDelegate.stakeholders(execution), null, Map.of("comment", comment));
  }
}
