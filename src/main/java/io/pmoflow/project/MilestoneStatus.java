package io.pmoflow.project;

public enum MilestoneStatus {
  PLANNED, DONE, WAIVED;

  /** DONE and WAIVED milestones no longer stand in the way of closure. */
  public boolean isSettled() {
    return this != PLANNED;
  }
}
