package io.pmoflow.project;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A project with everything recorded about it, oldest history first. */
public record ProjectDetails(
    @JsonUnwrapped ProjectSummary summary,
    String healthExplanation,
    Request request,
    String requester,
    String intakeApproverGroup,
    String statusReportCadence,
    OffsetDateTime createdAt,
    CharterView charter,
    List<MilestoneView> milestones,
    List<TeamMemberView> team,
    List<RiskView> risks,
    List<HistoryEntry> history,
    List<ChangeView> changes,
    List<StatusReportView> statusReports,
    List<ExceptionReportView> exceptionReports,
    List<RecoveryPlanView> recoveryPlans,
    PlanView plan,
    List<WorkPackageView> workPackages,
    List<Baseline> baselines,
    List<IssueView> issues,
    List<DocumentView> documents,
    List<LessonView> lessons,
    boolean archived) {

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

  /** Status PLANNED, DONE (with the actual date) or WAIVED (with the reason). */
  public record MilestoneView(long id, String name, LocalDate dueDate, LocalDate actualDate, String status,
      String waiverReason) {
  }

  /** A team member; {@code releasedAt} is set when closure hands the person back. */
  public record TeamMemberView(String userId, String role, int allocationPercent, OffsetDateTime releasedAt) {
  }

  /** The recorded plan; its milestones, risks and work packages are listed beside it in the project. */
  public record PlanView(LocalDate plannedStart, LocalDate plannedEnd, List<Plan.BudgetLine> budget,
      BigDecimal budgetTotal, List<ResourceView> resources, List<Plan.Communication> communications,
      String qualityStandards, String qualityAcceptanceCriteria, String recordedBy, OffsetDateTime recordedAt) {
  }

  public record ResourceView(String role, String userId, int allocationPercent, OffsetDateTime releasedAt) {
  }

  public record DocumentView(long id, String title, String url, String archivedBy, OffsetDateTime archivedAt) {
  }

  /**
   * A risk of the register. {@code response} is the response or mitigation its reporter proposed; severity and
   * owner (a group id or PROJECT_MANAGER) are what riskAssessment decided, null until the risk is assessed; the
   * response strategy, due date and note are the owner's choice for an escalated risk.
   */
  public record RiskView(long id, String title, int probability, int impact, int score, String response,
      String status, String source, OffsetDateTime createdAt, String severity, String owner,
      String responseStrategy, LocalDate responseDue, String responseNote) {
  }
}
