package io.pmoflow.process.lifecycle;

import static io.pmoflow.process.lifecycle.LifecycleProcess.*;

import io.pmoflow.process.support.JsonVariables;
import io.pmoflow.portfolio.SimilarLessons;
import io.pmoflow.project.ProjectDetails;
import io.pmoflow.project.ProjectService;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Prepares the charter form: lessons learned by similar ended projects (same business unit or PMO type) as
 * read-only context, and — for a charter sent back by its gate — the charter, team and initial risks recorded in
 * the store, so the initiation forms are reworked, not retyped. The first time round there is nothing to put back.
 */
@Component
public class PrepareInitiationDelegate implements JavaDelegate {

  private final ProjectService projects;
  private final SimilarLessons lessons;

  public PrepareInitiationDelegate(ProjectService projects, SimilarLessons lessons) {
    this.projects = projects;
    this.lessons = lessons;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = (String) execution.getVariable(PROJECT_KEY);
    execution.setVariable(SIMILAR_LESSONS, similarLessons(key));
    ProjectDetails project = projects.details(key);
    ProjectDetails.CharterView charter = project.charter();
    if (charter == null) {
      return;
    }
    execution.setVariable(OBJECTIVES, charter.objectives());
    execution.setVariable(SCOPE_IN, charter.scopeIn());
    execution.setVariable(SCOPE_OUT, charter.scopeOut());
    execution.setVariable(DELIVERABLES, charter.deliverables());
    execution.setVariable(ACCEPTANCE_CRITERIA, charter.acceptanceCriteria());
    execution.setVariable(BUDGET_ESTIMATE, charter.budgetEstimate().doubleValue());
    execution.setVariable(ASSUMPTIONS, charter.assumptions());
    execution.setVariable(CONSTRAINTS, charter.constraints());
    execution.setVariable(MILESTONES, JsonVariables.rows(project.milestones().stream()
        .map(m -> row("name", m.name(), "dueDate", m.dueDate().toString())).toList()));
    execution.setVariable(STAKEHOLDERS, JsonVariables.rows(charter.stakeholders().stream()
        .map(s -> row("name", s.name(), "role", s.role())).toList()));
    execution.setVariable(TEAM_MEMBERS, JsonVariables.rows(project.team().stream()
        .map(m -> row("userId", m.userId(), "role", m.role(), "allocationPercent", m.allocationPercent())).toList()));
    execution.setVariable(RISKS, JsonVariables.rows(project.risks().stream()
        .filter(r -> ProjectService.INITIAL_RISK_SOURCE.equals(r.source()))
        .map(r -> row("title", r.title(), "probability", r.probability(), "impact", r.impact(),
            "response", r.response())).toList()));
  }

  /** Markdown for the charter form; empty when no similar project has ended with lessons yet. */
  private String similarLessons(String key) {
    StringBuilder md = new StringBuilder();
    for (SimilarLessons.Lesson l : lessons.forProject(key)) {
      md.append("- **").append(l.projectName()).append("** (").append(l.projectKey()).append(", ")
          .append(l.category().toLowerCase(java.util.Locale.ROOT)).append("): ")
          .append(l.recommendation().replaceAll("\\s+", " ")).append('\n');
    }
    return md.toString();
  }

  private static Map<String, Object> row(Object... keyValues) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      row.put((String) keyValues[i], keyValues[i + 1]);
    }
    return row;
  }
}
