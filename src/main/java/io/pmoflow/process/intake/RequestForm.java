package io.pmoflow.process.intake;

import static io.pmoflow.process.intake.IntakeProcess.*;

import io.pmoflow.process.support.Inputs;
import io.pmoflow.project.Level;
import io.pmoflow.project.ProjectRequest;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The request fields as the start form and the amend form submit them. */
final class RequestForm {
  private RequestForm() {
  }

  static ProjectRequest read(VariableScope scope) {
    Inputs in = Inputs.of(scope);
    return new ProjectRequest(in.text(PROJECT_NAME), in.text(DESCRIPTION), in.text(BUSINESS_UNIT), in.text(SPONSOR),
        in.amount(ESTIMATED_BUDGET), in.whole(STRATEGIC_ALIGNMENT), in.choice(COMPLEXITY, Level.class),
        in.choice(RISK_LEVEL, Level.class), in.flag(CROSS_DEPARTMENTAL), in.flag(REGULATORY),
        in.date(REQUESTED_START), in.date(REQUESTED_END));
  }
}
