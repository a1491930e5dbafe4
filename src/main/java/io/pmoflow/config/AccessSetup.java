package io.pmoflow.config;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import io.pmoflow.process.review.ReviewProcess;
import io.pmoflow.process.support.DeadlineWatcher;
import io.pmoflow.process.support.SeparationOfDuties;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The groups of CONTRACT §2, what every authenticated user may do, and the Tasklist filters. Idempotent: runs at
 * every start, on every profile, and only adds what is missing. Task visibility itself comes from the engine:
 * candidate groups and assignees get READ and TASK_WORK on their tasks, nobody else does. Nobody but
 * {@code camunda-admin} (all permissions, granted by the starter's admin-user setup) may deploy.
 */
@Component
public class AccessSetup {

  public static final String PMO = "pmo";
  public static final String PORTFOLIO_BOARD = "portfolio-board";
  public static final String PROJECT_MANAGERS = "project-managers";
  public static final String SPONSORS = "sponsors";
  public static final String REQUESTERS = "requesters";

  static final Map<String, String> GROUPS = Map.of(
      PMO, "Project management office",
      PORTFOLIO_BOARD, "Portfolio board",
      PROJECT_MANAGERS, "Project managers",
      SPONSORS, "Project sponsors",
      REQUESTERS, "Project requesters");

  /** The tasks "My approvals" lists: every task whose form decides (approves or rejects) something. */
  static final List<String> APPROVALS = Stream.concat(SeparationOfDuties.SUBMITTER.keySet().stream(),
      Stream.of(ReviewProcess.TASK_REVIEW_PORTFOLIO)).sorted().toList();

  /** Processes any authenticated user may start (CONTRACT §2). */
  static final List<String> STARTABLE_BY_ALL = List.of("projectIntake", "changeRequest", "riskEscalation");

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;

  public AccessSetup(IdentityService identityService, AuthorizationService authorizationService,
      FilterService filterService, TaskService taskService) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(1)
  public void setUp() {
    GROUPS.forEach((id, name) -> {
      if (identityService.createGroupQuery().groupId(id).count() == 0) {
        Group group = identityService.newGroup(id);
        group.setName(name);
        group.setType("WORKFLOW");
        identityService.saveGroup(group);
      }
    });
    for (String key : STARTABLE_BY_ALL) {
      grantGlobal(Resources.PROCESS_DEFINITION, key, Permissions.READ, Permissions.CREATE_INSTANCE);
    }
    grantGlobal(Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
    grantGlobal(Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    grantGlobal(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    // names in assignee pickers and the sponsor / project manager checks of the forms
    grantGlobal(Resources.USER, ANY, Permissions.READ);
    grantGlobal(Resources.GROUP, ANY, Permissions.READ);
    // Tasklist's "unclaim" needs TASK_ASSIGN (candidates only get TASK_WORK): the queue groups may release and
    // hand out tasks; a user's REVOKE (separation of duties) still outranks it
    for (String queue : List.of(PMO, PORTFOLIO_BOARD)) {
      grantGroup(queue, Resources.TASK, ANY, Permissions.TASK_ASSIGN);
    }
    // the PMO and the board may start a portfolio review by hand (Tasklist "Start process")
    for (String group : List.of(PMO, PORTFOLIO_BOARD)) {
      grantGroup(group, Resources.PROCESS_DEFINITION, "portfolioReview", Permissions.READ, Permissions.CREATE_INSTANCE);
    }
    // the PMO may cancel a project (Msg_ProjectCancelled), which ends its lifecycle and the gate it is at
    for (String key : List.of("projectLifecycle", "phaseGate")) {
      grantGroup(PMO, Resources.PROCESS_DEFINITION, key, Permissions.READ_INSTANCE, Permissions.UPDATE_INSTANCE);
    }

    // Authorizations already limit every list to the user's own and group tasks, so one filter serves every role
    // (and stored-query expressions are off: "Overdue" reads the marker DeadlineWatcher sets, not ${now()}).
    filter("My tasks", "Tasks assigned to me or to my groups", -10, null, query -> { });
    filter("My approvals", "Decisions waiting for me or my groups: screenings, gates, changes, recovery plans, "
        + "exceptions and portfolio reviews", -5, null,
        query -> query.taskDefinitionKeyIn(APPROVALS.toArray(String[]::new)));
    filter("PMO queue", "Everything waiting for the PMO", 0, PMO, query -> query.taskCandidateGroup(PMO));
    filter("Board queue", "Everything waiting for the portfolio board", 10, PORTFOLIO_BOARD,
        query -> query.taskCandidateGroup(PORTFOLIO_BOARD));
    filter("Overdue", "My and my groups' tasks past their due date, escalated to the PMO or the board", 20, null,
        query -> query.taskVariableValueEquals(DeadlineWatcher.OVERDUE, true));
  }

  /**
   * Creates the filter when no filter has its name (an operator may edit a filter in Tasklist: it is kept), and
   * lets the group, or everyone, read it.
   */
  private void filter(String name, String description, int priority, String group, Consumer<TaskQuery> criteria) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      TaskQuery query = taskService.createTaskQuery();
      criteria.accept(query);
      query.orderByDueDate().asc().orderByTaskCreateTime().desc();
      filter = filterService.newTaskFilter(name).setQuery(query)
          .setProperties(Map.of("description", description, "priority", priority, "refresh", true));
      filterService.saveFilter(filter);
    }
    if (group == null) {
      grantGlobal(Resources.FILTER, filter.getId(), Permissions.READ);
    } else {
      grantGroup(group, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }

  private void grantGlobal(Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GLOBAL)
        .userIdIn(ANY).resourceType(resource).resourceId(resourceId).singleResult();
    Authorization authorization = existing != null ? existing
        : authorizationService.createNewAuthorization(AUTH_TYPE_GLOBAL);
    if (existing == null) {
      authorization.setUserId(ANY);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    save(authorization, permissions);
  }

  private void grantGroup(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
    Authorization authorization = existing != null ? existing
        : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    if (existing == null) {
      authorization.setGroupId(group);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    save(authorization, permissions);
  }

  private void save(Authorization authorization, Permission... permissions) {
    boolean missing = false;
    for (Permission p : permissions) {
      if (!authorization.isPermissionGranted(p)) {
        authorization.addPermission(p);
        missing = true;
      }
    }
    if (missing || authorization.getId() == null) {
      authorizationService.saveAuthorization(authorization);
    }
  }
}
