package io.pmoflow.process.risk;

import static io.pmoflow.process.risk.RiskProcess.*;

import io.pmoflow.notify.NotificationKind;
import io.pmoflow.notify.Recipient;
import io.pmoflow.process.monitoring.MonitoringProcess;
import io.pmoflow.process.support.Inputs;
import io.pmoflow.process.support.ProcessContext;
import io.pmoflow.process.support.ProjectContextVariables;
import io.pmoflow.process.support.ProjectNotifier;
import io.pmoflow.project.EarnedValue;
import io.pmoflow.project.InvalidInputException;
import io.pmoflow.project.ProjectService;
import io.pmoflow.project.StatusReportView;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Glue of {@code riskEscalation}: the risk is validated and registered in the start transaction, riskAssessment
 * scores it and names its owner, a critical risk re-assesses the health of a project that has been reported on at
 * once (before the first report health stays unassessed, CONTRACT §5), and HIGH and CRITICAL
 * risks wait for their owner group's response.
 */
@Configuration
public class RiskDelegates {

  static final String MANAGER = "PROJECT_MANAGER";

  @Bean
  JavaDelegate registerRiskDelegate(ProjectService projects) {
    return execution -> {
      Inputs in = Inputs.of(execution);
      String reporter = in.text(RISK_REPORTER);
      if (reporter == null) {
        throw new InvalidInputException(RISK_REPORTER, "a risk must be reported by a logged-in user");
      }
      String key = in.text(PROJECT_KEY);
      if (key == null || key.isBlank()) {
        throw new InvalidInputException(PROJECT_KEY, "is required");
      }
      long id = projects.registerEscalatedRisk(key.trim(), in.text(RISK_TITLE), in.whole(PROBABILITY),
          in.whole(IMPACT), in.text(MITIGATION), reporter);
      ProjectContextVariables.bind(execution, projects.require(key.trim()));
      execution.setVariable(RISK_ID, id);
      // riskAssessment reads whole numbers
      execution.setVariable(PROBABILITY, in.whole(PROBABILITY).longValue());
      execution.setVariable(IMPACT, in.whole(IMPACT).longValue());
    };
  }

  @Bean
  JavaDelegate recordRiskAssessmentDelegate(ProjectService projects, ProjectNotifier notifier) {
    return execution -> {
      @SuppressWarnings("unchecked")
      Map<String, Object> assessment = (Map<String, Object>) execution.getVariable(RISK_ASSESSMENT);
      if (assessment == null || assessment.get("severity") == null) {
        throw new IllegalStateException("Decision riskAssessment matched no rule for " + execution.getBusinessKey());
      }
      String key = (String) execution.getVariable(PROJECT_KEY);
      String severity = (String) assessment.get("severity");
      Object owner = assessment.get("ownerGroup");
      String ownerGroup = owner == null || MANAGER.equals(owner) ? null : owner.toString();
      projects.assessRisk(key, ((Number) execution.getVariable(RISK_ID)).longValue(), severity,
          ownerGroup == null ? MANAGER : ownerGroup);
      execution.removeVariable(RISK_ASSESSMENT);
      execution.setVariable(RISK_SCORE, assessment.get("score"));
      execution.setVariable(RISK_SEVERITY, severity);
      execution.setVariable(RISK_OWNER_GROUP, ownerGroup);
      execution.setVariable(RISK_NEEDS_RESPONSE, ownerGroup != null);
      // CONTRACT §5: health stays null until the first status report; after it, a critical risk counts at once
      execution.setVariable(REASSESS_HEALTH, "CRITICAL".equals(severity)
          && !projects.details(key).statusReports().isEmpty());
      notifier.notify(execution, key, NotificationKind.RISK_REGISTERED,
          List.of(Recipient.user((String) execution.getVariable("projectManager"))), null, Map.of(
              "title", execution.getVariable(RISK_TITLE), "severity", severity,
              "owner", ownerGroup == null ? "you, the project manager" : "the " + ownerGroup + " group"));
    };
  }

  @Bean
  JavaDelegate prepareHealthReassessmentDelegate(ProjectService projects) {
    return execution -> {
      String key = (String) execution.getVariable(PROJECT_KEY);
      List<StatusReportView> reports = projects.details(key).statusReports();
      StatusReportView last = reports.get(reports.size() - 1);
      EarnedValue ev = last.earnedValue();
      execution.setVariable(MonitoringProcess.SPI, ev.spi() == null ? null : ev.spi().doubleValue());
      execution.setVariable(MonitoringProcess.CPI, ev.cpi() == null ? null : ev.cpi().doubleValue());
      execution.setVariable(MonitoringProcess.OPEN_CRITICAL_RISKS, (long) projects.openCriticalRisks(key));
      execution.setVariable(MonitoringProcess.STATUS_REPORT_ID, last.id());
    };
  }

  @Bean
  JavaDelegate recordRiskResponseDelegate(ProjectService projects, ProcessContext context) {
    return execution -> {
      Inputs in = Inputs.of(execution);
      projects.recordRiskResponse(in.text(PROJECT_KEY), ((Number) execution.getVariable(RISK_ID)).longValue(),
          in.text(RESPONSE_STRATEGY), in.date(RESPONSE_DUE_DATE), in.text(RESPONSE_NOTE), context.actor());
    };
  }
}
