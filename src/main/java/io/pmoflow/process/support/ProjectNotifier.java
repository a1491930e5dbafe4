package io.pmoflow.process.support;

import io.pmoflow.notify.NotificationKind;
import io.pmoflow.notify.NotificationRequest;
import io.pmoflow.notify.NotificationService;
import io.pmoflow.notify.Recipient;
import io.pmoflow.project.ProjectService;
import io.pmoflow.project.ProjectSummary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Notifies about a project from a process step, keyed by the step's occurrence so a retry notifies no one twice. */
@Component
public class ProjectNotifier {

  private final NotificationService notifications;
  private final ProjectService projects;
  private final ProcessContext context;

  public ProjectNotifier(NotificationService notifications, ProjectService projects, ProcessContext context) {
    this.notifications = notifications;
    this.projects = projects;
    this.context = context;
  }

  public void notify(DelegateExecution execution, String projectKey, NotificationKind kind, List<Recipient> to,
      String link, Map<String, Object> extra) {
    ProjectSummary project = projects.require(projectKey);
    Map<String, Object> model = new HashMap<>(extra);
    model.put("projectName", project.name());
    model.put("pmoType", project.pmoType());
    notifications.notify(new NotificationRequest(context.occurrence(execution), kind, to, projectKey,
        link == null ? Links.project(projectKey) : link, model));
  }
}
