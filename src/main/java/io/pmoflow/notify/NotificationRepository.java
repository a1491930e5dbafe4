package io.pmoflow.notify;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class NotificationRepository {

  private final JdbcClient jdbc;

  NotificationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Which of these deduplication keys already have their notification: one query per 500 keys (a group of any
   * size stays under the drivers' limits on bind parameters).
   */
  Set<String> existing(Collection<String> dedupKeys) {
    Set<String> found = new HashSet<>();
    List<String> keys = new ArrayList<>(dedupKeys);
    for (int from = 0; from < keys.size(); from += 500) {
      found.addAll(jdbc.sql("select dedup_key from pmo_notification where dedup_key in (:keys)")
          .param("keys", keys.subList(from, Math.min(keys.size(), from + 500))).query(String.class).list());
    }
    return found;
  }

  void insert(String dedupKey, String recipient, NotificationKind kind, String projectKey, Template.Rendered r,
      String link, String email, OffsetDateTime now) {
    jdbc.sql("""
        insert into pmo_notification (dedup_key, recipient, kind, project_key, subject, body_text, body_html, link,
          created_at, email, mail_status, mail_attempts, mail_next_attempt_at)
        values (:key, :recipient, :kind, :project, :subject, :text, :html, :link, :now, :email, :status, 0, :now)
        """)
        .param("key", dedupKey).param("recipient", recipient).param("kind", kind.name())
        .param("project", projectKey).param("subject", r.subject()).param("text", r.text())
        .param("html", r.html()).param("link", link).param("now", now).param("email", email)
        .param("status", email == null ? MailStatus.NO_ADDRESS.name() : MailStatus.PENDING.name())
        .update();
  }

  List<Long> dueForMail(OffsetDateTime now, int limit) {
    return jdbc.sql("""
        select id from pmo_notification
        where (mail_status = 'PENDING' and mail_next_attempt_at <= :now)
           or (mail_status = 'SENDING' and mail_locked_until < :now)
        order by id limit :limit
        """)
        .param("now", now).param("limit", limit).query(Long.class).list();
  }

  /** Mails waiting to be sent or being sent: the outbox backlog. */
  long mailBacklog() {
    return jdbc.sql("select count(*) from pmo_notification where mail_status in ('PENDING', 'SENDING')")
        .query(Long.class).single();
  }

  /** Takes a row for sending; false when another node (or an earlier run) already has it. */
  boolean claim(long id, OffsetDateTime now, OffsetDateTime lockedUntil) {
    return jdbc.sql("""
        update pmo_notification set mail_status = 'SENDING', mail_locked_until = :until
        where id = :id and ((mail_status = 'PENDING' and mail_next_attempt_at <= :now)
                         or (mail_status = 'SENDING' and mail_locked_until < :now))
        """)
        .param("id", id).param("now", now).param("until", lockedUntil).update() == 1;
  }

  OutgoingMail load(long id) {
    return jdbc.sql("select id, email, subject, body_text, body_html, mail_attempts from pmo_notification where id = :id")
        .param("id", id)
        .query((rs, n) -> new OutgoingMail(rs.getLong("id"), rs.getString("email"), rs.getString("subject"),
            rs.getString("body_text"), rs.getString("body_html"), rs.getInt("mail_attempts")))
        .single();
  }

  void markDelivered(long id, MailStatus status, OffsetDateTime now) {
    jdbc.sql("""
        update pmo_notification set mail_status = :status, mail_sent_at = :now, mail_locked_until = null,
          mail_attempts = mail_attempts + 1, mail_last_error = null
        where id = :id
        """)
        .param("status", status.name()).param("now", now).param("id", id).update();
  }

  void markFailed(long id, String error, OffsetDateTime nextAttempt) {
    jdbc.sql("""
        update pmo_notification set mail_status = 'PENDING', mail_attempts = mail_attempts + 1,
          mail_last_error = :error, mail_next_attempt_at = :next, mail_locked_until = null
        where id = :id
        """)
        .param("error", error).param("next", nextAttempt).param("id", id).update();
  }

  List<InboxItem> inbox(String recipient, boolean unreadOnly, int limit) {
    return jdbc.sql("select id, kind, project_key, subject, body_text, link, created_at, read_at from pmo_notification"
            + " where recipient = :recipient" + (unreadOnly ? " and read_at is null" : "")
            + " order by id desc limit :limit")
        .param("recipient", recipient).param("limit", limit)
        .query((rs, n) -> new InboxItem(rs.getLong("id"), NotificationKind.valueOf(rs.getString("kind")),
            rs.getString("project_key"), rs.getString("subject"), rs.getString("body_text"), rs.getString("link"),
            rs.getObject("created_at", OffsetDateTime.class), rs.getObject("read_at", OffsetDateTime.class)))
        .list();
  }

  boolean markRead(long id, String recipient, OffsetDateTime now) {
    return jdbc.sql("""
        update pmo_notification set read_at = coalesce(read_at, :now) where id = :id and recipient = :recipient
        """)
        .param("now", now).param("id", id).param("recipient", recipient).update() == 1;
  }

  record OutgoingMail(long id, String email, String subject, String text, String html, int attempts) {
  }
}
