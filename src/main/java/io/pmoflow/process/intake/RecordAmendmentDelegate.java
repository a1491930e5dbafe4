package io.pmoflow.process.intake;

import io.pmoflow.process.support.Inputs;
import io.pmoflow.process.support.ProcessContext;
import io.pmoflow.project.ProjectService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Validates and stores the requester's amended request; it is then routed and screened again. */
@Component
public class RecordAmendmentDelegate implements JavaDelegate {

  private final ProjectService projects;
  private final ProcessContext context;

  public RecordAmendmentDelegate(ProjectService projects, ProcessContext context) {
    this.projects = projects;
    this.context = context;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Inputs in = Inputs.of(execution);
    projects.amendRequest(in.text(IntakeProcess.PROJECT_KEY), RequestForm.read(execution), context.currentUser(),
        in.text(IntakeProcess.AMENDMENT_NOTE));
    // the next screening starts with empty decision fields, not the previous round's answer
    execution.removeVariables(java.util.List.of(IntakeProcess.DECISION, IntakeProcess.DECISION_COMMENT,
        IntakeProcess.AMENDMENT_NOTE));
  }
}
