package io.pmoflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pmoflow.project.Health;
import io.pmoflow.project.Phase;
import io.pmoflow.project.PmoType;
import io.pmoflow.project.PortfolioFixtures;
import io.pmoflow.project.ProjectRepository;
import io.pmoflow.project.ProjectStatus;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The project list (CONTRACT §5) with every filter, search, sorting and paging, its CSV export, and the OpenAPI
 * description with Swagger UI, all behind the login of /api.
 */
class ProjectListHttpIT extends HttpSupport {

  @Autowired JdbcClient jdbc;
  @Autowired ProjectRepository repository;

  PortfolioFixtures f;
  String alpha;
  String beta;
  String gamma;
  String delta;

  /** Four projects of a unit of their own, with different names, budgets, health, phases and updates. */
  @BeforeEach
  void projects() {
    f = new PortfolioFixtures(jdbc, repository);
    alpha = f.project("Alpha Portal", Phase.EXECUTION, ProjectStatus.ACTIVE, PmoType.CONTROLLING, Health.RED, "300",
        "10");
    beta = f.project("beta portal, \"phase 2\"", Phase.PLANNING, ProjectStatus.ON_HOLD, PmoType.SUPPORTIVE,
        Health.GREEN, "100", "0");
    gamma = f.project("Gamma", Phase.CLOSED, ProjectStatus.ENDED, PmoType.DIRECTIVE, Health.AMBER, null, "50");
    delta = f.project("=Delta", Phase.INTAKE, ProjectStatus.ACTIVE, null, null, "200", "0");
    jdbc.sql("update pmo_project set updated_at = updated_at + interval '1' hour where project_key = :k")
        .param("k", gamma).update();
  }

  String unit() {
    return "businessUnit=" + URLEncoder.encode(f.unit, StandardCharsets.UTF_8);
  }

  List<String> keys(String query) {
    Reply reply = get("pat.pmo", "/api/projects?" + unit() + "&" + query);
    assertThat(reply.status()).as(query).isEqualTo(200);
    return reply.json().get("content").findValuesAsText("key");
  }

  @Test
  void everyFilterNarrowsTheListAndTheUnitFilterHoldsThemAll() {
    assertThat(keys("size=500")).containsExactlyInAnyOrder(alpha, beta, gamma, delta);
    assertThat(keys("phase=EXECUTION")).containsExactly(alpha);
    assertThat(keys("health=GREEN")).containsExactly(beta);
    assertThat(keys("health=NONE")).containsExactly(delta);
    assertThat(keys("pmoType=DIRECTIVE")).containsExactly(gamma);
    assertThat(keys("status=ON_HOLD")).containsExactly(beta);
    assertThat(keys("status=ACTIVE")).containsExactlyInAnyOrder(alpha, delta);
    assertThat(keys("q=PORTAL")).as("name, any case").containsExactlyInAnyOrder(alpha, beta);
    assertThat(keys("q=" + gamma.toLowerCase())).as("key, any case").containsExactly(gamma);
    assertThat(keys("q=%25")).as("% is no wildcard").isEmpty();
    assertThat(keys("q=portal&status=ACTIVE&health=RED&pmoType=CONTROLLING&phase=EXECUTION")).containsExactly(alpha);

    JsonNode page = get("pat.pmo", "/api/projects?" + unit() + "&sort=key&page=1&size=3").json();
    assertThat(page.get("totalElements").asLong()).isEqualTo(4);
    assertThat(page.get("page").asInt()).isEqualTo(1);
    assertThat(page.get("size").asInt()).isEqualTo(3);
    assertThat(page.get("content").findValuesAsText("key")).containsExactly(delta);
    JsonNode row = get("pat.pmo", "/api/projects?" + unit() + "&phase=EXECUTION").json().get("content").get(0);
    for (String field : List.of("key", "name", "phase", "status", "pmoType", "health", "sponsor", "projectManager",
        "businessUnit", "budget", "actualCost", "percentComplete", "plannedStart", "plannedEnd", "updatedAt")) {
      assertThat(row.has(field)).as("CONTRACT §5 field %s", field).isTrue();
    }
  }

