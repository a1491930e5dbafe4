package io.pmoflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pmoflow.TestProfiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The running application over real HTTP, as a REST client or a browser session would use it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
public abstract class HttpSupport {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ManagementService managementService;

  final HttpClient http = HttpClient.newHttpClient();

  record Reply(int status, String body, Map<String, List<String>> headers) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
      }
    }
  }

  Reply get(String user, String path) {
    return send(user, HttpRequest.newBuilder(uri(path)).GET());
  }

  Reply post(String user, String path, Object body) {
    return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(write(body))));
  }

  Reply send(String user, HttpRequest.Builder request) {
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    return sendWith(http, request);
  }

  static Reply sendWith(HttpClient client, HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.body(), r.headers().map());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  static String write(Object body) {
    try {
      return body instanceof String s ? s : JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A logged-in Camunda webapp session (Tasklist), with its CSRF token, as a browser holds it. */
  WebappSession loginToTasklist(String user) {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    sendWith(browser, HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).GET());
    Reply login = sendWith(browser, HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrfToken(cookies))
        .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=demo")));
    if (login.status() != 200) {
      throw new IllegalStateException("login of " + user + " failed: " + login.status() + " " + login.body());
    }
    return new WebappSession(browser, csrfToken(cookies));
  }

  private static String csrfToken(CookieManager cookies) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(java.net.HttpCookie::getValue).findFirst()
        .orElseThrow(() -> new IllegalStateException("the webapp set no XSRF-TOKEN cookie"));
  }

  record WebappSession(HttpClient client, String csrfToken) {
  }

  /** Runs the async jobs that a step left behind (the test profile has no job executor). */
  void runJobs() {
    for (int round = 0; round < 20; round++) {
      List<Job> jobs = managementService.createJobQuery().executable().messages().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(j -> managementService.executeJob(j.getId()));
    }
  }

  public static Map<String, Object> var(Object value, String type) {
    return Map.of("value", value, "type", type);
  }

  public static Map<String, Object> requestVariables(String name) {
    return new java.util.HashMap<>(Map.ofEntries(
        Map.entry("projectName", var(name, "String")),
        Map.entry("description", var("Consolidate the " + name, "String")),
        Map.entry("businessUnit", var("Finance", "String")),
        Map.entry("sponsor", var("sam.sponsor", "String")),
        Map.entry("estimatedBudget", var(80_000.0, "Double")),
        Map.entry("strategicAlignment", var(4, "Long")),
        Map.entry("complexity", var("MEDIUM", "String")),
        Map.entry("riskLevel", var("LOW", "String")),
        Map.entry("crossDepartmental", var(false, "Boolean")),
        Map.entry("regulatory", var(false, "Boolean")),
        Map.entry("requestedStart", var("2027-02-01", "String")),
        Map.entry("requestedEnd", var("2027-09-30", "String"))));
  }

  /** Starts projectIntake over REST as {@code user}; returns the project key. */
  String startIntake(String user, String name) {
    Reply r = post(user, "/engine-rest/process-definition/key/projectIntake/start",
        Map.of("variables", requestVariables(name), "withVariablesInReturn", true));
    if (r.status() != 200) {
      throw new IllegalStateException("start failed: " + r.status() + " " + r.body());
    }
    return r.json().get("businessKey").asText();
  }

  JsonNode openTask(String user, String projectKey) {
    JsonNode tasks = get(user, "/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + projectKey).json();
    return tasks.size() == 1 ? tasks.get(0) : null;
  }
}
