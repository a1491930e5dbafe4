package io.pmoflow.process.lifecycle;

import static io.pmoflow.process.lifecycle.LifecycleProcess.*;

import io.pmoflow.process.support.Inputs;
import io.pmoflow.process.support.ProcessContext;
import io.pmoflow.project.Charter;
import io.pmoflow.project.Plan;
import io.pmoflow.project.ProjectService;
import io.pmoflow.project.RiskInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Stores the plan as structured data. The form variables stay on the instance on purpose: if the plan gate
 * recycles the plan, the manager's form reopens prefilled instead of empty.
 */
@Component
public class RecordPlanDelegate implements JavaDelegate {

  private final ProjectService projects;
  private final ProcessContext context;

  public RecordPlanDelegate(ProjectService projects, ProcessContext context) {
    this.projects = projects;
    this.context = context;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Inputs in = Inputs.of(execution);
    Plan plan = new Plan(in.date(PLANNED_START), in.date(PLANNED_END),
        in.rows(WORK_PACKAGES).stream().map(r -> new Plan.WorkPackage(r.text("name"), r.text("owner"),
            r.amount("estimateDays"), r.date("start"), r.date("end"))).toList(),
        in.rows(PLAN_MILESTONES).stream().map(r -> new Charter.Milestone(r.text("name"), r.date("dueDate")))
            .toList(),
        in.rows(BUDGET_LINES).stream().map(r -> new Plan.BudgetLine(r.text("category"), r.amount("amount")))
            .toList(),
        in.rows(RESOURCES).stream().map(r -> new Plan.ResourceAssignment(r.text("role"), r.text("userId"),
            r.whole("allocationPercent"))).toList(),
        in.rows(COMMUNICATIONS).stream().map(r -> new Plan.Communication(r.text("audience"), r.text("content"),
            r.text("channel"), r.text("frequency"))).toList(),
        in.rows(PLAN_RISKS).stream().map(r -> new RiskInput(r.text("title"), r.requiredWhole("probability"),
            r.requiredWhole("impact"), r.text("response"))).toList(),
        in.text(QUALITY_STANDARDS), in.text(QUALITY_ACCEPTANCE_CRITERIA));
    projects.recordPlan(in.text(PROJECT_KEY), plan, context.actor());
  }
}
