package io.pmoflow.process.lifecycle;

import static io.pmoflow.process.lifecycle.LifecycleProcess.*;

import io.pmoflow.process.support.Inputs;
import io.pmoflow.process.support.ProcessContext;
import io.pmoflow.project.Decision;
import io.pmoflow.project.ProjectService;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Validates and records a gate decision (input parameters {@code gate} and {@code step}: REVIEW or SIGN_OFF).
 * An advisory PMO's review is recorded as ADVICE: it informs the sponsor but stops nothing.
 */
@Component
public class RecordGateDecisionDelegate implements JavaDelegate {

  static final String SIGN_OFF = "SIGN_OFF";
  private static final Set<Decision> GO_KILL = Set.of(Decision.APPROVED, Decision.REJECTED);

  private final ProjectService projects;
  private final ProcessContext context;

  public RecordGateDecisionDelegate(ProjectService projects, ProcessContext context) {
    this.projects = projects;
    this.context = context;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Inputs in = Inputs.of(execution);
    String step = in.text(STEP);
    if ("REVIEW".equals(step) && Boolean.TRUE.equals(execution.getVariable(GATE_REVIEW_ADVISORY))) {
      step = "ADVICE";
    }
    String comment = in.text(DECISION_COMMENT);
    Decision decision = projects.recordGateDecision(in.text(PROJECT_KEY), in.text(GATE), step, context.actor(),
        in.text(DECISION), comment, GO_KILL);
    if (!SIGN_OFF.equals(step)) {
      // the sign-off form shows the review as context; its own decision fields start empty
      execution.setVariable(REVIEW_STOPS_GATE, "REVIEW".equals(step) && decision == Decision.REJECTED);
      execution.setVariable(REVIEW_DECISION, decision.name());
      execution.setVariable(REVIEW_COMMENT, comment);
      execution.removeVariables(List.of(DECISION, DECISION_COMMENT));
    }
  }
}
