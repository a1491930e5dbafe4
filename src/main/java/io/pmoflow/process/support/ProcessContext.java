package io.pmoflow.process.support;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who is acting and which occurrence of a step this is — what every delegate needs besides its variables. */
@Component
public class ProcessContext {

  /** Actor recorded for steps no person took (async jobs, timers). */
  public static final String SYSTEM_ACTOR = "pmo-flow";

  private final IdentityService identityService;
  private final HistoryService historyService;

  public ProcessContext(IdentityService identityService, HistoryService historyService) {
    this.identityService = identityService;
    this.historyService = historyService;
  }

  /** The authenticated user (REST, Tasklist or Java API with an authentication set), else null. */
  public String currentUser() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  public String actor() {
    String user = currentUser();
    return user == null ? SYSTEM_ACTOR : user;
  }

  /**
   * Identifies this execution of the current activity: instance, activity and how many times the activity
   * finished before in this instance. A retry of the same step yields the same value; the next round of a loop
   * (e.g. screening after NEEDS_INFO) a new one. Counted without authorization checks so that it does not
   * depend on who completes the task.
   */
  public String occurrence(DelegateExecution execution) {
    String activityId = execution.getCurrentActivityId();
    long finishedBefore = Context.getCommandContext().runWithoutAuthorization(() ->
        historyService.createHistoricActivityInstanceQuery()
            .processInstanceId(execution.getProcessInstanceId())
            .activityId(activityId)
            .finished()
            .count());
    return execution.getProcessInstanceId() + ":" + activityId + ":" + finishedBefore;
  }
}
