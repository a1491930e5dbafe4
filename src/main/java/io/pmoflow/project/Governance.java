package io.pmoflow.project;

/** The governance route DMN {@code pmoGovernance} chose for a request. */
public record Governance(PmoType pmoType, String intakeApproverGroup, String statusReportCadence) {
}
