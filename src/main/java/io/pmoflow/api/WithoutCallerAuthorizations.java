package io.pmoflow.api;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs engine queries without the caller's authorizations, for calls that decided who may see the answer by
 * other means (a group, or the rule that every authenticated user may read a project's record). The caller's
 * authentication is put back afterwards, whatever happens.
 */
final class WithoutCallerAuthorizations {

  private WithoutCallerAuthorizations() {
  }

  static <T> T query(IdentityService identityService, Supplier<T> query) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return query.get();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }
}
