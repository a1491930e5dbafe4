package io.pmoflow.process.lifecycle;

import static io.pmoflow.process.lifecycle.LifecycleProcess.*;

import io.pmoflow.process.support.Inputs;
import io.pmoflow.process.support.ProcessContext;
import io.pmoflow.project.Lesson;
import io.pmoflow.project.ProjectService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stores the lessons learned where every project can search them (GET /api/lessons). */
@Component
public class RecordLessonsDelegate implements JavaDelegate {

  private final ProjectService projects;
  private final ProcessContext context;

  public RecordLessonsDelegate(ProjectService projects, ProcessContext context) {
    this.projects = projects;
    this.context = context;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Inputs in = Inputs.of(execution);
    projects.recordLessons(in.text(PROJECT_KEY), in.rows(LESSONS).stream()
        .map(r -> new Lesson(r.text("category"), r.text("wentWell"), r.text("toImprove"), r.text("recommendation")))
        .toList(), context.actor());
    execution.removeVariable(LESSONS);
  }
}
