package io.pmoflow.process.support;

/** Paths (relative to {@code pmo.notify.base-url}) that notifications link to. */
public final class Links {
  private Links() {
  }

  public static String task(String taskId) {
    return "/camunda/app/tasklist/default/#/?task=" + taskId;
  }

  public static String tasklist() {
    return "/camunda/app/tasklist/default/";
  }

  public static String report(String projectKey) {
    return "/api/projects/" + projectKey + "/report";
  }

  public static String project(String projectKey) {
    return "/api/projects/" + projectKey;
  }
}
