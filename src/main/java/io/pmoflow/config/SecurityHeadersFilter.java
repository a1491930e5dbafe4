package io.pmoflow.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on everything the application itself serves ({@code /api/**}, {@code /engine-rest/**}, the
 * dashboard, errors), set before the authentication filters so that refusals carry them too: no MIME sniffing, no
 * framing, a content security policy, and, in production ({@code pmo.security.hsts}), Strict-Transport-Security.
 * The Camunda webapps under {@code /camunda/**} get theirs from Camunda's own header filter
 * ({@code camunda.bpm.webapp.header-security}); a second policy there would narrow theirs and break them.
 */
public class SecurityHeadersFilter extends OncePerRequestFilter {

  /** JSON and the report's HTML need nothing from elsewhere; Swagger UI under /api/docs needs inline styles. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; style-src 'self' 'unsafe-inline'; "
      + "img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
  static final String HSTS = "max-age=31536000; includeSubDomains";

  private final boolean hsts;

  public SecurityHeadersFilter(boolean hsts) {
    this.hsts = hsts;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (hsts) {
      response.setHeader("Strict-Transport-Security", HSTS);
    }
    if (!request.getRequestURI().startsWith(request.getContextPath() + "/camunda/")) {
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setHeader("X-Frame-Options", "DENY");
      response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
      response.setHeader("Referrer-Policy", "same-origin");
    }
    chain.doFilter(request, response);
  }
}
