package io.pmoflow.config;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The demo identities of CONTRACT §2 (password {@code demo}); only where {@code pmo.demo-data=true}. */
@Component
@ConditionalOnProperty(name = "pmo.demo-data", havingValue = "true")
public class DemoData {

  static final String PASSWORD = "demo";

  record DemoUser(String id, String firstName, String lastName, String group) {
  }

  static final List<DemoUser> USERS = List.of(
      new DemoUser("pat.pmo", "Pat", "PMO", AccessSetup.PMO),
      new DemoUser("bob.board", "Bob", "Board", AccessSetup.PORTFOLIO_BOARD),
      new DemoUser("mia.manager", "Mia", "Manager", AccessSetup.PROJECT_MANAGERS),
      new DemoUser("sam.sponsor", "Sam", "Sponsor", AccessSetup.SPONSORS),
      new DemoUser("rae.requester", "Rae", "Requester", AccessSetup.REQUESTERS));

  private final IdentityService identityService;

  public DemoData(IdentityService identityService) {
    this.identityService = identityService;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(2)
  public void seed() {
    for (DemoUser demo : USERS) {
      if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
        User user = identityService.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.id() + "@pmo-flow.example");
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
        identityService.createMembership(demo.id(), demo.group());
      }
    }
  }
}
