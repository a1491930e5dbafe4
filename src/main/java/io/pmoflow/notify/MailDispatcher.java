package io.pmoflow.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the e-mail copy of committed notifications. Each row is claimed with a lease before sending, so
 * several nodes can run this side by side; a failed send is retried with exponential backoff (capped), never
 * dropped. Without an SMTP host ({@code spring.mail.host}) mails are written to the log instead.
 */
@Component
public class MailDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(MailDispatcher.class);

  /** Header naming the notification (outbox row id) a mail delivers. */
  public static final String NOTIFICATION_HEADER = "X-PMO-Notification";

  private final NotificationRepository repository;
  private final ObjectProvider<JavaMailSender> mailSender;
  private final NotifyProperties properties;
  private final Clock clock;

  public MailDispatcher(NotificationRepository repository, ObjectProvider<JavaMailSender> mailSender,
      NotifyProperties properties, Clock clock) {
    this.repository = repository;
    this.mailSender = mailSender;
    this.properties = properties;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${pmo.notify.poll-interval}", initialDelayString = "${pmo.notify.poll-interval}")
  public void dispatchScheduled() {
    dispatchDue();
  }

  /** Mails not yet delivered (waiting, retrying or being sent), for the backlog gauge. */
  public long backlog() {
    return repository.mailBacklog();
  }

  /** Sends what is due now; returns how many mails were delivered (sent or logged). */
  public int dispatchDue() {
    OffsetDateTime now = now();
    int delivered = 0;
    for (long id : repository.dueForMail(now, properties.batchSize())) {
      if (repository.claim(id, now, now.plus(properties.sendLease())) && deliver(repository.load(id))) {
        delivered++;
      }
    }
    return delivered;
  }

  private boolean deliver(NotificationRepository.OutgoingMail mail) {
    JavaMailSender sender = mailSender.getIfAvailable();
    if (sender == null) {
      LOG.info("No SMTP server configured; mail to {}: {}\n{}", mail.email(), mail.subject(), mail.text());
      repository.markDelivered(mail.id(), MailStatus.LOGGED, now());
      return true;
    }
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(properties.from());
      helper.setTo(mail.email());
      helper.setSubject(mail.subject());
      helper.setText(mail.text(), mail.html());
      // the outbox row: lets an operator (and the cluster test) trace a mail back to the notification it carries
      message.setHeader(NOTIFICATION_HEADER, String.valueOf(mail.id()));
      sender.send(message);
      repository.markDelivered(mail.id(), MailStatus.SENT, now());
      return true;
    } catch (MailException | MessagingException e) {
      Duration delay = backoff(mail.attempts() + 1);
      LOG.warn("Mail {} to {} failed (attempt {}), retrying in {}: {}", mail.id(), mail.email(),
          mail.attempts() + 1, delay, e.getMessage());
      repository.markFailed(mail.id(), truncate(e.getMessage()), now().plus(delay));
      return false;
    }
  }

  Duration backoff(int attempt) {
    Duration delay = properties.retryBase().multipliedBy(1L << Math.min(attempt - 1, 20));
    return delay.compareTo(properties.retryMax()) > 0 ? properties.retryMax() : delay;
  }

  private static String truncate(String message) {
    String m = message == null ? "unknown error" : message;
    return m.length() > 2000 ? m.substring(0, 2000) : m;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }
}
