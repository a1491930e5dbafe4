package io.pmoflow.process.lifecycle;

import static io.pmoflow.process.lifecycle.LifecycleProcess.*;

import io.pmoflow.process.support.Inputs;
import io.pmoflow.process.support.ProcessContext;
import io.pmoflow.project.ProjectService;
import io.pmoflow.project.RiskInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stores the initial risk assessment in the project's risk register. */
@Component
public class RecordInitialRisksDelegate implements JavaDelegate {

  private final ProjectService projects;
  private final ProcessContext context;

  public RecordInitialRisksDelegate(ProjectService projects, ProcessContext context) {
    this.projects = projects;
    this.context = context;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Inputs in = Inputs.of(execution);
    projects.recordInitialRisks(in.text(PROJECT_KEY), in.rows(RISKS).stream()
        .map(r -> new RiskInput(r.text("title"), r.requiredWhole("probability"), r.requiredWhole("impact"),
            r.text("response")))
        .toList(), context.actor());
    execution.removeVariable(RISKS);
  }
}
