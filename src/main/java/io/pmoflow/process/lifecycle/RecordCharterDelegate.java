package io.pmoflow.process.lifecycle;

import static io.pmoflow.process.lifecycle.LifecycleProcess.*;

import io.pmoflow.process.support.Inputs;
import io.pmoflow.process.support.ProcessContext;
import io.pmoflow.project.Charter;
import io.pmoflow.project.ProjectService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Stores the charter as structured data in the project store and drops the bulky form variables: the store,
 * not the process instance, is where the charter lives.
 */
@Component
public class RecordCharterDelegate implements JavaDelegate {

  private final ProjectService projects;
  private final ProcessContext context;

  public RecordCharterDelegate(ProjectService projects, ProcessContext context) {
    this.projects = projects;
    this.context = context;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Inputs in = Inputs.of(execution);
    Charter charter = new Charter(in.text(OBJECTIVES), in.text(SCOPE_IN), in.text(SCOPE_OUT), in.text(DELIVERABLES),
        in.text(ACCEPTANCE_CRITERIA), in.amount(BUDGET_ESTIMATE), in.text(ASSUMPTIONS), in.text(CONSTRAINTS),
        in.rows(MILESTONES).stream().map(r -> new Charter.Milestone(r.text("name"), r.date("dueDate"))).toList(),
        in.rows(STAKEHOLDERS).stream().map(r -> new Charter.Stakeholder(r.text("name"), r.text("role"))).toList());
    projects.recordCharter(in.text(PROJECT_KEY), charter, context.actor());
    execution.removeVariables(java.util.List.of(OBJECTIVES, SCOPE_IN, SCOPE_OUT, DELIVERABLES, ACCEPTANCE_CRITERIA,
        MILESTONES, STAKEHOLDERS, ASSUMPTIONS, CONSTRAINTS));
  }
}
