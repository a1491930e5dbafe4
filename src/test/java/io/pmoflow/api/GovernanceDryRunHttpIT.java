package io.pmoflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/governance/dry-run} over HTTP. The *HttpIT classes share one application and database, so
 * the requests other tests recorded are there too: each expectation is the difference between a dry-run before
 * this test's requests were recorded and one after, which makes it exact whatever ran first.
 */
class GovernanceDryRunHttpIT extends HttpSupport {

  private static final String PATH = "/api/governance/dry-run";
  private static final String BOUNDARY = "pmo-dry-run-boundary";

  private static String deployedTable() throws IOException {
    return Files.readString(Path.of("processes/pmoGovernance.dmn"));
  }

  /** The analyst's change: a controlling PMO from 50,000 EUR instead of 100,000. */
  private static String lowerThreshold() throws IOException {
    String table = deployedTable();
    assertThat(table).contains("&gt;= 100000");
    return table.replace("&gt;= 100000", "&gt;= 50000");
  }

  @Test
  void aLowerThresholdReroutesExactlyTheRequestsBetweenTheOldAndTheNewOne() throws IOException {
    String candidate = lowerThreshold();
    long deploymentsBefore = count("/engine-rest/deployment/count");
    long decisionVersionsBefore = count("/engine-rest/decision-definition/count?key=pmoGovernance");
    JsonNode earlier = dryRun("pat.pmo", candidate);
    assertThat(earlier.get("changesTruncated").asBoolean()).isFalse();

    String between = startIntake("rae.requester", request("Dry-run between", 60_000.0, false));
    String atNewThreshold = startIntake("rae.requester", request("Dry-run at threshold", 50_000.0, false));
    startIntake("rae.requester", request("Dry-run below", 49_999.99, false));
    startIntake("rae.requester", request("Dry-run above", 150_000.0, false));
    startIntake("rae.requester", request("Dry-run regulatory", 20_000.0, true));

    JsonNode report = dryRun("pat.pmo", candidate);

    assertThat(report.get("decision").asText()).isEqualTo("pmoGovernance");
    assertThat(report.get("requests").asInt()).isEqualTo(earlier.get("requests").asInt() + 5);
    assertThat(report.get("changed").asInt()).isEqualTo(earlier.get("changed").asInt() + 2);
    List<String> expectedKeys = new ArrayList<>(earlier.get("changes").findValuesAsText("projectKey"));
    expectedKeys.addAll(List.of(between, atNewThreshold));
    // listed by key, and other tests' keys (e.g. "T…-1") need not sort before this test's
    assertThat(report.get("changes").findValuesAsText("projectKey"))
        .containsExactlyInAnyOrderElementsOf(expectedKeys);

    JsonNode change = changeOf(report, between);
    assertThat(change.get("name").asText()).isEqualTo("Dry-run between");
    assertThat(change.get("phase").asText()).isEqualTo("INTAKE");
    assertThat(JSON.convertValue(change.get("outputs"), Map.class)).isEqualTo(Map.of(
        "pmoType", Map.of("before", "SUPPORTIVE", "after", "CONTROLLING"),
        "statusReportCadence", Map.of("before", "P30D", "after", "P14D")));
    assertThat(changeOf(report, atNewThreshold).get("outputs")).isEqualTo(change.get("outputs"));

    assertCounts(earlier, report, "before", "pmoType", Map.of("SUPPORTIVE", 3, "CONTROLLING", 1, "DIRECTIVE", 1));
    assertCounts(earlier, report, "after", "pmoType", Map.of("SUPPORTIVE", 1, "CONTROLLING", 3, "DIRECTIVE", 1));
    assertCounts(earlier, report, "before", "intakeApproverGroup", Map.of("pmo", 4, "portfolio-board", 1));
    assertCounts(earlier, report, "after", "intakeApproverGroup", Map.of("pmo", 4, "portfolio-board", 1));
    assertCounts(earlier, report, "before", "statusReportCadence", Map.of("P30D", 3, "P14D", 1, "P7D", 1));
    assertCounts(earlier, report, "after", "statusReportCadence", Map.of("P30D", 1, "P14D", 3, "P7D", 1));

    assertThat(count("/engine-rest/deployment/count")).as("deployments").isEqualTo(deploymentsBefore);
    assertThat(count("/engine-rest/decision-definition/count?key=pmoGovernance")).as("pmoGovernance versions")
        .isEqualTo(decisionVersionsBefore);
    JsonNode routed = get("pat.pmo", "/api/projects/" + between).json();
    assertThat(routed.get("pmoType").asText()).as("the store is untouched").isEqualTo("SUPPORTIVE");
  }

