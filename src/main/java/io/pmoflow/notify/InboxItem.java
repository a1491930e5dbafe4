package io.pmoflow.notify;

import java.time.OffsetDateTime;

/** A notification as the recipient sees it in the in-app inbox. */
public record InboxItem(long id, NotificationKind kind, String projectKey, String subject, String text, String link,
    OffsetDateTime createdAt, OffsetDateTime readAt) {
}
