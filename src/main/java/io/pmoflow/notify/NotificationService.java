package io.pmoflow.notify;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes notifications into the outbox/inbox in the caller's transaction: a process step that rolls back
 * notifies nobody, and a step retried after a failure finds its notification already there and adds none.
 * Delivery by mail happens later, in {@link MailDispatcher}.
 */
@Service
public class NotificationService {

  private final NotificationRepository repository;
  private final Directory directory;
  private final NotifyProperties properties;
  private final Clock clock;
  private final Map<NotificationKind, Template> templates = new EnumMap<>(NotificationKind.class);

  public NotificationService(NotificationRepository repository, Directory directory, NotifyProperties properties,
      Clock clock) {
    this.repository = repository;
    this.directory = directory;
    this.properties = properties;
    this.clock = clock;
    for (NotificationKind kind : NotificationKind.values()) {
      templates.put(kind, Template.load(kind));
    }
  }

  /** Returns the user ids that got a new notification (empty when this occurrence was already notified). */
  @Transactional
  public List<String> notify(NotificationRequest request) {
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    String link = request.link() == null ? null : properties.baseUrl() + request.link();
    List<String> notified = new java.util.ArrayList<>();
    // one lookup per group or user named, one query for the duplicates of the whole occurrence
    Map<String, Directory.Contact> byDedupKey = new LinkedHashMap<>();
    for (Directory.Contact contact : resolve(request.recipients())) {
      byDedupKey.put(request.occurrence() + "|" + contact.userId() + "|" + request.kind(), contact);
    }
    Set<String> sent = repository.existing(byDedupKey.keySet());
    for (Map.Entry<String, Directory.Contact> entry : byDedupKey.entrySet()) {
      String dedupKey = entry.getKey();
      if (sent.contains(dedupKey)) {
        continue;
      }
      String user = entry.getValue().userId();
      Map<String, Object> model = new HashMap<>(request.model());
      model.put("recipient", user);
      model.put("projectKey", request.projectKey());
      model.put("link", link == null ? properties.baseUrl() : link);
      Template.Rendered rendered = templates.get(request.kind()).render(model);
      repository.insert(dedupKey, user, request.kind(), request.projectKey(), rendered, link,
          entry.getValue().email(), now);
      notified.add(user);
    }
    return notified;
  }

  /** Every user the recipients name, once each, in the order named; unknown users are left out. */
  private Collection<Directory.Contact> resolve(List<Recipient> recipients) {
    Map<String, Directory.Contact> users = new LinkedHashMap<>();
    for (Recipient r : recipients) {
      if (r.id() == null || r.id().isBlank()) {
        continue;
      }
      if (r.group()) {
        directory.membersOf(r.id()).forEach(c -> users.putIfAbsent(c.userId(), c));
      } else if (!users.containsKey(r.id())) {
        directory.contact(r.id()).ifPresent(c -> users.put(c.userId(), c));
      }
    }
    return users.values();
  }

  @Transactional(readOnly = true)
  public List<InboxItem> inbox(String userId, boolean unreadOnly) {
    return repository.inbox(userId, unreadOnly, 200);
  }

  /** Marks one of the user's own notifications read; false when the user has no such notification. */
  @Transactional
  public boolean markRead(String userId, long id) {
    return repository.markRead(id, userId, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
  }
}
