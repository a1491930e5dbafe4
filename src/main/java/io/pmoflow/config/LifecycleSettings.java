package io.pmoflow.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

/**
 * {@code pmo.lifecycle.*}: how often the sponsor and the PMO are reminded of a project parked at a gate. The
 * phaseGate model reads {@code ${lifecycleSettings.holdReminderCycle}} (an ISO-8601 repeating interval).
 */
@Component("lifecycleSettings")
@Validated
@ConfigurationProperties("pmo.lifecycle")
public class LifecycleSettings {

  @NotNull
  private Duration holdReminder = Duration.ofDays(14);

  public String getHoldReminderCycle() {
    return "R/" + holdReminder;
  }

  public Duration getHoldReminder() {
    return holdReminder;
  }

  public void setHoldReminder(Duration holdReminder) {
    this.holdReminder = holdReminder;
  }
}
