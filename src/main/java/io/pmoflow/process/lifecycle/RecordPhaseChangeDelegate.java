package io.pmoflow.process.lifecycle;

import static io.pmoflow.process.lifecycle.LifecycleProcess.*;

import io.pmoflow.notify.NotificationKind;
import io.pmoflow.notify.Recipient;
import io.pmoflow.process.support.ProcessContext;
import io.pmoflow.process.support.ProjectNotifier;
import io.pmoflow.project.Phase;
import io.pmoflow.project.ProjectService;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Moves the project to the phase named by the input parameter {@code targetPhase}. A project stopped at a gate
 * (CANCELLED; input parameter {@code gate}) has its sponsor, requester and manager told why.
 */
@Component
public class RecordPhaseChangeDelegate implements JavaDelegate {

  private final ProjectService projects;
  private final ProjectNotifier notifier;

  public RecordPhaseChangeDelegate(ProjectService projects, ProjectNotifier notifier) {
    this.projects = projects;
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Phase target = Phase.valueOf((String) execution.getVariable(TARGET_PHASE));
    String key = (String) execution.getVariable(PROJECT_KEY);
    String comment = (String) execution.getVariable(DECISION_COMMENT);
    projects.changePhase(key, target, ProcessContext.SYSTEM_ACTOR, comment);
    if (target == Phase.CANCELLED) {
      notifier.notify(execution, key, NotificationKind.PROJECT_STOPPED, stakeholders(execution), null,
          Map.of("gate", execution.getVariable(GATE), "comment", comment == null ? "" : comment));
    }
  }

  static List<Recipient> stakeholders(DelegateExecution execution) {
    return List.of(Recipient.user((String) execution.getVariable(SPONSOR)),
        Recipient.user((String) execution.getVariable(REQUESTER)),
        Recipient.user((String) execution.getVariable(PROJECT_MANAGER)));
  }
}
