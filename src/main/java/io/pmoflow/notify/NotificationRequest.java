package io.pmoflow.notify;

import java.util.List;
import java.util.Map;

/**
 * One notification to send. {@code occurrence} identifies the step that causes it (e.g. process instance,
 * activity and how often that activity ran before): the same occurrence never notifies a recipient twice.
 */
public record NotificationRequest(String occurrence, NotificationKind kind, List<Recipient> recipients,
    String projectKey, String link, Map<String, Object> model) {
}
