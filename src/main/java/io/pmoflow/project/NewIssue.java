package io.pmoflow.project;

/** An issue raised during execution; severity LOW, MEDIUM, HIGH or CRITICAL. */
public record NewIssue(String title, String severity, String owner) {
}
