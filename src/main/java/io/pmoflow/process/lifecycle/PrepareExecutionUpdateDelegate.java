package io.pmoflow.process.lifecycle;

import static io.pmoflow.process.lifecycle.LifecycleProcess.*;

import io.pmoflow.process.support.JsonVariables;
import io.pmoflow.project.ProjectService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Fills the manager's progress form with the project's milestones and unfinished issues as they are now in the
 * store, and empties the fields of the previous round.
 */
@Component
public class PrepareExecutionUpdateDelegate implements JavaDelegate {

  private final ProjectService projects;

  public PrepareExecutionUpdateDelegate(ProjectService projects) {
    this.projects = projects;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = (String) execution.getVariable(PROJECT_KEY);
    execution.setVariable(MILESTONE_UPDATES, JsonVariables.rows(projects.milestones(key).stream().map(m -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("milestoneId", m.id());
      row.put("name", m.name());
      row.put("dueDate", m.dueDate().toString());
      row.put("status", m.status());
      row.put("actualDate", m.actualDate() == null ? null : m.actualDate().toString());
      row.put("waiverReason", m.waiverReason());
      return row;
    }).toList()));
    execution.setVariable(ISSUE_UPDATES, JsonVariables.rows(projects.issues(key).stream()
        .filter(i -> !"CLOSED".equals(i.status())).map(i -> {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("issueId", i.id());
          row.put("title", i.title());
          row.put("status", i.status());
          return row;
        }).toList()));
    execution.setVariable(NEW_ISSUES, JsonVariables.rows(List.of()));
    execution.setVariable(PROGRESS_NOTE, null);
    execution.setVariable(DELIVERABLES_READY, false);
  }
}
