package io.pmoflow.process.support;

import io.pmoflow.project.ProjectSummary;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The project's context every task form shows (name, phase, PMO type, sponsor, manager), for processes that
 * are started for an existing project (change requests, risks) rather than by the lifecycle.
 */
public final class ProjectContextVariables {
  private ProjectContextVariables() {
  }

  /**
   * Binds an instance started for an existing project to it: the project key becomes business key and variable
   * {@code projectKey}, and the forms get the project's context.
   */
  public static void bind(DelegateExecution execution, ProjectSummary project) {
    execution.setProcessBusinessKey(project.key());
    execution.setVariable("projectKey", project.key());
    set(execution, project);
  }

  public static void set(DelegateExecution execution, ProjectSummary project) {
    execution.setVariable("projectName", project.name());
    execution.setVariable("sponsor", project.sponsor());
    execution.setVariable("projectManager", project.projectManager());
    execution.setVariable("pmoType", project.pmoType() == null ? null : project.pmoType().name());
    execution.setVariable("phase", project.phase().name());
  }
}
