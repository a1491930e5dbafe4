package io.pmoflow.project;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A project with everything recorded about it, oldest history first. */
public record ProjectDetails(
    @JsonUnwrapped ProjectSummary summary,
    Request request,
    String requester,
    String intakeApproverGroup,
    String statusReportCadence,
    OffsetDateTime createdAt,
    CharterView charter,
    List<MilestoneView> milestones,
    List<TeamMember> team,
    List<RiskView> risks,
    List<HistoryEntry> history,
    List<Object> changes,
    List<Object> statusReports) {

  public record Request(String description, BigDecimal estimatedBudget, int strategicAlignment, Level complexity,
      Level riskLevel, boolean crossDepartmental, boolean regulatory, LocalDate requestedStart,
      LocalDate requestedEnd) {
  }

  public record HistoryEntry(String type, Phase phase, String actor, String decision, String comment,
      OffsetDateTime at) {
  }

  public record CharterView(String objectives, String scopeIn, String scopeOut, String deliverables,
      String acceptanceCriteria, BigDecimal budgetEstimate, String assumptions, String constraints,
      List<Charter.Stakeholder> stakeholders, String recordedBy, OffsetDateTime recordedAt) {
  }

  public record MilestoneView(String name, LocalDate dueDate, LocalDate actualDate, String status) {
  }

  public record RiskView(long id, String title, int probability, int impact, int score, String response,
      String status, String source, OffsetDateTime createdAt) {
  }
}