  @Test
  void theDeployedTableChangesNoneOfTheRequestsItRouted() throws IOException {
    String routed = startIntake("rae.requester", request("Dry-run unchanged", 60_000.0, false));

    JsonNode report = dryRun("pat.pmo", deployedTable());

    // other tests store projects without the intake (no route, or a PMO type alone), which any table "changes"
    assertThat(report.get("requests").asInt()).isPositive();
    assertThat(report.get("changes").findValuesAsText("projectKey")).doesNotContain(routed);
  }

  @Test
  void theRawXmlBodyGivesTheSameReportAsTheUpload() throws IOException {
    String candidate = lowerThreshold();
    JsonNode uploaded = dryRun("admin", candidate);

    Reply raw = send("admin", HttpRequest.newBuilder(uri(PATH)).header("Content-Type", "application/xml")
        .POST(HttpRequest.BodyPublishers.ofString(candidate)));

    assertThat(raw.status()).as(raw.body()).isEqualTo(200);
    assertThat(raw.json()).isEqualTo(uploaded);
  }

  @Test
  void malformedXmlIs400WithTheParsersMessage() throws IOException {
    Reply r = upload("pat.pmo", deployedTable().replace("</decisionTable>", ""));

    assertBadInput(r, "file", "not a valid DMN model");
    assertThat(r.json().get("message").asText())
        .contains("The element type \"decisionTable\" must be terminated by the matching end-tag");
  }

  @Test
  void xmlThatIsNotDmnIs400WithTheSchemasMessage() {
    assertBadInput(upload("pat.pmo", "<definitions><decision id=\"pmoGovernance\"/></definitions>"), "file",
        "not a valid DMN model: Unable to parse model");
  }

  @Test
  void aDmnWithoutThePmoGovernanceDecisionIs400() throws IOException {
    String renamed = deployedTable().replace("id=\"pmoGovernance\"", "id=\"otherRouting\"")
        .replace("dmnElementRef=\"pmoGovernance\"", "dmnElementRef=\"otherRouting\"");

    assertBadInput(upload("pat.pmo", renamed), "file",
        "the DMN has no decision with id 'pmoGovernance' (it has [otherRouting])");
  }

  @Test
  void aTableWithoutAnOutputTheIntakeNeedsIs400() throws IOException {
    String renamed = deployedTable().replace("name=\"statusReportCadence\"", "name=\"reportEvery\"");

    assertBadInput(upload("pat.pmo", renamed), "file",
        "decision 'pmoGovernance' lacks the output(s) [statusReportCadence]");
  }

  @Test
  void aDoctypeIsRefused() throws IOException {
    String xxe = deployedTable().replaceFirst("<definitions",
        "<!DOCTYPE definitions [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]><definitions")
        .replace("PMO governance routing", "&secret;");

    assertBadInput(upload("pat.pmo", xxe), "file", "not a valid DMN model");
  }

