package io.pmoflow.portfolio;

/** The board's decision on one agenda item: CONTINUE, REPLAN, PAUSE or CANCEL. */
public record ReviewDecision(String projectKey, String decision, String comment) {

  public enum Kind { CONTINUE, REPLAN, PAUSE, CANCEL }
}
