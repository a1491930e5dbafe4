package io.pmoflow.project;

import java.math.BigDecimal;

/** A change request as it is raised: the cost impact may be negative (a saving), the schedule impact not. */
public record ChangeInput(String title, String reason, BigDecimal costImpact, Long scheduleImpactDays,
    String scopeImpact) {
}
