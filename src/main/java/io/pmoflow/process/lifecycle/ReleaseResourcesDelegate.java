package io.pmoflow.process.lifecycle;

import static io.pmoflow.process.lifecycle.LifecycleProcess.*;

import io.pmoflow.notify.NotificationKind;
import io.pmoflow.notify.Recipient;
import io.pmoflow.process.support.ProcessContext;
import io.pmoflow.process.support.ProjectNotifier;
import io.pmoflow.project.Phase;
import io.pmoflow.project.ProjectService;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Releases every team member and planned resource of the project and tells each of them. */
@Component
public class ReleaseResourcesDelegate implements JavaDelegate {

  private final ProjectService projects;
  private final ProjectNotifier notifier;

  public ReleaseResourcesDelegate(ProjectService projects, ProjectNotifier notifier) {
    this.projects = projects;
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = (String) execution.getVariable(PROJECT_KEY);
    List<String> released = projects.releaseResources(key, ProcessContext.SYSTEM_ACTOR);
    if (released.isEmpty()) {
      return;
    }
    String outcome = projects.require(key).phase() == Phase.CLOSURE ? "closing" : "stopped";
    notifier.notify(execution, key, NotificationKind.RESOURCE_RELEASED,
        released.stream().map(Recipient::user).toList(), null, Map.of("outcome", outcome));
  }
}
