package io.pmoflow.project;

/** Outcomes of approval-type tasks (CONTRACT §3). Which ones a task accepts depends on the task. */
public enum Decision { APPROVED, REJECTED, NEEDS_INFO, ON_HOLD, RECYCLE }