  @Test
  void sortsByEachFieldBothWaysWithEmptyValuesLast() {
    assertThat(keys("sort=key")).containsExactly(alpha, beta, gamma, delta);
    assertThat(keys("sort=-key")).containsExactly(delta, gamma, beta, alpha);
    assertThat(keys("")).as("newest key first by default").containsExactly(delta, gamma, beta, alpha);
    assertThat(keys("sort=name")).as("any case").containsExactly(delta, alpha, beta, gamma);
    assertThat(keys("sort=-name")).containsExactly(gamma, beta, alpha, delta);
    assertThat(keys("sort=budget")).containsExactly(beta, delta, alpha, gamma);
    assertThat(keys("sort=-budget")).as("no budget last either way").containsExactly(alpha, delta, beta, gamma);
    assertThat(keys("sort=health")).containsExactly(beta, gamma, alpha, delta);
    assertThat(keys("sort=-health")).as("worst first").containsExactly(alpha, gamma, beta, delta);
    assertThat(keys("sort=phase")).as("along the lifecycle").containsExactly(delta, beta, alpha, gamma);
    assertThat(keys("sort=-phase")).containsExactly(gamma, alpha, beta, delta);
    assertThat(keys("sort=-updatedAt")).startsWith(gamma);
    assertThat(keys("sort=updatedAt")).endsWith(gamma);
  }

