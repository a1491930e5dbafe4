package io.pmoflow.process.monitoring;

import static io.pmoflow.process.monitoring.MonitoringProcess.*;

import io.pmoflow.process.support.ProcessContext;
import io.pmoflow.process.support.Money;
import io.pmoflow.project.ProjectService;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Stores the health projectHealth decided, with an explanation a sponsor can read: the inputs, and the matched
 * rule's reason with its thresholds. The decision's full trace is in GET /api/projects/{key}/decisions.
 */
@Component
public class RecordHealthDelegate implements JavaDelegate {

  private final ProjectService projects;

  public RecordHealthDelegate(ProjectService projects) {
    this.projects = projects;
  }

  @Override
  public void execute(DelegateExecution execution) {
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) execution.getVariable(HEALTH_RESULT);
    if (result == null || result.get("health") == null) {
      throw new IllegalStateException("Decision projectHealth matched no rule for " + execution.getBusinessKey());
    }
    String health = (String) result.get("health");
    String explanation = health + ": " + result.get("healthReason") + " (SPI " + Money.ratio(execution.getVariable(SPI))
        + ", CPI " + Money.ratio(execution.getVariable(CPI)) + ", open critical risks "
        + execution.getVariable(OPEN_CRITICAL_RISKS) + "; decision projectHealth)";
    String key = (String) execution.getVariable(PROJECT_KEY);
    Object reportId = execution.getVariable(STATUS_REPORT_ID);
    projects.recordHealth(key, reportId == null ? null : ((Number) reportId).longValue(), health, explanation,
        ProcessContext.SYSTEM_ACTOR);
    execution.removeVariable(HEALTH_RESULT);
    execution.setVariable(HEALTH, health);
    execution.setVariable(HEALTH_EXPLANATION, explanation);
  }
}
