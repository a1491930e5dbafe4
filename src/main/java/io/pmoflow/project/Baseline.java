package io.pmoflow.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A frozen copy of budget, schedule, scope and milestones; version 1 is what the plan gate approved. */
public record Baseline(int version, BigDecimal budget, LocalDate plannedStart, LocalDate plannedEnd, String scope,
    List<Charter.Milestone> milestones, String frozenBy, OffsetDateTime frozenAt) {
}
