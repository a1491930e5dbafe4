package io.pmoflow.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An exception report filed when a forecast breaches a tolerance. Status SUBMITTED, APPROVED or REJECTED;
 * {@code baselineVersion} is the baseline an approved re-plan produced.
 */
public record ExceptionReportView(long id, String cause, String options, String recommendation,
    BigDecimal proposedBudget, LocalDate proposedEnd, String status, String decidedBy, String decisionComment,
    Integer baselineVersion, OffsetDateTime createdAt) {
}
