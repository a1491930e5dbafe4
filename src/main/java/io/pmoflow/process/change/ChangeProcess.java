package io.pmoflow.process.change;

/** Names of {@code changeRequest} (CONTRACT §3): key, elements, variables. */
public final class ChangeProcess {
  private ChangeProcess() {
  }

  public static final String KEY = "changeRequest";

  public static final String TASK_ASSESS_CHANGE_IMPACT = "Task_AssessChangeImpact";
  public static final String TASK_APPROVE_CHANGE_BY_MANAGER = "Task_ApproveChangeByManager";
  public static final String TASK_APPROVE_CHANGE_BY_GROUP = "Task_ApproveChangeByGroup";
  public static final String END_BASELINE_UPDATED = "EndEvent_BaselineUpdated";
  public static final String END_CHANGE_REJECTED = "EndEvent_ChangeRejected";

  // start form (CONTRACT §3)
  public static final String PROJECT_KEY = "projectKey";
  public static final String TITLE = "title";
  public static final String REASON = "reason";
  public static final String COST_IMPACT = "costImpact";
  public static final String SCHEDULE_IMPACT_DAYS = "scheduleImpactDays";
  public static final String SCOPE_IMPACT = "scopeImpact";
  /** The initiator (start event's camunda:initiator). */
  public static final String CHANGE_REQUESTER = "changeRequester";

  // the project's context for the forms, set when the change is registered
  public static final String PROJECT_NAME = "projectName";
  public static final String SPONSOR = "sponsor";
  public static final String PROJECT_MANAGER = "projectManager";
  public static final String PMO_TYPE = "pmoType";
  public static final String PHASE = "phase";

  public static final String CHANGE_ID = "changeId";
  public static final String IMPACT_ASSESSMENT = "impactAssessment";
  /** changeApproval input: the current baseline's budget. */
  public static final String BUDGET = "budget";
  public static final String CHANGE_APPROVAL = "changeApproval";
  public static final String CHANGE_APPROVER_IS_MANAGER = "changeApproverIsManager";
  public static final String CHANGE_APPROVER_GROUP = "changeApproverGroup";
  public static final String CHANGE_APPROVER = "changeApprover";
  public static final String APPROVAL_REASON = "approvalReason";
  public static final String DECISION = "decision";
  public static final String DECISION_COMMENT = "decisionComment";
  public static final String CHANGE_APPROVED = "changeApproved";
}
