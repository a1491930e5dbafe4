package io.pmoflow.process.monitoring;

/**
 * Names of {@code projectMonitoring}, the status-report cycle that runs beside the work during execution (a
 * call activity of the lifecycle): key, elements, variables.
 */
public final class MonitoringProcess {
  private MonitoringProcess() {
  }

  public static final String KEY = "projectMonitoring";

  public static final String TIMER_STATUS_REPORT_DUE = "IntermediateCatchEvent_StatusReportDue";
  public static final String TASK_SUBMIT_STATUS_REPORT = "Task_SubmitStatusReport";
  public static final String BOUNDARY_STATUS_REPORT_LATE = "BoundaryEvent_StatusReportLate";
  public static final String BOUNDARY_STATUS_REPORT_OVERDUE = "BoundaryEvent_StatusReportOverdue";
  public static final String TASK_DRAFT_RECOVERY_PLAN = "Task_DraftRecoveryPlan";
  public static final String TASK_REVIEW_RECOVERY_PLAN = "Task_ReviewRecoveryPlan";
  public static final String TASK_INFORM_PMO_OF_RED_HEALTH = "Task_InformPmoOfRedHealth";
  public static final String TASK_FILE_EXCEPTION_REPORT = "Task_FileExceptionReport";
  public static final String TASK_DECIDE_EXCEPTION = "Task_DecideException";
  public static final String END_PROJECT_CANCELLED_BY_EXCEPTION = "EndEvent_ProjectCancelledByException";

  // handed in by the lifecycle
  public static final String PROJECT_KEY = "projectKey";
  public static final String SPONSOR = "sponsor";
  public static final String PROJECT_MANAGER = "projectManager";
  public static final String PMO_TYPE = "pmoType";
  public static final String STATUS_REPORT_CADENCE = "statusReportCadence";

  // status report form and its figures
  public static final String STATUS_REPORT_CONTEXT = "statusReportContext";
  public static final String PERCENT_COMPLETE = "percentComplete";
  public static final String ACTUAL_COST_TO_DATE = "actualCostToDate";
  public static final String NARRATIVE = "narrative";
  public static final String NEXT_STEPS = "nextSteps";
  public static final String STATUS_REPORT_ID = "statusReportId";
  public static final String COST_VARIANCE_PERCENT = "costVariancePercent";
  public static final String SCHEDULE_VARIANCE_DAYS = "scheduleVarianceDays";

  // projectHealth decision
  public static final String SPI = "spi";
  public static final String CPI = "cpi";
  public static final String OPEN_CRITICAL_RISKS = "openCriticalRisks";
  public static final String HEALTH_RESULT = "healthResult";
  public static final String HEALTH = "health";
  public static final String HEALTH_EXPLANATION = "healthExplanation";

  // recovery plan
  public static final String RECOVERY_ACTIONS = "recoveryActions";
  public static final String RECOVERY_TARGET_DATE = "recoveryTargetDate";
  public static final String RECOVERY_PLAN_APPROVED = "recoveryPlanApproved";
  public static final String DECISION = "decision";
  public static final String DECISION_COMMENT = "decisionComment";

  // tolerances and exception reports
  public static final String TOLERANCE = "tolerance";
  public static final String TOLERANCE_BREACHED = "toleranceBreached";
  public static final String TOLERANCE_BREACH = "toleranceBreach";
  public static final String TOLERANCE_OWNER = "toleranceOwner";
  public static final String EXCEPTION_CAUSE = "exceptionCause";
  public static final String EXCEPTION_OPTIONS = "exceptionOptions";
  public static final String EXCEPTION_RECOMMENDATION = "exceptionRecommendation";
  public static final String PROPOSED_BUDGET = "proposedBudget";
  public static final String PROPOSED_END = "proposedEnd";
  public static final String EXCEPTION_REPORT_ID = "exceptionReportId";
  public static final String EXCEPTION_OUTCOME = "exceptionOutcome";
  public static final String EXCEPTION_COMMENT = "exceptionComment";
}
