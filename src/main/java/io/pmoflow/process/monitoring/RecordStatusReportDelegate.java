package io.pmoflow.process.monitoring;

import static io.pmoflow.process.monitoring.MonitoringProcess.*;

import io.pmoflow.process.support.Inputs;
import io.pmoflow.process.support.ProcessContext;
import io.pmoflow.project.EarnedValue;
import io.pmoflow.project.ProjectService;
import io.pmoflow.project.StatusReportInput;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Stores the report and its earned-value figures, and hands projectHealth and the tolerance check what they
 * decide on: SPI, CPI, open critical risks, the forecast's cost and schedule variance.
 */
@Component
public class RecordStatusReportDelegate implements JavaDelegate {

  private final ProjectService projects;
  private final ProcessContext context;

  public RecordStatusReportDelegate(ProjectService projects, ProcessContext context) {
    this.projects = projects;
    this.context = context;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Inputs in = Inputs.of(execution);
    String key = in.text(PROJECT_KEY);
    EarnedValue ev = projects.recordStatusReport(key, new StatusReportInput(in.whole(PERCENT_COMPLETE),
        in.amount(ACTUAL_COST_TO_DATE), in.text(NARRATIVE), in.text(NEXT_STEPS)), context.actor());
    execution.setVariable(STATUS_REPORT_ID, projects.lastStatusReportId(key));
    execution.setVariable(SPI, toDouble(ev.spi()));
    execution.setVariable(CPI, toDouble(ev.cpi()));
    execution.setVariable(OPEN_CRITICAL_RISKS, (long) projects.openCriticalRisks(key));
    execution.setVariable(COST_VARIANCE_PERCENT, toDouble(ev.costVariancePercent()));
    execution.setVariable(SCHEDULE_VARIANCE_DAYS, ev.scheduleVarianceDays());
  }

  static Double toDouble(BigDecimal value) {
    return value == null ? null : value.doubleValue();
  }
}