  @Test
  void badParametersAre400sNamingThemAndUnknownKeys404() {
    for (String[] bad : new String[][] {{"sort=owner", "sort"}, {"sort=-", "sort"}, {"page=-1", "page"},
        {"size=0", "size"}, {"size=501", "size"}, {"size=ten", "size"}, {"phase=DONE", "phase"},
        {"health=PURPLE", "health"}, {"pmoType=LAISSEZ_FAIRE", "pmoType"}, {"status=SLEEPING", "status"}}) {
      Reply reply = get("pat.pmo", "/api/projects?" + bad[0]);
      assertThat(reply.status()).as(bad[0]).isEqualTo(400);
      assertThat(reply.json().get("field").asText()).as(bad[0]).isEqualTo(bad[1]);
      Reply csv = get("pat.pmo", "/api/projects.csv?" + bad[0]);
      if (!bad[1].equals("page") && !bad[1].equals("size")) {
        assertThat(csv.status()).as("csv " + bad[0]).isEqualTo(400);
        assertThat(csv.json().get("field").asText()).as("csv " + bad[0]).isEqualTo(bad[1]);
      }
    }
    assertThat(get("pat.pmo", "/api/projects?size=500").status()).isEqualTo(200);

    Reply missing = get("pat.pmo", "/api/projects/PRJ-1999-0404");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().get("message").asText()).contains("PRJ-1999-0404");
    assertThat(get(null, "/api/projects").status()).isEqualTo(401);
    assertThat(get(null, "/api/projects.csv").status()).isEqualTo(401);
  }

  @Test
  void csvExportsEveryMatchingRowUnpagedWithAHeaderAndQuotesWhereNeeded() {
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      many.add(f.project("Bulk " + i, Phase.EXECUTION, ProjectStatus.ACTIVE, PmoType.SUPPORTIVE, Health.GREEN, "1",
          "0"));
    }
    Reply csv = get("mia.manager", "/api/projects.csv?" + unit() + "&sort=key");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.headers().get("Content-Type").get(0)).isEqualTo("text/csv;charset=UTF-8");
    assertThat(csv.headers().get("Content-Disposition").get(0)).contains("projects.csv");
    String[] lines = csv.body().split("\r\n");
    assertThat(lines[0]).isEqualTo("key,name,phase,status,pmoType,health,sponsor,projectManager,businessUnit,"
        + "budget,actualCost,percentComplete,plannedStart,plannedEnd,updatedAt");
    assertThat(lines).as("header + 29 rows, not a page of 20").hasSize(30);
    assertThat(line(lines, alpha)).startsWith(alpha + ",Alpha Portal,EXECUTION,ACTIVE,CONTROLLING,RED,sam.sponsor,,"
        + f.unit + ",300.00,10.00,0,,,");
    assertThat(line(lines, beta)).startsWith(beta + ",\"beta portal, \"\"phase 2\"\"\",PLANNING,ON_HOLD,");
    assertThat(line(lines, gamma)).as("no budget: empty field").contains(",Gamma,CLOSED,ENDED,DIRECTIVE,AMBER,")
        .contains("," + f.unit + ",,50.00,");
    assertThat(line(lines, delta)).as("a formula is defused").startsWith(delta + ",'=Delta,INTAKE,ACTIVE,,,");
    assertThat(line(lines, many.get(24))).contains(",Bulk 24,");

    Reply filtered = get("mia.manager", "/api/projects.csv?" + unit() + "&q=bulk&sort=-key");
    assertThat(filtered.body().split("\r\n")).hasSize(26);
    Reply none = get("mia.manager", "/api/projects.csv?businessUnit=Nobody+here");
    assertThat(none.body()).isEqualTo(lines[0] + "\r\n");
  }

  private static String line(String[] lines, String key) {
    for (String line : lines) {
      if (line.startsWith(key + ",")) {
        return line;
      }
    }
    throw new AssertionError("no line of " + key);
  }

  @Test
  void theOpenApiDescriptionAndSwaggerUiNeedTheLoginAndDescribeApiOnly() {
    Reply docs = get("rae.requester", "/api/docs");
    assertThat(docs.status()).isEqualTo(200);
    JsonNode api = docs.json();
    assertThat(api.get("paths").has("/api/portfolio/summary")).isTrue();
    assertThat(api.get("paths").has("/api/projects.csv")).isTrue();
    assertThat(api.get("paths").has("/api/resources/capacity")).isTrue();
    api.get("paths").fieldNames().forEachRemaining(p -> assertThat(p).startsWith("/api/"));
    JsonNode list = api.get("paths").get("/api/projects").get("get");
    assertThat(list.get("parameters").findValuesAsText("name")).contains("phase", "health", "pmoType",
        "businessUnit", "status", "q", "sort", "page", "size");
    assertThat(list.get("parameters").findValuesAsText("description")).allMatch(d -> !d.isBlank());
    assertThat(list.get("responses").has("400") && list.get("responses").has("401")).isTrue();
    assertThat(api.get("paths").get("/api/projects/{key}").get("get").get("responses").has("404")).isTrue();
    assertThat(api.get("components").get("schemas").has("ApiError")).isTrue();

    Reply ui = get("rae.requester", "/api/docs/ui");
    assertThat(ui.status()).isEqualTo(302);
    String index = ui.headers().get("Location").get(0);
    assertThat(index).endsWith("/api/docs/swagger-ui/index.html");
    assertThat(get("rae.requester", "/api/docs/swagger-ui/index.html").body()).contains("Swagger UI");
    assertThat(get("rae.requester", "/api/docs/swagger-ui/swagger-ui-bundle.js").status()).isEqualTo(200);
    assertThat(get("rae.requester", "/api/docs/swagger-config").json().get("url").asText()).isEqualTo("/api/docs");

    WebappSession tasklist = loginToTasklist("sam.sponsor");
    assertThat(sendWith(tasklist.client(), HttpRequest.newBuilder(uri("/api/docs/swagger-ui/swagger-ui.css")).GET())
        .status()).as("the UI loads after a Tasklist login").isEqualTo(200);

    for (String path : List.of("/api/docs", "/api/docs/ui", "/api/docs/swagger-ui/index.html",
        "/api/docs/swagger-ui/swagger-ui-bundle.js", "/api/docs/swagger-config")) {
      assertThat(get(null, path).status()).as(path).isEqualTo(401);
    }
  }
}
