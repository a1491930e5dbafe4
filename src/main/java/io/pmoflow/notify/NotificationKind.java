package io.pmoflow.notify;

/** What a notification is about; each kind has a template {@code notify/templates/<kind>.tmpl}. */
public enum NotificationKind {
  SCREENING_REMINDER,
  SCREENING_ESCALATION,
  REQUEST_NEEDS_INFO,
  REQUEST_APPROVED,
  REQUEST_REJECTED,
  PROJECT_MANAGER_ASSIGNED,
  GATE_INFORMED,
  PROJECT_STOPPED,
  PROJECT_CANCELLED,
  GATE_DECIDED,
  PHASE_CHANGED,
  PROJECT_ON_HOLD,
  HOLD_REMINDER,
  PROJECT_RESUMED,
  RESOURCE_RELEASED,
  PROJECT_CLOSED
}
