package io.pmoflow.process.intake;

/** Names of {@code projectIntake}: key, elements, variables. Tests and delegates use these, never literals. */
public final class IntakeProcess {
  private IntakeProcess() {
  }

  public static final String KEY = "projectIntake";

  public static final String TASK_RECORD_REQUEST = "Task_RecordRequest";
  public static final String TASK_SCREEN_REQUEST = "Task_ScreenRequest";
  public static final String TASK_AMEND_REQUEST = "Task_AmendRequest";
  public static final String TASK_APPROVE_PROJECT = "Task_ApproveProject";
  public static final String TASK_REJECT_REQUEST = "Task_RejectRequest";
  public static final String TASK_REMIND_APPROVERS = "Task_RemindApprovers";
  public static final String TASK_ESCALATE_SCREENING = "Task_EscalateScreening";
  public static final String BOUNDARY_SCREENING_REMINDER = "BoundaryEvent_ScreeningReminder";
  public static final String BOUNDARY_SCREENING_OVERDUE = "BoundaryEvent_ScreeningOverdue";
  public static final String END_PROJECT_INITIATED = "EndEvent_ProjectInitiated";
  public static final String END_REQUEST_REJECTED = "EndEvent_RequestRejected";

  // start form fields (CONTRACT §3)
  public static final String PROJECT_NAME = "projectName";
  public static final String DESCRIPTION = "description";
  public static final String BUSINESS_UNIT = "businessUnit";
  public static final String SPONSOR = "sponsor";
  public static final String ESTIMATED_BUDGET = "estimatedBudget";
  public static final String STRATEGIC_ALIGNMENT = "strategicAlignment";
  public static final String COMPLEXITY = "complexity";
  public static final String RISK_LEVEL = "riskLevel";
  public static final String CROSS_DEPARTMENTAL = "crossDepartmental";
  public static final String REGULATORY = "regulatory";
  public static final String REQUESTED_START = "requestedStart";
  public static final String REQUESTED_END = "requestedEnd";

  // set by the process
  public static final String REQUESTER = "requester";
  public static final String PROJECT_KEY = "projectKey";
  public static final String GOVERNANCE = "governance";
  public static final String PMO_TYPE = "pmoType";
  public static final String INTAKE_APPROVER_GROUP = "intakeApproverGroup";
  public static final String STATUS_REPORT_CADENCE = "statusReportCadence";

  // task forms
  public static final String DECISION = "decision";
  public static final String DECISION_COMMENT = "decisionComment";
  public static final String AMENDMENT_NOTE = "amendmentNote";
}
