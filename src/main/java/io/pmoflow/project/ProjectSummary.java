package io.pmoflow.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One row of the project list (CONTRACT §5). */
public record ProjectSummary(
    String key,
    String name,
    Phase phase,
    ProjectStatus status,
    PmoType pmoType,
    String health,
    String sponsor,
    String projectManager,
    String businessUnit,
    BigDecimal budget,
    BigDecimal actualCost,
    int percentComplete,
    LocalDate plannedStart,
    LocalDate plannedEnd,
    OffsetDateTime updatedAt) {
}
