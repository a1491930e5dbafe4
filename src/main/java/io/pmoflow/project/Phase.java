package io.pmoflow.project;

/** Lifecycle phases of a project (CONTRACT §5); the last three are terminal. */
public enum Phase {
  INTAKE, INITIATION, PLANNING, EXECUTION, CLOSURE, CLOSED, REJECTED, CANCELLED;

  public boolean isEnded() {
    return this == CLOSED || this == REJECTED || this == CANCELLED;
  }

  public ProjectStatus status() {
    return isEnded() ? ProjectStatus.ENDED : ProjectStatus.ACTIVE;
  }
}
