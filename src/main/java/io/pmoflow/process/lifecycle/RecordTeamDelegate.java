package io.pmoflow.process.lifecycle;

import static io.pmoflow.process.lifecycle.LifecycleProcess.*;

import io.pmoflow.process.support.Inputs;
import io.pmoflow.process.support.ProcessContext;
import io.pmoflow.project.ProjectService;
import io.pmoflow.project.TeamMember;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stores the project team (existing users, role, allocation). */
@Component
public class RecordTeamDelegate implements JavaDelegate {

  private final ProjectService projects;
  private final ProcessContext context;

  public RecordTeamDelegate(ProjectService projects, ProcessContext context) {
    this.projects = projects;
    this.context = context;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Inputs in = Inputs.of(execution);
    projects.recordTeam(in.text(PROJECT_KEY), in.rows(TEAM_MEMBERS).stream()
        .map(r -> new TeamMember(r.text("userId"), r.text("role"), r.requiredWhole("allocationPercent")))
        .toList(), context.actor());
    execution.removeVariable(TEAM_MEMBERS);
  }
}
