package io.pmoflow.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The project plan drafted in planning: schedule, work packages, milestones, budget, resources, communication,
 * risks and quality. Submitting it again (after a recycled plan gate) replaces the earlier one.
 */
public record Plan(
    LocalDate plannedStart,
    LocalDate plannedEnd,
    List<WorkPackage> workPackages,
    List<Charter.Milestone> milestones,
    List<BudgetLine> budget,
    List<ResourceAssignment> resources,
    List<Communication> communications,
    List<RiskInput> risks,
    String qualityStandards,
    String qualityAcceptanceCriteria) {

  public record WorkPackage(String name, String owner, BigDecimal estimateDays, LocalDate start, LocalDate end) {
  }

  public record BudgetLine(String category, BigDecimal amount) {
  }

  public record ResourceAssignment(String role, String userId, Integer allocationPercent) {
  }

  public record Communication(String audience, String content, String channel, String frequency) {
  }
}
