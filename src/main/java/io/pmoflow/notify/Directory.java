package io.pmoflow.notify;

import java.util.List;
import java.util.Optional;

/** Resolves recipients: members of groups and users, each with the address mail goes to, one lookup each. */
public interface Directory {

  /** A user and their e-mail address ({@code null} when they have none: the notification stays in the inbox). */
  record Contact(String userId, String email) {
  }

  /** The group's members in user id order, with their addresses. */
  List<Contact> membersOf(String groupId);

  /** The user with their address; empty when there is no such user. */
  Optional<Contact> contact(String userId);
}
