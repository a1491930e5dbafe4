package io.pmoflow.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The portfolio dashboard (CONTRACT §1: {@code /}, same login as the webapps). Every route of the page — the
 * portfolio, a project, the capacity heat map — serves the same shell from {@code static/dashboard/}. The shell
 * holds no data: it shows a login form until the browser has a webapp session, and its data comes from
 * {@code /api/**}, which checks that session itself. This mapping outranks the starter's redirect of {@code /}
 * to the webapps' welcome page ({@code camunda.bpm.webapp.index-redirect-enabled}), a view controller.
 */
@Controller
public class DashboardController {

  /** Everything the page loads is its own (no CDN); style attributes carry the heat map's and bars' colours. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
      + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
      + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  @GetMapping({"/", "/projects/{key}", "/capacity"})
  public String shell(HttpServletResponse response) {
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("Cache-Control", "no-cache");
    return "forward:/dashboard/index.html";
  }
}
