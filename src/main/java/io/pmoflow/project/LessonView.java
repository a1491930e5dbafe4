package io.pmoflow.project;

import java.time.OffsetDateTime;

public record LessonView(long id, String projectKey, String projectName, String category, String wentWell,
    String toImprove, String recommendation, String recordedBy, OffsetDateTime recordedAt) {
}
