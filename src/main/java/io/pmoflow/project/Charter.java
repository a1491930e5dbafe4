package io.pmoflow.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The project charter drafted by the project manager during initiation. */
public record Charter(
    String objectives,
    String scopeIn,
    String scopeOut,
    String deliverables,
    String acceptanceCriteria,
    BigDecimal budgetEstimate,
    String assumptions,
    String constraints,
    List<Milestone> milestones,
    List<Stakeholder> stakeholders) {

  public record Milestone(String name, LocalDate dueDate) {
  }

  public record Stakeholder(String name, String role) {
  }
}
