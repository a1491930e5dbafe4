package io.pmoflow.process.intake;

import static io.pmoflow.process.intake.IntakeProcess.*;

import io.pmoflow.project.Governance;
import io.pmoflow.project.PmoType;
import io.pmoflow.project.ProjectService;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stores the route DMN pmoGovernance chose and keeps only its primitives as process variables. */
@Component
public class RecordGovernanceDelegate implements JavaDelegate {

  private final ProjectService projects;

  public RecordGovernanceDelegate(ProjectService projects) {
    this.projects = projects;
  }

  @Override
  public void execute(DelegateExecution execution) {
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) execution.getVariable(GOVERNANCE);
    if (result == null) {
      throw new IllegalStateException("Decision pmoGovernance matched no rule for " + execution.getBusinessKey());
    }
    Governance governance = new Governance(PmoType.valueOf((String) result.get(PMO_TYPE)),
        (String) result.get(INTAKE_APPROVER_GROUP), (String) result.get(STATUS_REPORT_CADENCE));
    projects.recordGovernance((String) execution.getVariable(PROJECT_KEY), governance);
    execution.removeVariable(GOVERNANCE);
    execution.setVariable(PMO_TYPE, governance.pmoType().name());
    execution.setVariable(INTAKE_APPROVER_GROUP, governance.intakeApproverGroup());
    execution.setVariable(STATUS_REPORT_CADENCE, governance.statusReportCadence());
  }
}
