package io.pmoflow.process.monitoring;

import static io.pmoflow.process.monitoring.MonitoringProcess.*;

import io.pmoflow.notify.NotificationKind;
import io.pmoflow.notify.Recipient;
import io.pmoflow.process.support.Links;
import io.pmoflow.process.support.ProjectNotifier;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A late status report reminds the manager; an overdue one goes to the PMO. */
@Configuration
public class StatusReportReminderDelegates {

  @Bean
  JavaDelegate remindOfStatusReportDelegate(ProjectNotifier notifier) {
    return execution -> notify(notifier, execution, NotificationKind.STATUS_REPORT_REMINDER,
        Recipient.user((String) execution.getVariable(PROJECT_MANAGER)));
  }

  @Bean
  JavaDelegate escalateStatusReportDelegate(ProjectNotifier notifier) {
    return execution -> notify(notifier, execution, NotificationKind.STATUS_REPORT_OVERDUE, Recipient.group("pmo"));
  }

  private static void notify(ProjectNotifier notifier, DelegateExecution execution, NotificationKind kind,
      Recipient to) {
    notifier.notify(execution, (String) execution.getVariable(PROJECT_KEY), kind, List.of(to), Links.tasklist(),
        Map.of("manager", execution.getVariable(PROJECT_MANAGER)));
  }
}
