package io.pmoflow.process.lifecycle;

import static io.pmoflow.process.lifecycle.LifecycleProcess.*;

import io.pmoflow.process.support.Inputs;
import io.pmoflow.process.support.ProcessContext;
import io.pmoflow.project.DocumentLink;
import io.pmoflow.project.ProjectService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the project's documents as archived; from then on the project is read-only. */
@Component
public class RecordArchiveDelegate implements JavaDelegate {

  private final ProjectService projects;
  private final ProcessContext context;

  public RecordArchiveDelegate(ProjectService projects, ProcessContext context) {
    this.projects = projects;
    this.context = context;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Inputs in = Inputs.of(execution);
    projects.archiveDocuments(in.text(PROJECT_KEY), in.rows(DOCUMENTS).stream()
        .map(r -> new DocumentLink(r.text("title"), r.text("url"))).toList(), context.actor());
    execution.removeVariable(DOCUMENTS);
  }
}
