package io.pmoflow.process.lifecycle;

import static io.pmoflow.process.lifecycle.LifecycleProcess.*;

import io.pmoflow.process.support.JsonVariables;
import io.pmoflow.project.ProjectService;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Prefills the plan form's milestones with the charter's, the first time. A plan sent back by its gate keeps
 * the variables the manager submitted, so the form reopens as it was left.
 */
@Component
public class PreparePlanDelegate implements JavaDelegate {

  private final ProjectService projects;

  public PreparePlanDelegate(ProjectService projects) {
    this.projects = projects;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (execution.getVariable(PLAN_MILESTONES) != null) {
      return;
    }
    String key = (String) execution.getVariable(PROJECT_KEY);
    execution.setVariable(PLAN_MILESTONES, JsonVariables.rows(projects.milestonesForPlanning(key).stream()
        .map(m -> {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("name", m.name());
          row.put("dueDate", m.dueDate() == null ? null : m.dueDate().toString());
          return row;
        }).toList()));
  }
}
