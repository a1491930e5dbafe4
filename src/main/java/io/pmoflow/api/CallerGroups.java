package io.pmoflow.api;

import io.pmoflow.project.ForbiddenActionException;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Calls reserved to a few groups (the PMO and operators): 403 for everyone else who is logged in. */
final class CallerGroups {

  private CallerGroups() {
  }

  /** @param what the subject of the refusal, e.g. "Overdue tasks are visible to" */
  static void require(IdentityService identityService, Set<String> allowed, String what) {
    Authentication caller = identityService.getCurrentAuthentication();
    if (caller == null || caller.getGroupIds() == null
        || caller.getGroupIds().stream().noneMatch(allowed::contains)) {
      throw new ForbiddenActionException(what + " the groups " + allowed.stream().sorted().toList() + " only");
    }
  }
}
