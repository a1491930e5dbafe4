package io.pmoflow.process.intake;

import static io.pmoflow.process.intake.IntakeProcess.*;

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

/**
 * Validates and records the screener's decision in the screener's own transaction (a refused decision leaves
 * the task open). Asks the requester for information on NEEDS_INFO.
 */
@Component
public class RecordScreeningDelegate implements JavaDelegate {

  private final ProjectService projects;
  private final ProcessContext context;
  private final ProjectNotifier notifier;

  public RecordScreeningDelegate(ProjectService projects, ProcessContext context, ProjectNotifier notifier) {
    this.projects = projects;
    this.context = context;
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Inputs in = Inputs.of(execution);
    String key = in.text(PROJECT_KEY);
    String decision = in.text(DECISION);
    String comment = in.text(DECISION_COMMENT);
    projects.recordScreening(key, context.actor(), decision, comment);
    if ("NEEDS_INFO".equals(decision)) {
      notifier.notify(execution, key, NotificationKind.REQUEST_NEEDS_INFO,
          List.of(Recipient.user(in.text(REQUESTER))), Links.tasklist(), Map.of("comment", comment));
    }
  }
}
