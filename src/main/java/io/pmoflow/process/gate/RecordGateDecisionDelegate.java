package io.pmoflow.process.gate;

import static io.pmoflow.process.gate.PhaseGateProcess.*;

import io.pmoflow.notify.NotificationKind;
import io.pmoflow.notify.Recipient;
import io.pmoflow.process.support.Inputs;
import io.pmoflow.process.support.ProcessContext;
import io.pmoflow.process.support.ProjectNotifier;
import io.pmoflow.project.Decision;
import io.pmoflow.project.ProjectService;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Validates and records a gate decision (input parameter {@code step}: REVIEW or SIGN_OFF) with stage-gate
 * outcomes go / kill / hold / recycle. A PMO review that does not approve decides the gate itself; an advisory
 * PMO's review (external model) is recorded as ADVICE and only informs the sponsor. The decision that settles
 * the gate becomes {@code gateDecision} for the lifecycle, and the project's manager and sponsor are told.
 */
@Component
public class RecordGateDecisionDelegate implements JavaDelegate {

  static final String REVIEW = "REVIEW";
  static final String ADVICE = "ADVICE";
  private static final Set<Decision> STAGE_GATE = EnumSet.of(Decision.APPROVED, Decision.REJECTED, Decision.ON_HOLD,
      Decision.RECYCLE);

  private final ProjectService projects;
  private final ProcessContext context;
  private final ProjectNotifier notifier;

  public RecordGateDecisionDelegate(ProjectService projects, ProcessContext context, ProjectNotifier notifier) {
    this.projects = projects;
    this.context = context;
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Inputs in = Inputs.of(execution);
    String step = in.text(STEP);
    boolean review = REVIEW.equals(step);
    if (review && Boolean.TRUE.equals(execution.getVariable(GATE_REVIEW_ADVISORY))) {
      step = ADVICE;
    }
    String key = in.text(PROJECT_KEY);
    String comment = in.text(DECISION_COMMENT);
    String actor = context.actor();
    Decision decision = projects.recordGateDecision(key, in.text(GATE), step, actor, in.text(DECISION), comment,
        STAGE_GATE);
    // the next form of this gate starts with empty decision fields
    execution.removeVariables(List.of(DECISION, DECISION_COMMENT));
    if (review) {
      boolean decides = REVIEW.equals(step) && decision != Decision.APPROVED;
      execution.setVariable(REVIEW_DECISION, decision.name());
      execution.setVariable(REVIEW_COMMENT, comment);
      execution.setVariable(REVIEW_DECIDES_GATE, decides);
      if (!decides) {
        return;
      }
    }
    execution.setVariable(GATE_DECISION, decision.name());
    execution.setVariable(GATE_COMMENT, comment);
    execution.setVariable(RECYCLE_REASON, decision == Decision.RECYCLE ? comment : null);
    execution.setVariable(HOLD_REASON, decision == Decision.ON_HOLD ? comment : null);
    notifier.notify(execution, key, NotificationKind.GATE_DECIDED,
        List.of(Recipient.user((String) execution.getVariable(PROJECT_MANAGER)),
            Recipient.user((String) execution.getVariable(SPONSOR))),
        null, Map.of("gate", in.text(GATE_LABEL), "decision", decision.name(), "actor", actor,
            "comment", comment == null || comment.isBlank() ? "none" : comment));
  }
}
