package io.pmoflow.process.lifecycle;

import static io.pmoflow.process.lifecycle.LifecycleProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * An exception report decided to cancel the project (error Err_ProjectCancelled from projectMonitoring, its
 * message in {@code gateComment}): the closing of a stopped project names it by the input parameter
 * {@code stopLabel}, as it names a gate that killed the project.
 */
@Component
public class RecordExceptionStopDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(GATE_LABEL, execution.getVariable("stopLabel"));
  }
}
