package io.pmoflow.config;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

/**
 * {@code pmo.portfolio.*}: when the quarterly portfolio review starts by itself, as a Camunda cron expression
 * (seconds minutes hours day-of-month month day-of-week). The portfolioReview model reads
 * {@code ${portfolioSettings.reviewCron}}.
 */
@Component("portfolioSettings")
@Validated
@ConfigurationProperties("pmo.portfolio")
public class PortfolioSettings {

  /** 08:00 on the first day of every quarter. */
  @NotBlank
  private String reviewCron = "0 0 8 1 1,4,7,10 ?";

  public String getReviewCron() {
    return reviewCron;
  }

  public void setReviewCron(String reviewCron) {
    this.reviewCron = reviewCron;
  }
}
