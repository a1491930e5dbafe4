package io.pmoflow.project;

/** A known issue's new status: OPEN, IN_PROGRESS, RESOLVED or CLOSED. */
public record IssueUpdate(long issueId, String status) {
}
