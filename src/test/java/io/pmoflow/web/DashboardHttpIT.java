package io.pmoflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.pmoflow.TestProfiles;
import io.pmoflow.project.Level;
import io.pmoflow.project.ProjectRequest;
import io.pmoflow.project.ProjectService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The dashboard over plain HTTP: {@code /} and its routes are a data-free shell for anyone, the data behind it
 * ({@code /api/**}) needs the webapp login the page performs — the same calls, XSRF token included — and logging
 * out ends it. The browser side is {@link DashboardBrowserIT}'s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
class DashboardHttpIT {

  static final String AUTH = "/camunda/api/admin/auth/user/default";

  @LocalServerPort int port;
  @Autowired ProjectService projects;

  @Test
  void anAnonymousVisitorGetsTheShellWithoutData() {
    String key = projects.registerRequest(new ProjectRequest("Secret merger", "Not for anonymous eyes", "Board",
        "sam.sponsor", BigDecimal.valueOf(5_000_000), 5, Level.HIGH, Level.HIGH, true, true, null, null),
        "rae.requester");
    HttpClient anonymous = HttpClient.newHttpClient();

    for (String path : new String[] {"/", "/projects/" + key, "/capacity"}) {
      HttpResponse<String> page = get(anonymous, path);
      assertThat(page.statusCode()).as(path).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(
          type -> assertThat(type).startsWith("text/html"));
      assertThat(page.body()).as(path).contains("id=\"login-form\"", "/dashboard/app.js")
          .doesNotContain("Secret merger", "PRJ-", "5000000", "5,000,000");
      assertThat(page.headers().firstValue("Content-Security-Policy")).as(path)
          .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'"));
    }
    assertThat(get(anonymous, "/api/projects").statusCode()).isEqualTo(401);
    assertThat(get(anonymous, "/api/projects/" + key).statusCode()).isEqualTo(401);
    assertThat(get(anonymous, "/api/portfolio/summary").statusCode()).isEqualTo(401);
  }

  @Test
  void theDashboardIsServedByTheApplicationItselfWithItsChartLibrary() {
    HttpClient anonymous = HttpClient.newHttpClient();
    for (String asset : new String[] {"/dashboard/app.js", "/dashboard/app.css",
        "/dashboard/vendor/chart.js/chart.umd.min.js", "/dashboard/vendor/chart.js/LICENSE.md"}) {
      HttpResponse<String> response = get(anonymous, asset);
      assertThat(response.statusCode()).as(asset).isEqualTo(200);
      assertThat(response.body()).as(asset).isNotBlank();
    }
    assertThat(get(anonymous, "/dashboard/index.html").body()).as("nothing from a CDN")
        .doesNotContain("https://", "http://");
  }

  @Test
  void theWebappLoginTheDashboardUsesOpensTheApiAndLogoutClosesIt() {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();

    HttpResponse<String> whoAmI = get(browser, AUTH);
    assertThat(whoAmI.statusCode()).as("no session yet").isEqualTo(404);
    String token = whoAmI.headers().firstValue("X-XSRF-TOKEN").orElseThrow();

    // an unknown user: a failed login of a real one locks it out for a few seconds, HTTP Basic included, which
    // would fail the other tests of this shared context that use it
    HttpResponse<String> wrong = post(browser, AUTH + "/login/welcome", token, "username=nobody.here&password=demo");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(get(browser, "/api/projects").statusCode()).isEqualTo(401);

    HttpResponse<String> login = post(browser, AUTH + "/login/welcome", token, "username=pat.pmo&password=demo");
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    assertThat(get(browser, AUTH).body()).contains("\"userId\":\"pat.pmo\"");
    assertThat(get(browser, "/api/projects").statusCode()).isEqualTo(200);

    // the login starts a new session with a new token, as the page reads it from the next answer
    String newToken = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(java.net.HttpCookie::getValue).findFirst().orElseThrow();
    assertThat(newToken).isNotEqualTo(token);
    assertThat(post(browser, AUTH + "/logout", newToken, "").statusCode()).isEqualTo(200);
    assertThat(get(browser, AUTH).statusCode()).isEqualTo(404);
    assertThat(get(browser, "/api/projects").statusCode()).isEqualTo(401);
  }

  HttpResponse<String> get(HttpClient client, String path) {
    return send(client, HttpRequest.newBuilder(uri(path)).GET());
  }

  HttpResponse<String> post(HttpClient client, String path, String xsrfToken, String form) {
    return send(client, HttpRequest.newBuilder(uri(path)).header("X-XSRF-TOKEN", xsrfToken)
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
