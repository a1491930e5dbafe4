package io.pmoflow.api;

import io.pmoflow.config.BasicCredentials;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code /api/**}: HTTP Basic against the engine's identity service, or, for reading only, the
 * session of a user logged in to the Camunda webapps (so the dashboard works after a Tasklist login without a
 * second prompt; writes need Basic, which a cross-site form cannot send). The user and their groups are set as
 * the engine's current authentication for the request. Anonymous calls get 401, with a Basic challenge unless
 * they come from a script ({@code X-Requested-With: XMLHttpRequest}).
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

  public static final String USER_ATTRIBUTE = ApiAuthenticationFilter.class.getName() + ".user";
  static final String ENGINE = "default";

  private final IdentityService identityService;

  public ApiAuthenticationFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String userId = BasicCredentials.checkedUser(request, identityService);
    if (userId == null && "GET".equals(request.getMethod())) {
      userId = sessionUser(request.getSession(false));
    }
    if (userId == null) {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
        // a script (the dashboard, whose session expired) shows its own login; a challenge would make the browser
        // pop up its password dialog over it
        response.setHeader("WWW-Authenticate", "Basic realm=\"PMO Flow\"");
      }
      response.setContentType("application/json");
      response.getWriter().write("{\"status\":401,\"error\":\"Unauthorized\",\"message\":\"Log in with HTTP Basic\"}");
      return;
    }
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).toList();
    identityService.setAuthentication(userId, groups);
    request.setAttribute(USER_ATTRIBUTE, userId);
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static String sessionUser(HttpSession session) {
    if (session == null) {
      return null;
    }
    Authentication authentication = AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(ENGINE);
    return authentication == null ? null : authentication.getIdentityId();
  }
}
