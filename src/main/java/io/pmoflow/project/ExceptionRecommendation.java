package io.pmoflow.project;

/** What an exception report recommends: a new plan (new baseline), carry on as planned, or stop the project. */
public enum ExceptionRecommendation { REPLAN, CONTINUE, CANCEL }
