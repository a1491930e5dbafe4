package io.pmoflow.project;

/** The actor may not take this action on this project (e.g. separation of duties). */
public class ForbiddenActionException extends RuntimeException {
  public ForbiddenActionException(String message) {
    super(message);
  }
}
