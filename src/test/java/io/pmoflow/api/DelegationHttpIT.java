package io.pmoflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The caller's out-of-office delegation over HTTP: HTTP Basic writes it; a bad field is a 400 naming it. */
class DelegationHttpIT extends HttpSupport {

  static final String PATH = "/api/me/delegation";

  Reply put(String user, Object body) {
    return send(user, HttpRequest.newBuilder(uri(PATH)).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(write(body))));
  }

  Reply delete(String user) {
    return send(user, HttpRequest.newBuilder(uri(PATH)).DELETE());
  }

  static Map<String, Object> body(String substitute, Object from, Object to) {
    Map<String, Object> body = new HashMap<>();
    body.put("substitute", substitute);
    body.put("from", from);
    body.put("to", to);
    return body;
  }

  @Test
  void anApproverRegistersReadsAndRemovesTheirSubstitute() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    String from = today.toString();
    String to = today.plusDays(7).toString();

    Reply none = get("bob.board", PATH);
    assertThat(none.status()).isEqualTo(404);
    assertThat(none.json().get("message").asText()).contains("no delegation");

    Reply saved = put("bob.board", body("pat.pmo", from, to));
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    assertThat(saved.json().get("userId").asText()).isEqualTo("bob.board");
    assertThat(saved.json().get("substitute").asText()).isEqualTo("pat.pmo");
    assertThat(saved.json().get("from").asText()).isEqualTo(from);
    assertThat(saved.json().get("to").asText()).isEqualTo(to);

    Reply read = get("bob.board", PATH);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json()).isEqualTo(saved.json());
    assertThat(get("pat.pmo", PATH).status()).as("each user has their own").isEqualTo(404);

    assertThat(put("bob.board", body("sam.sponsor", from, from)).json().get("substitute").asText())
        .as("a second PUT replaces the first").isEqualTo("sam.sponsor");

    Reply removed = delete("bob.board");
    assertThat(removed.status()).isEqualTo(204);
    assertThat(get("bob.board", PATH).status()).isEqualTo(404);
    assertThat(delete("bob.board").status()).as("idempotent").isEqualTo(204);
  }

  @Test
  void badInputIsA400NamingTheFieldAndNothingIsStored() {
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    String nextWeek = LocalDate.now(ZoneOffset.UTC).plusDays(7).toString();
    assertField(put("sam.sponsor", body("ghost", today, nextWeek)), "substitute");
    assertField(put("sam.sponsor", body("sam.sponsor", today, nextWeek)), "substitute");
    assertField(put("sam.sponsor", body("pat.pmo", "2027-13-01", nextWeek)), "from");
    assertField(put("sam.sponsor", body("pat.pmo", today, null)), "to");
    assertField(put("sam.sponsor", body("pat.pmo", nextWeek, today)), "to");
    assertField(put("sam.sponsor", body("pat.pmo", "2020-01-01", "2020-01-31")), "to");
    Reply notJson = put("sam.sponsor", "{not json");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.json().get("status").asInt()).isEqualTo(400);
    assertThat(get("sam.sponsor", PATH).status()).isEqualTo(404);
  }

  private static void assertField(Reply reply, String field) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.json().get("field").asText()).isEqualTo(field);
    assertThat(reply.json().get("message").asText()).startsWith(field + ":");
  }

  @Test
  void anonymousCallsGet401AndAWebappSessionMayReadButNotWrite() {
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    assertThat(get(null, PATH).status()).isEqualTo(401);
    assertThat(put(null, body("pat.pmo", today, today)).status()).isEqualTo(401);
    assertThat(delete(null).status()).isEqualTo(401);

    WebappSession tasklist = loginToTasklist("mia.manager");
    assertThat(sendWith(tasklist.client(), HttpRequest.newBuilder(uri(PATH)).GET()).status())
        .as("reading with the Tasklist session").isEqualTo(404);
    Reply sessionWrite = sendWith(tasklist.client(), HttpRequest.newBuilder(uri(PATH))
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", tasklist.csrfToken())
        .PUT(HttpRequest.BodyPublishers.ofString(write(body("pat.pmo", today, today)))));
    assertThat(sessionWrite.status()).as("writes need HTTP Basic").isEqualTo(401);
    assertThat(get("mia.manager", PATH).status()).isEqualTo(404);
  }
}
