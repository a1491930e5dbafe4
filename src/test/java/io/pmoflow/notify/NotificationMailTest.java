package io.pmoflow.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.pmoflow.process.ScenarioSupport;
import io.pmoflow.process.intake.IntakeProcess;
import io.pmoflow.process.intake.StartLifecycleDelegate;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/** Notifications by e-mail through a real SMTP server (GreenMail) started by the test. */
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=" + NotificationMailTest.SMTP_PORT})
class NotificationMailTest extends ScenarioSupport {

  static final int SMTP_PORT = 32525;

  @RegisterExtension
  static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

  @Autowired MailDispatcher dispatcher;
  @MockitoSpyBean StartLifecycleDelegate startLifecycle;

  @Test
  void approvalMailsTheRequesterAndTheSponsorInTextAndHtmlWithALink() throws Exception {
    String key = approve("Mail me");
    assertThat(dispatcher.dispatchDue()).isEqualTo(2);

    MimeMessage[] mails = smtp.getReceivedMessages();
    assertThat(recipients(mails)).containsExactlyInAnyOrder("rae.requester@pmo-flow.example",
        "sam.sponsor@pmo-flow.example");
    MimeMessage mail = mails[0];
    assertThat(mail.getSubject()).isEqualTo("Project " + key + " approved: Mail me");
    String body = GreenMailUtil.getBody(mail);
    assertThat(body).contains("text/plain").contains("text/html")
        .contains("http://localhost:8080/api/projects/" + key);
    assertThat(statuses(key)).containsOnly("SENT");
    assertThat(dispatcher.dispatchDue()).as("nothing is sent twice").isZero();
    assertThat(smtp.getReceivedMessages()).hasSize(2);
  }

  @Test
  void aStepRetriedAfterAFailureNotifiesExactlyOnce() {
    doThrow(new IllegalStateException("lifecycle start failed once")).doCallRealMethod()
        .when(startLifecycle).execute(any());
    ProcessInstance intake = startIntake("rae.requester", request("Retry me"));
    String key = projectKey(intake);
    complete("pat.pmo", intake, IntakeProcess.TASK_SCREEN_REQUEST, decision("APPROVED", null));

    Job job = managementService.createJobQuery().processInstanceId(intake.getId()).singleResult();
    assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("failed once");
    assertThat(managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isEqualTo(2);
    assertThat(notifications(key)).as("the failed step's notifications rolled back with it").isEmpty();
    assertThat(phaseOf(key)).isEqualTo("INTAKE");

    managementService.executeJob(job.getId());
    assertThat(notifications(key)).containsExactly("rae.requester:REQUEST_APPROVED",
        "sam.sponsor:REQUEST_APPROVED");
    dispatcher.dispatchDue();
    dispatcher.dispatchDue();
    assertThat(smtp.getReceivedMessages()).hasSize(2);
  }

  @Test
  void whenTheSmtpServerIsDownMailsWaitAndAreRetriedThenAllArriveOnce() {
    smtp.stop();
    String key = approve("SMTP outage");
    assertThat(dispatcher.dispatchDue()).isZero();
    assertThat(statuses(key)).containsOnly("PENDING");
    assertThat(jdbc.sql("select mail_attempts from pmo_notification where project_key = :k").param("k", key)
        .query(Integer.class).list()).containsOnly(1);
    assertThat(jdbc.sql("select mail_last_error from pmo_notification where project_key = :k").param("k", key)
        .query(String.class).list()).allSatisfy(e -> assertThat(e).isNotBlank());
    assertThat(dispatcher.dispatchDue()).as("still down").isZero();

    smtp.start();
    assertThat(dispatcher.dispatchDue()).isEqualTo(2);
    assertThat(smtp.getReceivedMessages()).hasSize(2);
    assertThat(statuses(key)).containsOnly("SENT");
    assertThat(jdbc.sql("select mail_attempts from pmo_notification where project_key = :k").param("k", key)
        .query(Integer.class).list()).containsOnly(3);
  }

  private String approve(String name) {
    ProcessInstance intake = startIntake("rae.requester", request(name));
    complete("pat.pmo", intake, IntakeProcess.TASK_SCREEN_REQUEST, decision("APPROVED", null));
    executeAsyncJobs(intake);
    return intake.getBusinessKey();
  }

  private List<String> statuses(String key) {
    return jdbc.sql("select mail_status from pmo_notification where project_key = :k").param("k", key)
        .query(String.class).list();
  }

  private static List<String> recipients(MimeMessage[] mails) {
    return Arrays.stream(mails).map(m -> {
      try {
        return m.getAllRecipients()[0].toString();
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }
}
