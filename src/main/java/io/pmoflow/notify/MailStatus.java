package io.pmoflow.notify;

/** Where the e-mail copy of a notification stands. PENDING and SENDING rows are (re)tried; none is dropped. */
public enum MailStatus {
  PENDING, SENDING, SENT,
  /** No SMTP server configured: the mail was written to the log; the inbox copy is unaffected. */
  LOGGED,
  /** The recipient has no e-mail address; the inbox copy is unaffected. */
  NO_ADDRESS
}