  @Test
  void emptyAndOversizedCandidatesAre400() {
    assertBadInput(upload("pat.pmo", ""), "file", "is required");
    assertBadInput(send("pat.pmo", HttpRequest.newBuilder(uri(PATH)).header("Content-Type", "application/xml")
        .POST(HttpRequest.BodyPublishers.noBody())), "body", "is required");
    String huge = "<definitions>" + "x".repeat(GovernanceDryRunController.MAX_CANDIDATE_BYTES) + "</definitions>";
    assertBadInput(upload("pat.pmo", huge), "file", "is larger than 1024 KiB");
  }

  @Test
  void anotherContentTypeIs415NamingTheAcceptedOnes() throws IOException {
    Reply r = send("pat.pmo", HttpRequest.newBuilder(uri(PATH)).header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString(lowerThreshold())));

    assertThat(r.status()).isEqualTo(415);
    assertThat(r.json().get("message").asText()).contains("multipart/form-data").contains("application/xml");
  }

  @Test
  void onlyThePmoAndOperatorsMayDryRun() throws IOException {
    String candidate = lowerThreshold();

    Reply requester = upload("rae.requester", candidate);
    assertThat(requester.status()).isEqualTo(403);
    assertThat(requester.json().get("message").asText())
        .isEqualTo("Governance dry-runs are open to the groups [camunda-admin, pmo] only");
    assertThat(upload("bob.board", candidate).status()).isEqualTo(403);
    assertThat(upload(null, candidate).status()).isEqualTo(401);
    assertThat(upload("admin", candidate).status()).isEqualTo(200);
  }

  @Test
  void theOpenApiDescriptionShowsBothWaysToSendTheCandidate() {
    JsonNode dryRun = get("pat.pmo", "/api/docs").json().get("paths").get(PATH).get("post");

    assertThat(dryRun.get("requestBody").get("content").fieldNames()).toIterable()
        .contains("multipart/form-data", "application/xml");
  }

  private Map<String, Object> request(String name, double budget, boolean regulatory) {
    Map<String, Object> variables = requestVariables(name);
    variables.put("estimatedBudget", var(budget, "Double"));
    variables.put("regulatory", var(regulatory, "Boolean"));
    return variables;
  }

  private String startIntake(String user, Map<String, Object> variables) {
    Reply r = post(user, "/engine-rest/process-definition/key/projectIntake/start", Map.of("variables", variables));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("businessKey").asText();
  }

  private JsonNode dryRun(String user, String candidate) {
    Reply r = upload(user, candidate);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private Reply upload(String user, String content) {
    String body = "--" + BOUNDARY + "\r\n"
        + "Content-Disposition: form-data; name=\"file\"; filename=\"pmoGovernance.dmn\"\r\n"
        + "Content-Type: application/xml\r\n\r\n"
        + content + "\r\n--" + BOUNDARY + "--\r\n";
    return send(user, HttpRequest.newBuilder(uri(PATH))
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  private long count(String path) {
    return get("admin", path).json().get("count").asLong();
  }

  private static JsonNode changeOf(JsonNode report, String key) {
    for (JsonNode change : report.get("changes")) {
      if (change.get("projectKey").asText().equals(key)) {
        return change;
      }
    }
    throw new AssertionError(key + " is not among the changes: " + report.get("changes"));
  }

  private static void assertCounts(JsonNode earlier, JsonNode later, String side, String output,
      Map<String, Integer> added) {
    Map<String, Integer> expected = new HashMap<>();
    earlier.get(side).get(output).fields().forEachRemaining(e -> expected.put(e.getKey(), e.getValue().asInt()));
    added.forEach((value, n) -> expected.merge(value, n, Integer::sum));
    Map<String, Integer> actual = new HashMap<>();
    later.get(side).get(output).fields().forEachRemaining(e -> actual.put(e.getKey(), e.getValue().asInt()));
    assertThat(actual).as("%s counts of %s", side, output).isEqualTo(expected);
  }

  private static void assertBadInput(Reply r, String field, String message) {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().get("field").asText()).isEqualTo(field);
    assertThat(r.json().get("message").asText()).contains(field + ": " + message);
  }
}
