package io.pmoflow.process.intake;

import io.pmoflow.project.InvalidInputException;
import io.pmoflow.project.ProjectService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Validates the request and records the project in the start transaction; the project key becomes the
 * business key, so the start response already carries it. Invalid input aborts the start: no instance, no row.
 */
@Component
public class RecordRequestDelegate implements JavaDelegate {

  private final ProjectService projects;

  public RecordRequestDelegate(ProjectService projects) {
    this.projects = projects;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String requester = (String) execution.getVariable(IntakeProcess.REQUESTER);
    if (requester == null) {
      throw new InvalidInputException(IntakeProcess.REQUESTER, "a request must be submitted by a logged-in user");
    }
    String key = projects.registerRequest(RequestForm.read(execution), requester);
    execution.setProcessBusinessKey(key);
    execution.setVariable(IntakeProcess.PROJECT_KEY, key);
  }
}
