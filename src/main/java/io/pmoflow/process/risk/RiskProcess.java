package io.pmoflow.process.risk;

/** Names of {@code riskEscalation} (CONTRACT §3): key, elements, variables. */
public final class RiskProcess {
  private RiskProcess() {
  }

  public static final String KEY = "riskEscalation";

  public static final String TASK_CHOOSE_RISK_RESPONSE = "Task_ChooseRiskResponse";
  public static final String TASK_REASSESS_HEALTH = "Task_ReassessHealth";
  public static final String END_RISK_RESPONDED = "EndEvent_RiskResponded";
  public static final String END_RISK_REGISTERED = "EndEvent_RiskRegistered";

  // start form (CONTRACT §3)
  public static final String PROJECT_KEY = "projectKey";
  public static final String RISK_TITLE = "riskTitle";
  public static final String PROBABILITY = "probability";
  public static final String IMPACT = "impact";
  public static final String MITIGATION = "mitigation";
  public static final String RISK_REPORTER = "riskReporter";

  public static final String RISK_ID = "riskId";
  public static final String RISK_ASSESSMENT = "riskAssessment";
  public static final String RISK_SCORE = "riskScore";
  public static final String RISK_SEVERITY = "riskSeverity";
  public static final String RISK_OWNER_GROUP = "riskOwnerGroup";
  public static final String RISK_NEEDS_RESPONSE = "riskNeedsResponse";
  /** A CRITICAL risk on a project that has been reported on: health is decided again at once. */
  public static final String REASSESS_HEALTH = "reassessHealth";
  public static final String RESPONSE_STRATEGY = "responseStrategy";
  public static final String RESPONSE_DUE_DATE = "responseDueDate";
  public static final String RESPONSE_NOTE = "responseNote";
}
