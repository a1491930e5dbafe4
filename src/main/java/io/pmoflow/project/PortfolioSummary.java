package io.pmoflow.project;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The portfolio in figures (CONTRACT §5 and the dashboard's KPI tiles), computed by aggregate queries.
 *
 * <p>{@code phase}, {@code health} and {@code pmoType} count every matching project and list every value, zeros
 * included; a project without health (no assessment yet) or PMO type (not routed yet) counts as {@code NONE}.
 * {@code budget} and {@code actualCost} are totals over the same projects. The KPIs are about projects not ENDED
 * ({@code activeProjects}, ACTIVE and ON_HOLD): {@code activeBudget}, {@code eac} (each one's latest status report's
 * estimate at completion, its budget before the first report) and {@code openCriticalRisks}.
 * {@code onTimeMilestoneRate} is the share of DONE milestones of the matching projects, ended ones too, done on
 * or before their due date; null when none is done.
 */
public record PortfolioSummary(
    long projects,
    Map<String, Long> phase,
    Map<String, Long> health,
    Map<String, Long> pmoType,
    BigDecimal budget,
    BigDecimal actualCost,
    long activeProjects,
    BigDecimal activeBudget,
    BigDecimal eac,
    long openCriticalRisks,
    BigDecimal onTimeMilestoneRate) {
}
