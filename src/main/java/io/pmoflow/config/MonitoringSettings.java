package io.pmoflow.config;

import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

/**
 * {@code pmo.monitoring.*}: when a status report is due after the cadence timer fires, when a late report
 * reminds the manager, and when an overdue one is escalated to the PMO. The projectMonitoring model reads them
 * as {@code ${monitoringSettings.…}}.
 */
@Component("monitoringSettings")
@Validated
@ConfigurationProperties("pmo.monitoring")
public class MonitoringSettings {

  private final Clock clock;

  @NotNull
  private Duration reportDue = Duration.ofDays(2);
  @NotNull
  private Duration reportEscalation = Duration.ofDays(5);

  public MonitoringSettings(Clock clock) {
    this.clock = clock;
  }

  /** Due date of a status report task created now. */
  public Date reportDueDate() {
    return Date.from(clock.instant().plus(reportDue));
  }

  /** The manager is reminded when the report is due and still missing. */
  public String getReportReminder() {
    return reportDue.toString();
  }

  public String getReportEscalation() {
    return reportEscalation.toString();
  }

  public void setReportDue(Duration reportDue) {
    this.reportDue = reportDue;
  }

  public void setReportEscalation(Duration reportEscalation) {
    this.reportEscalation = reportEscalation;
  }
}
