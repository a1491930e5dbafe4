package io.pmoflow.web;

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

  @GetMapping({"/", "/projects/{key}", "/capacity"})
  public String shell() {
    return "forward:/dashboard/index.html";
  }
}
