package io.pmoflow.process.support;

import io.pmoflow.project.ForbiddenActionException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * Who may hold a task, for every user task of every model, in one place (added when the models are parsed, so no
 * model can forget it):
 * <ul>
 *   <li>Separation of duties on every approval (every task whose form has a {@code decision}): whoever submitted
 *   what it decides never decides it. When the task is created the submitter's permissions on it are revoked (a
 *   user's REVOKE outranks their group's GRANT), so they neither see, claim nor complete it and the engine answers
 *   403; a task the model would assign to the submitter (a manager's own change, a sponsor who manages the
 *   project) goes to the {@code pmo} queue instead; assigning it to them, or completing it as them (an operator
 *   past the authorizations), is refused with 403 and changes nothing.</li>
 *   <li>A task with candidates (users or groups) is assigned only to one of its candidate users or a member of
 *   one of its candidate groups; anyone else is refused with 403.</li>
 * </ul>
 * The portfolio review ({@code Task_ReviewPortfolio}) has a decision but approves nobody's submission: the board
 * decides on the portfolio, and a board member who started the review by hand still takes part.
 */
@Component
public class SeparationOfDuties extends AbstractProcessEnginePlugin {

  /** Every approval task → the variable naming who submitted what it decides. */
  public static final Map<String, String> SUBMITTER = Map.of(
      "Task_ScreenRequest", "requester",
      "Task_ReviewGate", "projectManager",
      "Task_SignOffGateBySponsor", "projectManager",
      "Task_SignOffGateByGroup", "projectManager",
      "Task_ApproveChangeByManager", "changeRequester",
      "Task_ApproveChangeByGroup", "changeRequester",
      "Task_ReviewRecoveryPlan", "projectManager",
      "Task_DecideException", "projectManager");

  /** Where an approval goes that the model would have assigned to its own submitter. */
  public static final String FALLBACK_GROUP = "pmo";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    UserTaskParsing.onEveryUserTask(configuration, (activity, task) -> {
      task.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, SeparationOfDuties::checkCandidate);
      String submitter = SUBMITTER.get(activity.getId());
      if (submitter != null) {
        task.addTaskListener(TaskListener.EVENTNAME_CREATE, t -> keepOut(t, submitter));
        task.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, t -> refuse(t, submitter, t.getAssignee()));
        task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, t -> refuse(t, submitter, completingUser(t)));
      }
    });
  }

  private static void keepOut(DelegateTask task, String submitterVariable) {
    String submitter = submitter(task, submitterVariable);
    if (submitter == null) {
      return;
    }
    AuthorizationService authorizations = task.getProcessEngineServices().getAuthorizationService();
    // a task the model assigned to the submitter came with their own GRANT on it (Camunda's default for assignees),
    // created a moment ago in this command; it would equal the REVOKE below, so it goes
    DbEntityManager entities = Context.getCommandContext().getDbEntityManager();
    entities.getCachedEntitiesByType(AuthorizationEntity.class).stream()
        .filter(a -> submitter.equals(a.getUserId()) && task.getId().equals(a.getResourceId())
            && a.getResourceType() == Resources.TASK.resourceType())
        .forEach(entities::delete);
    Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId(submitter);
    revoke.setResource(Resources.TASK);
    revoke.setResourceId(task.getId());
    revoke.removePermission(Permissions.ALL);
    // whoever triggers this may not create authorizations; the process may. It goes away with the task.
    Context.getCommandContext().runWithoutAuthorization(() -> authorizations.saveAuthorization(revoke));
    if (submitter.equals(task.getAssignee())) {
      task.setAssignee(null);
      task.addCandidateGroup(FALLBACK_GROUP);
      task.getProcessEngineServices().getTaskService().createComment(task.getId(), task.getProcessInstanceId(),
          "Separation of duties: " + submitter + " submitted this and cannot decide it; the PMO decides");
    }
  }

  private static void refuse(DelegateTask task, String submitterVariable, String user) {
    String submitter = submitter(task, submitterVariable);
    if (user != null && user.equals(submitter)) {
      throw forbidden("Separation of duties: " + user + " submitted what '" + task.getName()
          + "' decides (" + submitterVariable + " of " + task.getVariable("projectKey") + ") and cannot decide it");
    }
  }

  /**
   * The engine wraps a listener's exception into ENGINE-03051 (a 500 over REST); {@code EngineRestErrors} turns
   * these two kinds of refusal ("Separation of duties: …", "assignee: …") into 403. The refusal rolls the
   * assignment or completion back.
   */
  private static ForbiddenActionException forbidden(String message) {
    return new ForbiddenActionException(message);
  }

  private static String submitter(DelegateTask task, String variable) {
    Object value = task.getVariable(variable);
    return value instanceof String s && !s.isBlank() ? s : null;
  }

  private static String completingUser(DelegateTask task) {
    Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return current != null && current.getUserId() != null ? current.getUserId() : task.getAssignee();
  }

  private static void checkCandidate(DelegateTask task) {
    String assignee = task.getAssignee();
    if (assignee == null) {
      return;
    }
    Set<String> users = task.getCandidates().stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
        .map(IdentityLink::getUserId).filter(u -> u != null).collect(Collectors.toSet());
    Set<String> groups = task.getCandidates().stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
        .map(IdentityLink::getGroupId).filter(g -> g != null).collect(Collectors.toSet());
    if ((users.isEmpty() && groups.isEmpty()) || users.contains(assignee)) {
      return;
    }
    IdentityService identity = task.getProcessEngineServices().getIdentityService();
    boolean member = Context.getCommandContext().runWithoutAuthorization(() ->
        identity.createGroupQuery().groupMember(assignee).list().stream().anyMatch(g -> groups.contains(g.getId())));
    if (!member) {
      throw forbidden("assignee: " + assignee + " is neither a candidate of '" + task.getName()
          + "' nor a member of its groups " + groups.stream().sorted().toList());
    }
  }
}
