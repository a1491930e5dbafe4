package io.pmoflow.process.intake;

import static io.pmoflow.process.intake.IntakeProcess.*;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The request was rejected: phase REJECTED, the requester gets the reason. */
@Component
public class RejectRequestDelegate implements JavaDelegate {

  // the engine puts businessKey (the project key) and processDefinitionKey in the MDC of every delegate call
  private static final Logger LOG = LoggerFactory.getLogger(RejectRequestDelegate.class);

  private final ProjectService projects;
  private final ProjectNotifier notifier;

  public RejectRequestDelegate(ProjectService projects, ProjectNotifier notifier) {
    this.projects = projects;
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = (String) execution.getVariable(PROJECT_KEY);
    String reason = (String) execution.getVariable(DECISION_COMMENT);
    projects.changePhase(key, Phase.REJECTED, ProcessContext.SYSTEM_ACTOR, reason);
    notifier.notify(execution, key, NotificationKind.REQUEST_REJECTED,
        List.of(Recipient.user((String) execution.getVariable(REQUESTER))), null, Map.of("comment", reason));
    LOG.info("Project request rejected: phase REJECTED");
  }
}
