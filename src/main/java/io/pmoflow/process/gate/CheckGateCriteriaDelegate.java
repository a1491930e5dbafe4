package io.pmoflow.process.gate;

import static io.pmoflow.process.gate.PhaseGateProcess.*;

import io.pmoflow.project.Gate;
import io.pmoflow.project.ProjectService;
import io.pmoflow.project.ProjectSummary;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * First step of a gate, in the transaction of the task that requested it: a gate whose criteria do not hold
 * refuses the request with a message naming each missing criterion (a 4xx over REST, the task stays open).
 * Also hands the project's current budget to the gateApproval decision.
 */
@Component
public class CheckGateCriteriaDelegate implements JavaDelegate {

  private final ProjectService projects;

  public CheckGateCriteriaDelegate(ProjectService projects) {
    this.projects = projects;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = (String) execution.getVariable(PROJECT_KEY);
    projects.requireGateCriteria(key, Gate.valueOf((String) execution.getVariable(GATE)));
    ProjectSummary project = projects.require(key);
    BigDecimal budget = project.budget() == null ? BigDecimal.ZERO : project.budget();
    execution.setVariable(BUDGET, budget.doubleValue());
  }
}
