package io.pmoflow.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

/**
 * {@code pmo.intake.*}: when approvers are reminded of a waiting screening and when it is escalated to the PMO
 * lead. The intake model reads these as {@code ${intakeSettings.screeningReminder}} (ISO-8601 durations).
 */
@Component("intakeSettings")
@Validated
@ConfigurationProperties("pmo.intake")
public class IntakeSettings {

  @NotNull
  private Duration screeningReminder = Duration.ofDays(3);
  @NotNull
  private Duration screeningEscalation = Duration.ofDays(5);

  public String getScreeningReminder() {
    return screeningReminder.toString();
  }

  public void setScreeningReminder(Duration screeningReminder) {
    this.screeningReminder = screeningReminder;
  }

  public String getScreeningEscalation() {
    return screeningEscalation.toString();
  }

  public void setScreeningEscalation(Duration screeningEscalation) {
    this.screeningEscalation = screeningEscalation;
  }
}
