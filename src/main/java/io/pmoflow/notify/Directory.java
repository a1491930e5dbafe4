package io.pmoflow.notify;

import java.util.List;
import java.util.Optional;

/** Resolves recipients: members of groups and users' e-mail addresses. */
public interface Directory {
  List<String> membersOf(String groupId);

  Optional<String> emailOf(String userId);

  boolean userExists(String userId);
}
