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
  public static final String CALL_CHARTER_GATE = "CallActivity_CharterGate";
  public static final String TASK_ENTER_PLANNING = "Task_EnterPlanning";
  public static final String TASK_DRAFT_PLAN = "Task_DraftPlan";
  public static final String CALL_PLAN_GATE = "CallActivity_PlanGate";
  public static final String TASK_FREEZE_BASELINE = "Task_FreezeBaseline";
  public static final String TASK_ENTER_EXECUTION = "Task_EnterExecution";
  public static final String SUBPROCESS_EXECUTION = "SubProcess_Execution";
  public static final String TASK_REPORT_WORK_PACKAGE_DONE = "Task_ReportWorkPackageDone";
  public static final String TASK_UPDATE_EXECUTION = "Task_UpdateExecution";
  public static final String CALL_CLOSURE_READINESS_GATE = "CallActivity_ClosureReadinessGate";
  public static final String TASK_ENTER_CLOSURE = "Task_EnterClosure";
  public static final String CALL_ACCEPTANCE_GATE = "CallActivity_AcceptanceGate";
  public static final String TASK_RETURN_TO_EXECUTION = "Task_ReturnToExecution";
  public static final String TASK_ARCHIVE_DOCUMENTS = "Task_ArchiveDocuments";
  public static final String TASK_CAPTURE_LESSONS = "Task_CaptureLessons";
  public static final String TASK_RELEASE_RESOURCES = "Task_ReleaseResources";
  public static final String TASK_CLOSE_PROJECT = "Task_CloseProject";
  public static final String TASK_CAPTURE_LESSONS_OF_STOPPED_PROJECT = "Task_CaptureLessonsOfStoppedProject";
  public static final String TASK_RELEASE_RESOURCES_OF_STOPPED_PROJECT = "Task_ReleaseResourcesOfStoppedProject";
  public static final String TASK_STOP_PROJECT = "Task_StopProject";
  public static final String TASK_RECORD_CANCELLATION = "Task_RecordCancellation";
  public static final String END_PROJECT_CLOSED = "EndEvent_ProjectClosed";
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

  public static final String PHASE = "phase";
  /** Read-only context of the charter form: lessons of similar ended projects (Markdown, may be empty). */
  public static final String SIMILAR_LESSONS = "similarLessons";
  public static final String TARGET_PHASE = "targetPhase";

  // planning
  public static final String PLANNED_START = "plannedStart";
  public static final String PLANNED_END = "plannedEnd";
  public static final String WORK_PACKAGES = "workPackages";
  public static final String PLAN_MILESTONES = "planMilestones";
  public static final String BUDGET_LINES = "budgetLines";
  public static final String RESOURCES = "resources";
  public static final String COMMUNICATIONS = "communications";
  public static final String PLAN_RISKS = "planRisks";
  public static final String QUALITY_STANDARDS = "qualityStandards";
  public static final String QUALITY_ACCEPTANCE_CRITERIA = "qualityAcceptanceCriteria";

  // resource conflicts at the plan gate
  public static final String TASK_RESOLVE_RESOURCE_CONFLICT = "Task_ResolveResourceConflict";
  public static final String RESOURCE_CONFLICT = "resourceConflict";
  public static final String RESOURCE_CONFLICTS = "resourceConflicts";
  public static final String CONFLICTING_PROJECTS = "conflictingProjects";
  public static final String RESOURCE_RESOLUTION = "resourceResolution";
  public static final String RESOLUTION_NOTE = "resolutionNote";

  // execution: the open work packages (JSON, one multi-instance round each) and the progress form
  public static final String OPEN_WORK_PACKAGES = "openWorkPackages";
  public static final String WORK_PACKAGE_ID = "workPackageId";
  public static final String COMPLETED_ON = "completedOn";
  public static final String ACTUAL_COST = "actualCost";
  public static final String COMPLETION_NOTE = "completionNote";
  public static final String MILESTONE_UPDATES = "milestoneUpdates";
  public static final String NEW_ISSUES = "newIssues";
  public static final String ISSUE_UPDATES = "issueUpdates";
  public static final String PROGRESS_NOTE = "progressNote";
  public static final String DELIVERABLES_READY = "deliverablesReady";

  // closure
  public static final String DOCUMENTS = "documents";
  public static final String LESSONS = "lessons";

  // handed back by each phaseGate call
  public static final String GATE_DECISION = "gateDecision";
  public static final String GATE_COMMENT = "gateComment";
  public static final String GATE_LABEL = "gateLabel";
  public static final String RECYCLE_REASON = "recycleReason";
}
