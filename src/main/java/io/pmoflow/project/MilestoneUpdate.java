package io.pmoflow.project;

import java.time.LocalDate;

/** A milestone's new state: PLANNED, DONE (with its actual date) or WAIVED (with the reason). */
public record MilestoneUpdate(long milestoneId, String status, LocalDate actualDate, String waiverReason) {
}
