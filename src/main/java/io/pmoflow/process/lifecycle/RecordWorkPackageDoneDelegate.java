package io.pmoflow.process.lifecycle;

import static io.pmoflow.process.lifecycle.LifecycleProcess.*;

import io.pmoflow.process.support.Inputs;
import io.pmoflow.process.support.ProcessContext;
import io.pmoflow.project.InvalidInputException;
import io.pmoflow.project.ProjectService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The owner reported the work package done: completion date and actual cost go to the store. */
@Component
public class RecordWorkPackageDoneDelegate implements JavaDelegate {

  private final ProjectService projects;
  private final ProcessContext context;

  public RecordWorkPackageDoneDelegate(ProjectService projects, ProcessContext context) {
    this.projects = projects;
    this.context = context;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Inputs in = Inputs.of(execution);
    if (!(execution.getVariable(WORK_PACKAGE_ID) instanceof Number id)) {
      throw new InvalidInputException(WORK_PACKAGE_ID, "is missing");
    }
    projects.recordWorkPackageDone(in.text(PROJECT_KEY), id.longValue(), in.date(COMPLETED_ON),
        in.amount(ACTUAL_COST), in.text(COMPLETION_NOTE), context.actor());
  }
}
