package io.pmoflow.project;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A recovery plan for a RED project: SUBMITTED, then APPROVED or REJECTED by its reviewer. */
public record RecoveryPlanView(long id, String actions, LocalDate targetDate, String status, String plannedBy,
    OffsetDateTime plannedAt, String reviewedBy, String reviewComment, OffsetDateTime reviewedAt) {
}
