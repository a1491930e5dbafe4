package io.pmoflow.config;

import io.pmoflow.notify.Directory;
import io.pmoflow.project.UserDirectory;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Users and groups as the engine's identity service knows them (the same identities log in to the webapps
 * and the APIs). Queries here run inside engine commands whose authorization is that of the caller, so
 * membership is looked up with the identity service's own queries, which need no extra grants.
 */
@Component
public class CamundaDirectory implements UserDirectory, Directory {

  private final IdentityService identityService;

  public CamundaDirectory(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public boolean userExists(String userId) {
    return userId != null && identityService.createUserQuery().userId(userId).count() == 1;
  }

  @Override
  public boolean isMember(String userId, String groupId) {
    return identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 1;
  }

  @Override
  public List<Contact> membersOf(String groupId) {
    return identityService.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list().stream()
        .map(CamundaDirectory::contact).toList();
  }

  @Override
  public Optional<Contact> contact(String userId) {
    return Optional.ofNullable(identityService.createUserQuery().userId(userId).singleResult())
        .map(CamundaDirectory::contact);
  }

  private static Contact contact(User user) {
    String email = user.getEmail();
    return new Contact(user.getId(), email == null || email.isBlank() ? null : email);
  }
}
