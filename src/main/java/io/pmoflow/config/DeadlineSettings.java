package io.pmoflow.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

/**
 * {@code pmo.deadlines.*}: how long each kind of approval task may wait (by task definition key), how long before
 * its due date the people who can act are reminded, and how often open tasks are checked. An overdue task is
 * escalated to the PMO (or to the board, for the board's own tasks).
 */
@Component
@Validated
@ConfigurationProperties("pmo.deadlines")
public class DeadlineSettings {

  private Map<String, Duration> due = new LinkedHashMap<>();
  @NotNull
  private Duration reminderBefore = Duration.ofDays(1);
  @NotNull
  private Duration poll = Duration.ofMinutes(5);

  public Optional<Duration> dueAfter(String taskDefinitionKey) {
    return Optional.ofNullable(due.get(taskDefinitionKey));
  }

  public Map<String, Duration> getDue() {
    return due;
  }

  public void setDue(Map<String, Duration> due) {
    this.due = due;
  }

  public Duration getReminderBefore() {
    return reminderBefore;
  }

  public void setReminderBefore(Duration reminderBefore) {
    this.reminderBefore = reminderBefore;
  }

  public Duration getPoll() {
    return poll;
  }

  public void setPoll(Duration poll) {
    this.poll = poll;
  }
}
