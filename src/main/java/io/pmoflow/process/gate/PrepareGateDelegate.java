package io.pmoflow.process.gate;

import static io.pmoflow.process.gate.PhaseGateProcess.*;

import io.pmoflow.notify.NotificationKind;
import io.pmoflow.notify.Recipient;
import io.pmoflow.process.support.ProjectNotifier;
import io.pmoflow.project.Gate;
import io.pmoflow.project.ProjectService;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Turns the gateApproval decision into the few routing primitives the gate's gateways read, records the route
 * in the project history (so it can be explained later), gives the deciders' forms a summary of what they
 * decide on, and informs the group the policy names.
 */
@Component
public class PrepareGateDelegate implements JavaDelegate {

  private final ProjectService projects;
  private final ProjectNotifier notifier;
  private final GateSummary summary;

  public PrepareGateDelegate(ProjectService projects, ProjectNotifier notifier, GateSummary summary) {
    this.projects = projects;
    this.notifier = notifier;
    this.summary = summary;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String gate = (String) execution.getVariable(GATE);
    String label = (String) execution.getVariable(GATE_LABEL);
    @SuppressWarnings("unchecked")
    Map<String, Object> policy = (Map<String, Object>) execution.getVariable(GATE_POLICY);
    if (policy == null) {
      throw new IllegalStateException("Decision gateApproval matched no rule for gate " + gate + " of "
          + execution.getBusinessKey());
    }
    String reviewGroup = (String) policy.get("reviewGroup");
    boolean advisory = Boolean.TRUE.equals(policy.get("reviewAdvisory"));
    boolean sponsorApproves = "SPONSOR".equals(policy.get("approverRole"));
    String approverGroup = (String) policy.get("approverGroup");
    String informGroup = (String) policy.get("informGroup");

    String key = (String) execution.getVariable(PROJECT_KEY);
    String route = (reviewGroup == null ? "" : reviewGroup + (advisory ? " advises" : " reviews") + ", then ")
        + (sponsorApproves ? "the sponsor decides" : approverGroup + " decides")
        + (informGroup == null ? "" : "; " + informGroup + " informed");
    projects.recordGateRoute(key, gate, route);

    execution.removeVariable(GATE_POLICY);
    execution.setVariable(GATE_REVIEW_REQUIRED, reviewGroup != null);
    execution.setVariable(GATE_REVIEW_GROUP, reviewGroup);
    execution.setVariable(GATE_REVIEW_ADVISORY, advisory);
    execution.setVariable(GATE_APPROVER_IS_SPONSOR, sponsorApproves);
    execution.setVariable(GATE_APPROVER_GROUP, approverGroup);
    execution.setVariable(GATE_SUMMARY, summary.of(key, Gate.valueOf(gate)) + "\n\n**Route:** " + route);
    // a gate decided again after a hold starts without the earlier review
    execution.setVariable(REVIEW_DECISION, null);
    execution.setVariable(REVIEW_COMMENT, null);
    execution.setVariable(REVIEW_DECIDES_GATE, false);
    if (informGroup != null) {
      notifier.notify(execution, key, NotificationKind.GATE_INFORMED, List.of(Recipient.group(informGroup)), null,
          Map.of("gate", label));
    }
  }
}
