package io.pmoflow.process.intake;

import io.pmoflow.config.PmoProperties;
import io.pmoflow.process.lifecycle.LifecycleProcess;
import io.pmoflow.project.Phase;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Starts the project's lifecycle with the project key as business key, in the same transaction as the approval:
 * either both happen or neither.
 */
@Component
public class StartLifecycleDelegate implements JavaDelegate {

  private final RuntimeService runtimeService;
  private final PmoProperties pmo;

  public StartLifecycleDelegate(RuntimeService runtimeService, PmoProperties pmo) {
    this.runtimeService = runtimeService;
    this.pmo = pmo;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = (String) execution.getVariable(IntakeProcess.PROJECT_KEY);
    runtimeService.startProcessInstanceByKey(LifecycleProcess.KEY, key, Variables.createVariables()
        .putValue(LifecycleProcess.PROJECT_KEY, key)
        .putValue(LifecycleProcess.PHASE, Phase.INITIATION.name())
        .putValue(LifecycleProcess.SPONSOR, execution.getVariable(IntakeProcess.SPONSOR))
        .putValue(LifecycleProcess.REQUESTER, execution.getVariable(IntakeProcess.REQUESTER))
        .putValue(LifecycleProcess.PMO_TYPE, execution.getVariable(IntakeProcess.PMO_TYPE))
        .putValue(LifecycleProcess.STATUS_REPORT_CADENCE, execution.getVariable(IntakeProcess.STATUS_REPORT_CADENCE))
        .putValue(LifecycleProcess.PMO_MODEL, pmo.model().name())
        .putValue(LifecycleProcess.PROJECT_NAME, execution.getVariable(IntakeProcess.PROJECT_NAME))
        .putValue(LifecycleProcess.BUSINESS_UNIT, execution.getVariable(IntakeProcess.BUSINESS_UNIT))
        .putValue(LifecycleProcess.ESTIMATED_BUDGET, execution.getVariable(IntakeProcess.ESTIMATED_BUDGET)));
  }
}
