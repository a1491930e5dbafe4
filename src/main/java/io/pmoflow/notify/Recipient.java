package io.pmoflow.notify;

/** A user or every member of a group. */
public record Recipient(boolean group, String id) {
  public static Recipient user(String userId) {
    return new Recipient(false, userId);
  }

  public static Recipient group(String groupId) {
    return new Recipient(true, groupId);
  }
}
