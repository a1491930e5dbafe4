package io.pmoflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The production security settings ({@code prod-security}, which the {@code postgres} profile includes): HSTS
 * everywhere, session and CSRF cookies Secure and SameSite=Strict, the session cookie HttpOnly. A context of its
 * own (its own in-memory H2 and process engine name, so the shared context of the other *HttpIT classes and its
 * engine "default" stay untouched); it only looks at headers, as an anonymous browser would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"camunda.bpm.process-engine-name=prodSecurity", "pmo.test.context=prod-security"})
@ActiveProfiles({"test", "prod-security"})
class ProductionSecurityHttpIT {

  @LocalServerPort int port;
  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void everyAnswerCarriesStrictTransportSecurity() throws Exception {
    for (String path : List.of("/api/projects", "/engine-rest/task", "/camunda/app/tasklist/default/",
        "/no-such-page", "/")) {
      HttpResponse<String> reply = get(path);
      assertThat(reply.headers().firstValue("Strict-Transport-Security")).as(path)
          .hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000").contains("includeSubDomains"));
      assertThat(reply.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
      assertThat(reply.headers().firstValue("Content-Security-Policy")).as(path).isPresent();
    }
    assertThat(get("/api/projects").statusCode()).isEqualTo(401);
  }

  @Test
  void theWebappCookiesAreSecureHttpOnlyAndSameSiteStrict() throws Exception {
    List<String> cookies = get("/camunda/app/tasklist/default/").headers().allValues("Set-Cookie");
    String session = cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
    String csrf = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow();
    assertThat(session).containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly")
        .containsIgnoringCase("SameSite=Strict");
    // the webapps' scripts read the CSRF token from its cookie, so that one cannot be HttpOnly
    assertThat(csrf).containsIgnoringCase("Secure").containsIgnoringCase("SameSite=Strict");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
