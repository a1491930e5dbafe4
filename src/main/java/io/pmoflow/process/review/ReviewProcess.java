package io.pmoflow.process.review;

/** Names of {@code portfolioReview} (CONTRACT §3): key, elements, variables. */
public final class ReviewProcess {
  private ReviewProcess() {
  }

  public static final String KEY = "portfolioReview";

  public static final String START_QUARTERLY_REVIEW_DUE = "StartEvent_QuarterlyReviewDue";
  public static final String TASK_REVIEW_PORTFOLIO = "Task_ReviewPortfolio";
  public static final String TASK_REPLAN_PROJECT = "Task_ReplanProject";
  public static final String END_REVIEW_COMPLETED = "EndEvent_ReviewCompleted";

  /** The user who started a review by hand (start event's initiator); none for the quarterly timer. */
  public static final String REVIEW_REQUESTER = "reviewRequester";
  public static final String REVIEW_ID = "reviewId";
  public static final String AGENDA_SUMMARY = "agendaSummary";
  public static final String AGENDA_HAS_ITEMS = "agendaHasItems";
  /** The board's form: one prefilled row per agenda item with its decision and comment. */
  public static final String AGENDA_DECISIONS = "agendaDecisions";
  public static final String REPLAN_ITEMS = "replanItems";
  public static final String REPLAN_PROJECT_KEY = "replanProjectKey";
  public static final String REPLAN_NOTE = "replanNote";
}
