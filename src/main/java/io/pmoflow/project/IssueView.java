package io.pmoflow.project;

import java.time.OffsetDateTime;

public record IssueView(long id, String title, String severity, String owner, String status,
    OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
