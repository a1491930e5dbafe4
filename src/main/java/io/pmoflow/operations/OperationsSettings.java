package io.pmoflow.operations;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

/**
 * {@code pmo.operations.*}: how long the KPI gauges keep a computed value (a Prometheus scrape every few seconds
 * must not query the database each time), how long a shutdown waits for running jobs, and which group may read
 * the metrics.
 */
@Component
@Validated
@ConfigurationProperties("pmo.operations")
public class OperationsSettings {

  @NotNull
  private Duration gaugeCache = Duration.ofSeconds(5);
  @NotNull
  private Duration jobDrainTimeout = Duration.ofSeconds(30);
  @NotNull
  private String metricsGroup = "camunda-admin";

  public Duration getGaugeCache() {
    return gaugeCache;
  }

  public void setGaugeCache(Duration gaugeCache) {
    this.gaugeCache = gaugeCache;
  }

  public Duration getJobDrainTimeout() {
    return jobDrainTimeout;
  }

  public void setJobDrainTimeout(Duration jobDrainTimeout) {
    this.jobDrainTimeout = jobDrainTimeout;
  }

  public String getMetricsGroup() {
    return metricsGroup;
  }

  public void setMetricsGroup(String metricsGroup) {
    this.metricsGroup = metricsGroup;
  }
}
