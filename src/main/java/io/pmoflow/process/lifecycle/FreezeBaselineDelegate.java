package io.pmoflow.process.lifecycle;

import static io.pmoflow.process.lifecycle.LifecycleProcess.*;

import io.pmoflow.process.support.ProcessContext;
import io.pmoflow.project.ProjectService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The plan gate approved the plan: its budget, dates, milestones and scope become the next baseline. */
@Component
public class FreezeBaselineDelegate implements JavaDelegate {

  private final ProjectService projects;

  public FreezeBaselineDelegate(ProjectService projects) {
    this.projects = projects;
  }

  @Override
  public void execute(DelegateExecution execution) {
    projects.freezeBaseline((String) execution.getVariable(PROJECT_KEY), ProcessContext.SYSTEM_ACTOR);
  }
}
