package io.pmoflow.process.gate;

/**
 * Names of {@code phaseGate}, the stage gate every phase of {@code projectLifecycle} ends with (a call
 * activity): key, elements and variables.
 */
public final class PhaseGateProcess {
  private PhaseGateProcess() {
  }

  public static final String KEY = "phaseGate";

  public static final String TASK_CHECK_GATE_CRITERIA = "Task_CheckGateCriteria";
  public static final String TASK_DETERMINE_GATE_APPROVERS = "Task_DetermineGateApprovers";
  public static final String TASK_REVIEW_GATE = "Task_ReviewGate";
  public static final String TASK_SIGN_OFF_BY_SPONSOR = "Task_SignOffGateBySponsor";
  public static final String TASK_SIGN_OFF_BY_GROUP = "Task_SignOffGateByGroup";
  public static final String TASK_PUT_PROJECT_ON_HOLD = "Task_PutProjectOnHold";
  public static final String TASK_RESUME_PROJECT = "Task_ResumeProject";
  public static final String TASK_REMIND_OF_HELD_PROJECT = "Task_RemindOfHeldProject";
  public static final String BOUNDARY_HOLD_REMINDER_DUE = "BoundaryEvent_HoldReminderDue";
  public static final String END_GATE_DECIDED = "EndEvent_GateDecided";

  // handed in by the lifecycle
  public static final String PROJECT_KEY = "projectKey";
  public static final String PROJECT_NAME = "projectName";
  public static final String SPONSOR = "sponsor";
  public static final String REQUESTER = "requester";
  public static final String PROJECT_MANAGER = "projectManager";
  public static final String PMO_TYPE = "pmoType";
  public static final String PMO_MODEL = "pmoModel";
  public static final String GATE = "gate";
  /** The calling activity's name, e.g. "Charter gate": how people see the gate. */
  public static final String GATE_LABEL = "gateLabel";

  // gateApproval input besides the above
  public static final String BUDGET = "budget";

  // routing, set from the decision by PrepareGateDelegate
  public static final String GATE_POLICY = "gatePolicy";
  public static final String GATE_SUMMARY = "gateSummary";
  public static final String GATE_REVIEW_REQUIRED = "gateReviewRequired";
  public static final String GATE_REVIEW_GROUP = "gateReviewGroup";
  public static final String GATE_REVIEW_ADVISORY = "gateReviewAdvisory";
  public static final String GATE_APPROVER_IS_SPONSOR = "gateApproverIsSponsor";
  public static final String GATE_APPROVER_GROUP = "gateApproverGroup";

  // task forms
  public static final String DECISION = "decision";
  public static final String DECISION_COMMENT = "decisionComment";
  public static final String RESUME_COMMENT = "resumeComment";

  // the review as context for the sign-off, and the outcome handed back to the lifecycle
  public static final String STEP = "step";
  public static final String REVIEW_DECISION = "reviewDecision";
  public static final String REVIEW_COMMENT = "reviewComment";
  public static final String REVIEW_DECIDES_GATE = "reviewDecidesGate";
  public static final String GATE_DECISION = "gateDecision";
  public static final String GATE_COMMENT = "gateComment";
  public static final String RECYCLE_REASON = "recycleReason";
  public static final String HOLD_REASON = "holdReason";
}
