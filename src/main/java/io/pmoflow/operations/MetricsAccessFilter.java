package io.pmoflow.operations;

import io.pmoflow.config.BasicCredentials;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /actuator/prometheus}: HTTP Basic against the engine's identity service, and only members of the
 * operators' group ({@code pmo.operations.metrics-group}, {@code camunda-admin}) may read it. The metrics name
 * processes and groups and count their work: that is operational data, not for every user. Anonymous → 401,
 * anyone else → 403.
 */
public class MetricsAccessFilter extends OncePerRequestFilter {

  private final IdentityService identityService;
  private final String group;

  public MetricsAccessFilter(IdentityService identityService, String group) {
    this.identityService = identityService;
    this.group = group;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String user = BasicCredentials.checkedUser(request, identityService);
    if (user == null) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"PMO Flow metrics\"");
      refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "Log in with HTTP Basic");
      return;
    }
    if (identityService.createGroupQuery().groupMember(user).groupId(group).count() == 0) {
      refuse(response, HttpServletResponse.SC_FORBIDDEN, "Metrics are for members of " + group);
      return;
    }
    chain.doFilter(request, response);
  }

  private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.getWriter().write("{\"status\":" + status + ",\"message\":\"" + message + "\"}");
  }
}
