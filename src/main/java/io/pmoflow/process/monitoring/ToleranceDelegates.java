package io.pmoflow.process.monitoring;

import static io.pmoflow.process.monitoring.MonitoringProcess.*;

import io.pmoflow.notify.NotificationKind;
import io.pmoflow.notify.Recipient;
import io.pmoflow.process.support.Inputs;
import io.pmoflow.process.support.ProcessContext;
import io.pmoflow.process.support.ProjectNotifier;
import io.pmoflow.project.ProjectService;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Manage by exception: the forecast is compared with the tolerances projectTolerance sets for the PMO type; a
 * breach makes the manager file an exception report, decided by the group that owns the tolerance.
 */
@Configuration
public class ToleranceDelegates {

  @Bean
  JavaDelegate checkTolerancesDelegate() {
    return execution -> {
      @SuppressWarnings("unchecked")
      Map<String, Object> tolerance = (Map<String, Object>) execution.getVariable(TOLERANCE);
      if (tolerance == null) {
        throw new IllegalStateException("Decision projectTolerance matched no rule for " + execution.getBusinessKey());
      }
      double costLimit = ((Number) tolerance.get("costTolerancePercent")).doubleValue();
      long scheduleLimit = ((Number) tolerance.get("scheduleToleranceDays")).longValue();
      Object cost = execution.getVariable(COST_VARIANCE_PERCENT);
      long late = ((Number) execution.getVariable(SCHEDULE_VARIANCE_DAYS)).longValue();
      boolean costBreached = cost != null && ((Number) cost).doubleValue() > costLimit;
      boolean scheduleBreached = late > scheduleLimit;
      execution.removeVariable(TOLERANCE);
      execution.setVariable(TOLERANCE_OWNER, tolerance.get("toleranceOwner"));
      execution.setVariable(TOLERANCE_BREACHED, costBreached || scheduleBreached);
      execution.setVariable(TOLERANCE_BREACH, String.format(java.util.Locale.ROOT,
          "**Forecast:** cost %s %% over the baseline (tolerance %.1f %%)%s · finish %d days late (tolerance %d days)%s",
          cost == null ? "—" : String.format(java.util.Locale.ROOT, "%.1f", ((Number) cost).doubleValue()), costLimit,
          costBreached ? " **breached**" : "", late, scheduleLimit, scheduleBreached ? " **breached**" : ""));
    };
  }

  @Bean
  JavaDelegate recordExceptionReportDelegate(ProjectService projects, ProcessContext context) {
    return execution -> {
      Inputs in = Inputs.of(execution);
      long id = projects.recordExceptionReport(in.text(PROJECT_KEY), in.text(EXCEPTION_CAUSE),
          in.text(EXCEPTION_OPTIONS), in.text(EXCEPTION_RECOMMENDATION), in.amount(PROPOSED_BUDGET),
          in.date(PROPOSED_END), context.actor());
      execution.setVariable(EXCEPTION_REPORT_ID, id);
      execution.setVariable(EXCEPTION_COMMENT, null);
    };
  }

  @Bean
  JavaDelegate recordExceptionDecisionDelegate(ProjectService projects, ProcessContext context,
      ProjectNotifier notifier) {
    return execution -> {
      Inputs in = Inputs.of(execution);
      String key = in.text(PROJECT_KEY);
      String decision = in.text(DECISION);
      String comment = in.text(DECISION_COMMENT);
      long id = ((Number) execution.getVariable(EXCEPTION_REPORT_ID)).longValue();
      Integer baseline = projects.decideException(key, id, decision, comment, context.actor());
      String outcome = "APPROVED".equals(decision) ? in.text(EXCEPTION_RECOMMENDATION) : "SENT_BACK";
      execution.setVariable(EXCEPTION_OUTCOME, outcome);
      execution.setVariable(EXCEPTION_COMMENT, comment == null || comment.isBlank()
          ? "Cancelled on the exception report" : comment);
      execution.removeVariables(List.of(DECISION, DECISION_COMMENT));
      notifier.notify(execution, key, NotificationKind.EXCEPTION_DECIDED, List.of(
              Recipient.user(in.text(PROJECT_MANAGER)), Recipient.user(in.text(SPONSOR))), null,
          Map.of("outcome", outcome, "baseline", baseline == null ? "unchanged" : "version " + baseline,
              "comment", comment == null ? "" : comment));
    };
  }
}
