package io.pmoflow.process.lifecycle;

import static io.pmoflow.process.lifecycle.LifecycleProcess.*;

import io.pmoflow.process.support.JsonVariables;
import io.pmoflow.project.ProjectService;
import io.pmoflow.project.WorkPackageView;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Lists the work packages still open (a project sent back into execution does not reassign finished ones) for
 * the multi-instance "Report work package done": one task per package, to its owner, due at its planned end.
 */
@Component
public class AssignWorkPackagesDelegate implements JavaDelegate {

  private final ProjectService projects;

  public AssignWorkPackagesDelegate(ProjectService projects) {
    this.projects = projects;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = (String) execution.getVariable(PROJECT_KEY);
    execution.setVariable(OPEN_WORK_PACKAGES, JsonVariables.rows(projects.workPackages(key).stream()
        .filter(w -> !"DONE".equals(w.status()))
        .map(AssignWorkPackagesDelegate::row).toList()));
  }

  private static Map<String, Object> row(WorkPackageView w) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", w.id());
    row.put("name", w.name());
    row.put("owner", w.owner());
    row.put("start", w.plannedStart().toString());
    row.put("end", w.plannedEnd().toString());
    row.put("estimateDays", w.estimateDays());
    return row;
  }
}
