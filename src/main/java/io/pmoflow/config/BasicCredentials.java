package io.pmoflow.config;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;

/** HTTP Basic credentials checked against the Camunda identity service (shared by /api and /actuator/prometheus). */
public final class BasicCredentials {

  private BasicCredentials() {
  }

  /** The user of a valid {@code Authorization: Basic} header, or null (no header, malformed, wrong password). */
  public static String checkedUser(HttpServletRequest request, IdentityService identityService) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon < 1) {
      return null;
    }
    String user = decoded.substring(0, colon);
    return identityService.checkPassword(user, decoded.substring(colon + 1)) ? user : null;
  }
}
