package io.pmoflow.project;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A change of the project's change log (numbered 1, 2, … per project). Status REQUESTED, ASSESSED, APPROVED or
 * REJECTED; {@code approver} is the level that decided it (PROJECT_MANAGER, a group), {@code baselineVersion} the
 * baseline an approval produced.
 */
public record ChangeView(long id, int number, String title, String reason, BigDecimal costImpact,
    long scheduleImpactDays, String scopeImpact, String status, String assessment, String approver,
    String decidedBy, String decisionComment, Integer baselineVersion, String requestedBy,
    OffsetDateTime requestedAt, OffsetDateTime decidedAt) {
}
