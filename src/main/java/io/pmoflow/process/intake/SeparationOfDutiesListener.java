package io.pmoflow.process.intake;

import io.pmoflow.project.ProjectService;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * Separation of duties on the screening task: a requester never screens their own request, whatever groups they
 * are in. On {@code create} the requester's permissions on this very task are revoked (a user's REVOKE outranks
 * their group's GRANT), so they do not see it and claiming or completing it is refused with 403 by the engine's
 * own authorization check; the authorization goes away with the task. On {@code assignment} (e.g. an admin
 * assigning it to them) the assignment is refused. The screening delegate checks the deciding user once more.
 */
@Component
public class SeparationOfDutiesListener implements TaskListener {

  private final ProjectService projects;
  private final AuthorizationService authorizationService;

  public SeparationOfDutiesListener(ProjectService projects, AuthorizationService authorizationService) {
    this.projects = projects;
    this.authorizationService = authorizationService;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      revokeRequester(task);
    } else {
      projects.checkMayScreen((String) task.getVariable(IntakeProcess.PROJECT_KEY), task.getAssignee());
    }
  }

  private void revokeRequester(DelegateTask task) {
    String requester = (String) task.getVariable(IntakeProcess.REQUESTER);
    Authorization revoke = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId(requester);
    revoke.setResource(Resources.TASK);
    revoke.setResourceId(task.getId());
    revoke.removePermission(Permissions.ALL);
    // the requester, who triggers this, may not create authorizations; the process may
    Context.getCommandContext().runWithoutAuthorization(() -> authorizationService.saveAuthorization(revoke));
  }
}
