package io.pmoflow.project;

/** A project's lifecycle was started while another instance of it still runs. */
public class LifecycleAlreadyRunningException extends RuntimeException {

  public LifecycleAlreadyRunningException(String key, String processInstanceId) {
    super("Project " + key + " already has a running lifecycle (process instance " + processInstanceId
        + "); a project has one lifecycle at a time");
  }
}
