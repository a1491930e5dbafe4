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
 * Moves the project to the phase named by the input parameter {@code targetPhase} and tells its sponsor and
 * manager. A project stopped at a gate (CANCELLED) has its sponsor, requester and manager told which gate
 * stopped it and why.
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
    if (target == Phase.CANCELLED) {
      String gate = (String) execution.getVariable(GATE_LABEL);
      String comment = (String) execution.getVariable(GATE_COMMENT);
      projects.changePhase(key, target, ProcessContext.SYSTEM_ACTOR, "Stopped at the " + gate + ": " + comment);
      notifier.notify(execution, key, NotificationKind.PROJECT_STOPPED, stakeholders(execution), null,
          Map.of("gate", gate, "comment", comment == null ? "" : comment));
    } else {
      projects.changePhase(key, target, ProcessContext.SYSTEM_ACTOR, null);
      notifier.notify(execution, key, NotificationKind.PHASE_CHANGED, List.of(
          Recipient.user((String) execution.getVariable(SPONSOR)),
          Recipient.user((String) execution.getVariable(PROJECT_MANAGER))), null, Map.of("phase", target.name()));
    }
    execution.setVariable(PHASE, target.name());
  }

  static List<Recipient> stakeholders(DelegateExecution execution) {
    return List.of(Recipient.user((String) execution.getVariable(SPONSOR)),
        Recipient.user((String) execution.getVariable(REQUESTER)),
        Recipient.user((String) execution.getVariable(PROJECT_MANAGER)));
  }
}
