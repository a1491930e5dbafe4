package io.pmoflow.process.intake;

import io.pmoflow.project.ProjectService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Refuses to give a screening task to the person who submitted the request (claim or assignment). */
@Component
public class SeparationOfDutiesListener implements TaskListener {

  private final ProjectService projects;

  public SeparationOfDutiesListener(ProjectService projects) {
    this.projects = projects;
  }

  @Override
  public void notify(DelegateTask task) {
    projects.checkMayScreen((String) task.getVariable(IntakeProcess.PROJECT_KEY), task.getAssignee());
  }
}
