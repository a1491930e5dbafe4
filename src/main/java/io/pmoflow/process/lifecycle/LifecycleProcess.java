package io.pmoflow.process.lifecycle;

/** Names of {@code projectLifecycle}: key, elements, messages, variables. */
public final class LifecycleProcess {
  private LifecycleProcess() {
  }

  public static final String KEY = "projectLifecycle";
  public static final String MESSAGE_PROJECT_CANCELLED = "Msg_ProjectCancelled";

  public static final String TASK_ASSIGN_PM_BY_PMO = "Task_AssignProjectManagerByPmo";
  public static final String TASK_ASSIGN_PM_BY_SPONSOR = "Task_AssignProjectManagerBySponsor";
  public static final String TASK_DRAFT_CHARTER = "Task_DraftCharter";
  public static final String TASK_ASSEMBLE_TEAM = "Task_AssembleTeam";
  public static final String TASK_ASSESS_INITIAL_RISKS = "Task_AssessInitialRisks";
  public static final String TASK_REVIEW_CHARTER = "Task_ReviewCharter";
  public static final String TASK_APPROVE_CHARTER_BY_SPONSOR = "Task_ApproveCharterBySponsor";
  public static final String TASK_APPROVE_CHARTER_BY_GROUP = "Task_ApproveCharterByGroup";
  public static final String TASK_ENTER_PLANNING = "Task_EnterPlanning";
  public static final String TASK_STOP_PROJECT = "Task_StopProject";
  public static final String TASK_RECORD_CANCELLATION = "Task_RecordCancellation";
  public static final String END_PROJECT_IN_PLANNING = "EndEvent_ProjectInPlanning";
  public static final String END_PROJECT_STOPPED = "EndEvent_ProjectStopped";
  public static final String END_PROJECT_CANCELLED = "EndEvent_ProjectCancelled";

  // handed over by projectIntake
  public static final String PROJECT_KEY = "projectKey";
  public static final String SPONSOR = "sponsor";
  public static final String REQUESTER = "requester";
  public static final String PMO_TYPE = "pmoType";
  public static final String PMO_MODEL = "pmoModel";
  public static final String STATUS_REPORT_CADENCE = "statusReportCadence";
  // display context for the task forms' project summary
  public static final String PROJECT_NAME = "projectName";
  public static final String BUSINESS_UNIT = "businessUnit";
  public static final String ESTIMATED_BUDGET = "estimatedBudget";

  // task forms
  public static final String PROJECT_MANAGER = "projectManager";
  public static final String OBJECTIVES = "objectives";
  public static final String SCOPE_IN = "scopeIn";
  public static final String SCOPE_OUT = "scopeOut";
  public static final String DELIVERABLES = "deliverables";
  public static final String ACCEPTANCE_CRITERIA = "acceptanceCriteria";
  public static final String MILESTONES = "milestones";
  public static final String STAKEHOLDERS = "stakeholders";
  public static final String BUDGET_ESTIMATE = "budgetEstimate";
  public static final String ASSUMPTIONS = "assumptions";
  public static final String CONSTRAINTS = "constraints";
  public static final String TEAM_MEMBERS = "teamMembers";
  public static final String RISKS = "risks";
  public static final String DECISION = "decision";
  public static final String DECISION_COMMENT = "decisionComment";
  public static final String CANCELLATION_REASON = "cancellationReason";

  // gate routing (DMN gateApproval, flattened by PrepareGateDelegate)
  public static final String GATE = "gate";
  public static final String STEP = "step";
  public static final String TARGET_PHASE = "targetPhase";
  public static final String GATE_POLICY = "gatePolicy";
  public static final String GATE_REVIEW_REQUIRED = "gateReviewRequired";
  public static final String GATE_REVIEW_GROUP = "gateReviewGroup";
  public static final String GATE_REVIEW_ADVISORY = "gateReviewAdvisory";
  public static final String GATE_APPROVER_IS_SPONSOR = "gateApproverIsSponsor";
  public static final String GATE_APPROVER_GROUP = "gateApproverGroup";
  public static final String REVIEW_STOPS_GATE = "reviewStopsGate";
  public static final String REVIEW_DECISION = "reviewDecision";
  public static final String REVIEW_COMMENT = "reviewComment";
}
