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

/** The request was approved: the project enters INITIATION; requester and sponsor are told. */
@Component
public class ApproveProjectDelegate implements JavaDelegate {

  // the engine puts businessKey (the project key) and processDefinitionKey in the MDC of every delegate call
  private static final Logger LOG = LoggerFactory.getLogger(ApproveProjectDelegate.class);

  private final ProjectService projects;
  private final ProjectNotifier notifier;

  public ApproveProjectDelegate(ProjectService projects, ProjectNotifier notifier) {
    this.projects = projects;
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = (String) execution.getVariable(PROJECT_KEY);
    projects.changePhase(key, Phase.INITIATION, ProcessContext.SYSTEM_ACTOR, "Request approved");
    notifier.notify(execution, key, NotificationKind.REQUEST_APPROVED,
        List.of(Recipient.user((String) execution.getVariable(REQUESTER)),
            Recipient.user((String) execution.getVariable(SPONSOR))), null, Map.of());
    LOG.info("Project request approved: phase INITIATION");
  }
}
