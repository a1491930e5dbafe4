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
 * A RED project: under a controlling or directive PMO the manager drafts a recovery plan that the PMO reviews;
 * a supportive PMO is only informed.
 */
@Configuration
public class RecoveryDelegates {

  @Bean
  JavaDelegate recordRecoveryPlanDelegate(ProjectService projects, ProcessContext context) {
    return execution -> {
      Inputs in = Inputs.of(execution);
      projects.recordRecoveryPlan(in.text(PROJECT_KEY), in.text(RECOVERY_ACTIONS), in.date(RECOVERY_TARGET_DATE),
          context.actor());
    };
  }

  @Bean
  JavaDelegate recordRecoveryReviewDelegate(ProjectService projects, ProcessContext context) {
    return execution -> {
      Inputs in = Inputs.of(execution);
      String decision = in.text(DECISION);
      projects.reviewRecoveryPlan(in.text(PROJECT_KEY), decision, in.text(DECISION_COMMENT), context.actor());
      execution.setVariable(RECOVERY_PLAN_APPROVED, "APPROVED".equals(decision));
      execution.removeVariables(List.of(DECISION, DECISION_COMMENT));
    };
  }

  @Bean
  JavaDelegate informPmoOfRedHealthDelegate(ProjectNotifier notifier) {
    return execution -> notifier.notify(execution, (String) execution.getVariable(PROJECT_KEY),
        NotificationKind.HEALTH_RED, List.of(Recipient.group("pmo"),
            Recipient.user((String) execution.getVariable(SPONSOR))), null,
        Map.of("explanation", execution.getVariable(HEALTH_EXPLANATION)));
  }
}
