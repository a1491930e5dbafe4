package io.pmoflow.process.gate;

import static io.pmoflow.process.gate.PhaseGateProcess.*;

import io.pmoflow.notify.NotificationKind;
import io.pmoflow.notify.Recipient;
import io.pmoflow.process.support.Inputs;
import io.pmoflow.process.support.ProcessContext;
import io.pmoflow.process.support.ProjectNotifier;
import io.pmoflow.project.ProjectService;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The sponsor or the PMO resumed the parked project; the gate is then decided again. */
@Component
public class RecordResumptionDelegate implements JavaDelegate {

  private final ProjectService projects;
  private final ProcessContext context;
  private final ProjectNotifier notifier;

  public RecordResumptionDelegate(ProjectService projects, ProcessContext context, ProjectNotifier notifier) {
    this.projects = projects;
    this.context = context;
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Inputs in = Inputs.of(execution);
    String key = in.text(PROJECT_KEY);
    String comment = in.text(RESUME_COMMENT);
    String actor = context.actor();
    projects.resume(key, actor, comment);
    execution.removeVariable(RESUME_COMMENT);
    notifier.notify(execution, key, NotificationKind.PROJECT_RESUMED, List.of(
            Recipient.user(in.text(PROJECT_MANAGER)), Recipient.user(in.text(SPONSOR))),
        null, Map.of("gate", in.text(GATE_LABEL), "actor", actor, "comment", comment));
  }
}
