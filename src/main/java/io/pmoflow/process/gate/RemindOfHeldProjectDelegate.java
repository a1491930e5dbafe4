package io.pmoflow.process.gate;

import static io.pmoflow.process.gate.PhaseGateProcess.*;

import io.pmoflow.notify.NotificationKind;
import io.pmoflow.notify.Recipient;
import io.pmoflow.process.support.Links;
import io.pmoflow.process.support.ProjectNotifier;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The project is still parked: the sponsor and the PMO, who can resume it, are reminded (every 14 days). */
@Component
public class RemindOfHeldProjectDelegate implements JavaDelegate {

  private final ProjectNotifier notifier;

  public RemindOfHeldProjectDelegate(ProjectNotifier notifier) {
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = (String) execution.getVariable(PROJECT_KEY);
    notifier.notify(execution, key, NotificationKind.HOLD_REMINDER, List.of(
            Recipient.user((String) execution.getVariable(SPONSOR)), Recipient.group("pmo")),
        Links.tasklist(), Map.of("gate", execution.getVariable(GATE_LABEL), "since", heldSince(execution)));
  }

  private static String heldSince(DelegateExecution execution) {
    return execution.getProcessEngineServices().getTaskService().createTaskQuery()
        .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(TASK_RESUME_PROJECT).list().stream()
        .findFirst().map(t -> LocalDate.ofInstant(t.getCreateTime().toInstant(), ZoneOffset.UTC).toString())
        .orElse("earlier");
  }
}
