package io.pmoflow.process.gate;

import static io.pmoflow.process.gate.PhaseGateProcess.*;

import io.pmoflow.notify.NotificationKind;
import io.pmoflow.notify.Recipient;
import io.pmoflow.process.support.ProcessContext;
import io.pmoflow.process.support.ProjectNotifier;
import io.pmoflow.project.ProjectService;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A gate parked the project: status ON_HOLD, and the people who can resume it or work on it are told. */
@Component
public class PutProjectOnHoldDelegate implements JavaDelegate {

  private final ProjectService projects;
  private final ProjectNotifier notifier;

  public PutProjectOnHoldDelegate(ProjectService projects, ProjectNotifier notifier) {
    this.projects = projects;
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = (String) execution.getVariable(PROJECT_KEY);
    String reason = (String) execution.getVariable(HOLD_REASON);
    projects.setOnHold(key, ProcessContext.SYSTEM_ACTOR, reason);
    notifier.notify(execution, key, NotificationKind.PROJECT_ON_HOLD, List.of(
            Recipient.user((String) execution.getVariable(SPONSOR)),
            Recipient.user((String) execution.getVariable(PROJECT_MANAGER)),
            Recipient.group("pmo")),
        null, Map.of("gate", execution.getVariable(GATE_LABEL), "comment", reason == null ? "" : reason));
  }
}
