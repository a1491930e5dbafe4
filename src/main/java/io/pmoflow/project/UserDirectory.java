package io.pmoflow.project;

/** The identities the project rules need to check; implemented on top of the engine's identity service. */
public interface UserDirectory {
  boolean userExists(String userId);

  boolean isMember(String userId, String groupId);
}
