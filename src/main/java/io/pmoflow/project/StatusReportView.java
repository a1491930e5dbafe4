package io.pmoflow.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A stored status report (numbered 1, 2, … per project) with its earned value and, once assessed, its health. */
public record StatusReportView(long id, int number, LocalDate asOf, int percentComplete, BigDecimal actualCost,
    String narrative, String nextSteps, EarnedValue earnedValue, String health, String healthExplanation,
    String reportedBy, OffsetDateTime reportedAt) {
}
