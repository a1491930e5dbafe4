package io.pmoflow.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** HTTP Basic calls to one node's {@code /engine-rest} and {@code /api}, as the users of CONTRACT §2. */
final class ClusterClient {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  record Reply(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
      }
    }

    Reply expect(int expected, String what) {
      if (status != expected) {
        throw new AssertionError(what + ": expected " + expected + " but was " + status + ": " + body);
      }
      return this;
    }
  }

  private final ClusterNode node;

  ClusterClient(ClusterNode node) {
    this.node = node;
  }

  Reply get(String user, String path) {
    return send(user, HttpRequest.newBuilder(uri(path)).GET());
  }

  Reply post(String user, String path, Object body) {
    return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(write(body))));
  }

  Reply put(String user, String path, Object body) {
    return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(write(body))));
  }

  /** The one open task of {@code taskKey} in the project's instances, or null. */
  JsonNode task(String user, String projectKey, String taskKey) {
    JsonNode tasks = get(user, "/engine-rest/task?processInstanceBusinessKey=" + encode(projectKey)
        + "&taskDefinitionKey=" + encode(taskKey) + "&firstResult=0&maxResults=10").expect(200, "task query").json();
    return tasks.isEmpty() ? null : tasks.get(0);
  }

  /** Claims the task if nobody has it, then completes it with {@code variables} (REST typed values). */
  void complete(String user, JsonNode task, Map<String, Object> variables) {
    String id = task.get("id").asText();
    if (task.get("assignee").isNull()) {
      post(user, "/engine-rest/task/" + id + "/claim", Map.of("userId", user)).expect(204, "claim " + id);
    }
    post(user, "/engine-rest/task/" + id + "/complete", Map.of("variables", variables))
        .expect(204, "complete " + task.get("taskDefinitionKey").asText() + " as " + user);
  }

  private Reply send(String user, HttpRequest.Builder request) {
    String password = "admin".equals(user) ? ClusterNode.ADMIN_PASSWORD : "demo";
    request.header("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    request.timeout(Duration.ofSeconds(60));
    try {
      HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException("calling " + node.name + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private URI uri(String path) {
    return URI.create(node.baseUrl() + path);
  }

  static Map<String, Object> var(Object value, String type) {
    return Map.of("value", value, "type", type);
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String write(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
