package io.pmoflow.process.monitoring;

import static io.pmoflow.process.monitoring.MonitoringProcess.*;

import io.pmoflow.process.support.Money;
import io.pmoflow.project.Baseline;
import io.pmoflow.project.ProjectDetails;
import io.pmoflow.project.ProjectService;
import io.pmoflow.project.StatusReportView;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A report is due: the manager's form shows the baseline it is measured against and the last report, and starts
 * from the project's current completion and cost.
 */
@Component
public class PrepareStatusReportDelegate implements JavaDelegate {

  private final ProjectService projects;

  public PrepareStatusReportDelegate(ProjectService projects) {
    this.projects = projects;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = (String) execution.getVariable(PROJECT_KEY);
    ProjectDetails project = projects.details(key);
    Baseline baseline = projects.currentBaseline(key);
    StringBuilder md = new StringBuilder();
    if (baseline != null) {
      md.append("**Baseline v").append(baseline.version()).append(":** ")
          .append(Money.format(baseline.budget())).append(" EUR, ").append(baseline.plannedStart()).append(" to ")
          .append(baseline.plannedEnd());
    }
    List<StatusReportView> reports = project.statusReports();
    if (!reports.isEmpty()) {
      StatusReportView last = reports.get(reports.size() - 1);
      md.append("\n\n**Last report (#").append(last.number()).append(", ").append(last.asOf()).append("):** ")
          .append(last.percentComplete()).append(" % complete, ").append(Money.format(last.actualCost()))
          .append(" EUR spent, health ").append(last.health() == null ? "not assessed" : last.health());
    }
    execution.setVariable(STATUS_REPORT_CONTEXT, md.toString());
    execution.setVariable(PERCENT_COMPLETE, (long) project.summary().percentComplete());
    execution.setVariable(ACTUAL_COST_TO_DATE, project.summary().actualCost() == null ? 0.0
        : project.summary().actualCost().doubleValue());
    execution.setVariable(NARRATIVE, null);
    execution.setVariable(NEXT_STEPS, null);
  }
}
