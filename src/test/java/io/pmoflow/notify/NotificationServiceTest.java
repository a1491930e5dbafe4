package io.pmoflow.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.pmoflow.process.ScenarioSupport;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Who a notification reaches, with which address, and that an occurrence never reaches anyone twice. */
class NotificationServiceTest extends ScenarioSupport {

  @Autowired NotificationService notifications;

  @Test
  void everyoneNamedOnceUnknownUsersLeftOutAndUsersWithoutAddressKeptInTheInbox() {
    // a group of its own, so that no other test's notifications change
    if (identityService.createGroupQuery().groupId("notify-test").count() == 0) {
      identityService.saveGroup(identityService.newGroup("notify-test"));
      identityService.createMembership("pat.pmo", "notify-test");
    }
    ensureUser("noa.notified", "notify-test");
    ensureUser("nia.noaddress");
    User noAddress = identityService.createUserQuery().userId("nia.noaddress").singleResult();
    noAddress.setEmail("");
    identityService.saveUser(noAddress);
    List<String> members = identityService.createUserQuery().memberOfGroup("notify-test").orderByUserId().asc().list()
        .stream().map(User::getId).toList();
    assertThat(members).contains("pat.pmo").hasSizeGreaterThan(1);
    String project = "NT-" + UUID.randomUUID().toString().substring(0, 8);

    NotificationRequest request = new NotificationRequest(project + ":step:0", NotificationKind.PHASE_CHANGED,
        List.of(Recipient.user("pat.pmo"), Recipient.group("notify-test"), Recipient.user("ghost.user"),
            Recipient.user("nia.noaddress"), Recipient.user("nia.noaddress"), Recipient.user(" ")),
        project, "/api/projects/" + project, Map.of("projectName", "Notify me", "phase", "PLANNING"));

    List<String> notified = notifications.notify(request);
    assertThat(notified).as("pat.pmo named first, the rest of the group once each, nia once, no ghost")
        .first().isEqualTo("pat.pmo");
    assertThat(notified).doesNotHaveDuplicates().doesNotContain("ghost.user")
        .containsExactlyInAnyOrderElementsOf(concat(members, "nia.noaddress"));
    List<String> expected = concat(members.stream().map(u -> u + ":" + u + "@pmo-flow.example:PENDING").toList(),
        "nia.noaddress:null:NO_ADDRESS");
    assertThat(rows(project)).as("each with their own address; without one, the inbox only")
        .containsExactlyInAnyOrderElementsOf(expected);

    assertThat(notifications.notify(request)).as("the same occurrence again reaches nobody").isEmpty();
    assertThat(rows(project)).containsExactlyInAnyOrderElementsOf(expected);
  }

  private static List<String> concat(List<String> users, String user) {
    return java.util.stream.Stream.concat(users.stream(), java.util.stream.Stream.of(user)).toList();
  }

  private List<String> rows(String project) {
    return jdbc.sql("select recipient, email, mail_status from pmo_notification where project_key = :p")
        .param("p", project)
        .query((rs, n) -> rs.getString(1) + ":" + rs.getString(2) + ":" + rs.getString(3)).list();
  }
}
