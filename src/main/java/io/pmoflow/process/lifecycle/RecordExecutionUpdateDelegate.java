package io.pmoflow.process.lifecycle;

import static io.pmoflow.process.lifecycle.LifecycleProcess.*;

import io.pmoflow.process.support.Inputs;
import io.pmoflow.process.support.ProcessContext;
import io.pmoflow.project.ExecutionUpdate;
import io.pmoflow.project.IssueUpdate;
import io.pmoflow.project.MilestoneUpdate;
import io.pmoflow.project.NewIssue;
import io.pmoflow.project.ProjectService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the manager's progress round: milestones done or waived, issues logged and moved on, and whether the
 * deliverables are ready — which the store accepts only when every milestone is done or waived.
 */
@Component
public class RecordExecutionUpdateDelegate implements JavaDelegate {

  private final ProjectService projects;
  private final ProcessContext context;

  public RecordExecutionUpdateDelegate(ProjectService projects, ProcessContext context) {
    this.projects = projects;
    this.context = context;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Inputs in = Inputs.of(execution);
    ExecutionUpdate update = new ExecutionUpdate(
        in.rows(MILESTONE_UPDATES).stream().map(r -> new MilestoneUpdate(r.requiredId("milestoneId"),
            r.text("status"), r.date("actualDate"), r.text("waiverReason"))).toList(),
        in.rows(NEW_ISSUES).stream().map(r -> new NewIssue(r.text("title"), r.text("severity"), r.text("owner")))
            .toList(),
        in.rows(ISSUE_UPDATES).stream().map(r -> new IssueUpdate(r.requiredId("issueId"), r.text("status")))
            .toList(),
        in.flag(DELIVERABLES_READY), in.text(PROGRESS_NOTE));
    projects.recordExecutionUpdate(in.text(PROJECT_KEY), update, context.actor());
  }
}
