package io.pmoflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pmoflow.BrowserDriver;
import io.pmoflow.TestProfiles;
import io.pmoflow.project.Charter;
import io.pmoflow.project.Governance;
import io.pmoflow.project.Level;
import io.pmoflow.project.Phase;
import io.pmoflow.project.Plan;
import io.pmoflow.project.PmoType;
import io.pmoflow.project.ProjectRequest;
import io.pmoflow.project.ProjectService;
import io.pmoflow.project.RiskInput;
import io.pmoflow.project.StatusReportInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The portfolio dashboard at {@code /} in headless Chromium (Debian's {@code /usr/bin/chromium}), driven by
 * {@code src/test/browser/dashboard.mjs}, one run per person and look. Five projects with known phases, health and
 * PMO types are seeded in the store (one through the engine, so it has a running instance and an open task); the
 * property below gives this class a Spring context, and so an in-memory database, of its own, so the counts are
 * exactly the seeded ones whatever other browser tests ran in the JVM. Screenshots go to
 * {@code target/browser-it/}, and with {@code -Dpmo.screenshots=docs/screenshots} also to the README's pictures
 * ({@link BrowserDriver}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "pmo.test.context=dashboard")
@ActiveProfiles(resolver = TestProfiles.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIT {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProjectService projects;
  @Autowired RuntimeService runtimeService;

  final HttpClient http = HttpClient.newHttpClient();
  BrowserDriver driver;
  String portal;
  String dataCentre;
  String onboarding;
  String crm;
  String treasury;

  @BeforeAll
  void seedThePortfolio() {
    BrowserDriver.requireChromiumAndPlaywright();
    driver = new BrowserDriver("dashboard.mjs", port, Map.of());
    LocalDate start = LocalDate.now().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(4);
    portal = seed("Customer portal relaunch", "Sales", 250_000, PmoType.CONTROLLING, Phase.EXECUTION);
    plan(portal, start, new Plan.ResourceAssignment("Project manager", "mia.manager", 60),
        new Plan.ResourceAssignment("Business analyst", "bob.board", 50));
    projects.recordHealth(portal, null, "GREEN", "SPI 1.02 and CPI 0.98 are at or above 0.95; no open critical risk",
        "projectHealth");
    dataCentre = seed("Data centre exit", "Operations", 1_500_000, PmoType.DIRECTIVE, Phase.EXECUTION);
    plan(dataCentre, start, new Plan.ResourceAssignment("Project manager", "mia.manager", 70),
        new Plan.ResourceAssignment("Migration engineer", "rae.requester", 80));
    projects.recordStatusReport(dataCentre, new StatusReportInput(30, BigDecimal.valueOf(45_000),
        "Two racks moved; the network vendor bills more hours than quoted", "Renegotiate the vendor contract"),
        "mia.manager");
    projects.recordHealth(dataCentre, projects.lastStatusReportId(dataCentre), "RED",
        "CPI 0.67 is below 0.85: the migration costs more than planned", "projectHealth");
    onboarding = seed("HR onboarding app", "HR", 60_000, PmoType.SUPPORTIVE, Phase.PLANNING);
    projects.recordHealth(onboarding, null, "AMBER", "SPI 0.90 is below 0.95", "projectHealth");
    crm = seed("Legacy CRM retirement", "Sales", 40_000, PmoType.SUPPORTIVE, Phase.CLOSED);
    treasury = startIntakeOverRest();
  }

  @Test
  void anAnonymousVisitorGetsTheLoginFormAndNoData() {
    JsonNode page = browser("dashboard-anonymous", null, Map.of("action", "anonymous"));

    assertThat(page.get("status").asInt()).isEqualTo(200);
    assertThat(page.get("loginVisible").asBoolean()).as("login form shown").isTrue();
    assertThat(page.get("userFieldFocused").asBoolean()).as("keyboard users start typing at once").isTrue();
    assertThat(page.get("navVisible").asBoolean()).as("navigation hidden").isFalse();
    assertThat(page.get("viewText").asText()).isEmpty();
    assertThat(page.get("bodyText").asText()).doesNotContain(portal, dataCentre, "Customer portal", "Data centre");
    assertThat(page.get("sessionStatus").asInt()).as("no webapp session").isEqualTo(404);
  }

  @Test
  void thePmoLeadSeesThePortfolioAndFiltersSearchesAndSortsTheList() {
    JsonNode result = browser("dashboard-portfolio", "pat.pmo", Map.of("action", "portfolio",
        "shot", "dashboard.png", "filter", Map.of("phase", "EXECUTION"), "search", "portal", "sortBy", "Name"));

    JsonNode before = result.get("before");
    JsonNode counts = before.get("counts");
    assertThat(counts.get("phase").get("INTAKE").asInt()).isEqualTo(1);
    assertThat(counts.get("phase").get("PLANNING").asInt()).isEqualTo(1);
    assertThat(counts.get("phase").get("EXECUTION").asInt()).isEqualTo(2);
    assertThat(counts.get("phase").get("CLOSED").asInt()).isEqualTo(1);
    assertThat(counts.get("phase").get("INITIATION").asInt()).isZero();
    assertThat(counts.get("health").get("GREEN").asInt()).isEqualTo(1);
    assertThat(counts.get("health").get("AMBER").asInt()).isEqualTo(1);
    assertThat(counts.get("health").get("RED").asInt()).isEqualTo(1);
    assertThat(counts.get("pmoType").get("SUPPORTIVE").asInt()).isEqualTo(3);
    assertThat(counts.get("pmoType").get("CONTROLLING").asInt()).isEqualTo(1);
    assertThat(counts.get("pmoType").get("DIRECTIVE").asInt()).isEqualTo(1);
    assertThat(before.get("kpis").get("kpi-active").asText()).startsWith("Active projects 4");
    assertThat(keys(before.get("list"))).containsExactlyInAnyOrder(portal, dataCentre, onboarding, crm, treasury);
    assertThat(before.get("list").get("pageInfo").asText()).isEqualTo("1–5 of 5");
    assertThat(before.get("chartTitles")).extracting(JsonNode::asText).containsExactly("Health by business unit",
        "Phase funnel", "Budget vs actual by business unit", "Approval lead time", "Time in phase");
    assertThat(before.get("charts").asInt()).as("health, funnel and budget drawn").isGreaterThanOrEqualTo(3);
    assertThat(before.get("kpis").get("kpi-budget").asText()).as("actual / budget of all projects")
        .contains("45K / 380K");
    assertThat(before.get("kpis").get("kpi-risks").asText()).startsWith("Open critical risks 0");

    JsonNode filtered = result.get("filtered");
    assertThat(keys(filtered)).as("phase EXECUTION").containsExactlyInAnyOrder(portal, dataCentre);
    assertThat(filtered.get("url").asText()).contains("phase=EXECUTION");
    assertThat(keys(result.get("searched"))).as("EXECUTION and 'portal'").containsExactly(portal);
    assertThat(result.get("sorted").get("url").asText()).contains("sort=name");
    assertThat(keys(result.get("sorted"))).containsExactly(portal);
  }

  @Test
  void theProjectPageShowsWhyAProjectIsRedAndItsTimeline() {
    JsonNode page = browser("dashboard-project", "pat.pmo", Map.of("action", "project", "key", dataCentre,
        "shot", "project.png"));

    assertThat(page.get("title").asText()).contains("Data centre exit", dataCentre);
    assertThat(page.get("phase").asText()).isEqualTo("Execution");
    assertThat(page.get("healthTitle").asText()).isEqualTo("Health: Red");
    assertThat(page.get("healthExplanation").asText())
        .isEqualTo("CPI 0.67 is below 0.85: the migration costs more than planned");
    List<String> types = new ArrayList<>();
    page.get("timeline").forEach(e -> types.add(e.get("type").asText()));
    assertThat(types).as("newest first").startsWith("HEALTH_ASSESSED")
        .contains("STATUS_REPORTED", "BASELINE_FROZEN", "PLAN_DRAFTED", "PHASE_CHANGED", "GOVERNANCE_ROUTED").endsWith("REQUESTED");
    assertThat(page.get("timeline").get(0).get("text").asText()).contains("Red", "projectHealth");
    assertThat(page.get("planVsActual").asText()).as("baseline 1, actual cost").contains("100,000", "45,000");
    assertThat(page.get("sections")).extracting(JsonNode::asText).contains("Timeline", "Plan vs actual",
        "Milestones", "Risks", "Changes", "Status reports", "Lessons learned");
    assertThat(page.get("links").get("Tasks in Tasklist").asText())
        .startsWith("/camunda/app/tasklist/default/#/?searchQuery=").contains(dataCentre);
    assertThat(page.get("links").has("Instances in Cockpit")).as("Cockpit is for operators; pat.pmo may not open it")
        .isFalse();
    assertThat(page.get("links").get("Project report").asText()).isEqualTo("/api/projects/" + dataCentre + "/report");

    JsonNode intake = browser("dashboard-project-intake", "pat.pmo", Map.of("action", "project", "key", treasury));
    assertThat(intake.get("taskLinks")).as("the screening task, linked into Tasklist").anySatisfy(link -> {
      assertThat(link.get("text").asText()).isEqualTo("Screen project request");
      assertThat(link.get("href").asText()).startsWith("/camunda/app/tasklist/default/#/?task=");
    });

    JsonNode operator = browser("dashboard-project-operator", "admin", Map.of("action", "project", "key", treasury));
    String instance = "/camunda/app/cockpit/default/#/process-instance/"
        + runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(treasury).singleResult().getId()
        + "/runtime";
    assertThat(operator.get("links").get("Instances in Cockpit").asText()).isEqualTo(instance);
    assertThat(operator.get("instanceLinks")).anySatisfy(link -> {
      assertThat(link.get("text").asText()).isEqualTo("Project intake");
      assertThat(link.get("href").asText()).isEqualTo(instance);
    });
  }

  @Test
  void theCapacityPageShowsTheHeatMap() {
    JsonNode page = browser("dashboard-capacity", "pat.pmo", Map.of("action", "capacity", "shot", "capacity.png"));

    assertThat(page.get("pageInfo").isNull()).as("three people fit on one page: no pager").isTrue();
    assertThat(page.get("people")).extracting(JsonNode::asText).containsExactly("bob.board", "mia.manager",
        "rae.requester");
    assertThat(page.get("weeks").asInt()).isPositive();
    JsonNode over = page.get("overAllocatedWeeks");
    assertThat(over.get("mia.manager").asInt()).as("mia.manager at 60 % + 70 %").isPositive();
    assertThat(over.get("bob.board").asInt()).isZero();
    assertThat(over.get("rae.requester").asInt()).isZero();
    assertThat(page.get("roles")).extracting(JsonNode::asText).contains("Project manager", "Migration engineer");
  }

  @Test
  void theCapacityPagePagesThroughPeople() {
    JsonNode page = browser("dashboard-capacity-paged", "pat.pmo",
        Map.of("action", "capacity", "path", "/capacity?size=2"));

    assertThat(page.get("people")).extracting(JsonNode::asText).containsExactly("bob.board", "mia.manager");
    assertThat(page.get("pageInfo").asText()).isEqualTo("1–2 of 3");
    assertThat(page.get("nextPage").get("people")).extracting(JsonNode::asText).containsExactly("rae.requester");
    assertThat(page.get("nextPage").get("pageInfo").asText()).isEqualTo("3–3 of 3");
  }

  @Test
  void loggingOutEndsTheSession() {
    JsonNode page = browser("dashboard-logout", "pat.pmo", Map.of("action", "logout"));

    assertThat(page.get("loginVisible").asBoolean()).isTrue();
    assertThat(page.get("sessionStatus").asInt()).isEqualTo(404);
    assertThat(page.get("viewText").asText()).isEmpty();
  }

  // ---- seeding

  String seed(String name, String businessUnit, long budget, PmoType pmoType, Phase phase) {
    String key = projects.registerRequest(new ProjectRequest(name, "Seeded for the dashboard test", businessUnit,
        "sam.sponsor", BigDecimal.valueOf(budget), 4, Level.MEDIUM, Level.LOW, false, false, null, null),
        "rae.requester");
    projects.recordGovernance(key, new Governance(pmoType, "pmo", "P14D"));
    // along the lifecycle, as the processes move a project, so the funnel's conversions are real ones
    for (Phase step : List.of(Phase.INITIATION, Phase.PLANNING, Phase.EXECUTION, Phase.CLOSURE, Phase.CLOSED)) {
      if (step.ordinal() > phase.ordinal()) {
        break;
      }
      projects.changePhase(key, step, "pat.pmo", null);
    }
    return key;
  }

  void plan(String key, LocalDate start, Plan.ResourceAssignment... resources) {
    projects.recordPlan(key, new Plan(start, start.plusWeeks(12),
        List.of(new Plan.WorkPackage("Build", "mia.manager", BigDecimal.TEN, start, start.plusWeeks(10))),
        List.of(new Charter.Milestone("Go-live", start.plusWeeks(12))),
        List.of(new Plan.BudgetLine("Labour", BigDecimal.valueOf(100_000))),
        List.of(resources),
        List.of(), List.of(new RiskInput("Vendor delivers late", 3, 4, "Weekly check")), "ISO 9001", "Signed off"),
        "mia.manager");
    projects.freezeBaseline(key, "sam.sponsor");
  }

  String startIntakeOverRest() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("projectName", Map.of("value", "Treasury consolidation"));
    variables.put("description", Map.of("value", "Consolidate the treasury systems"));
    variables.put("businessUnit", Map.of("value", "Finance"));
    variables.put("sponsor", Map.of("value", "sam.sponsor"));
    variables.put("estimatedBudget", Map.of("value", 80_000.0, "type", "Double"));
    variables.put("strategicAlignment", Map.of("value", 4, "type", "Long"));
    variables.put("complexity", Map.of("value", "MEDIUM"));
    variables.put("riskLevel", Map.of("value", "LOW"));
    variables.put("crossDepartmental", Map.of("value", false));
    variables.put("regulatory", Map.of("value", false));
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(
              URI.create("http://localhost:" + port + "/engine-rest/process-definition/key/projectIntake/start"))
          .header("Authorization", "Basic " + Base64.getEncoder()
              .encodeToString("rae.requester:demo".getBytes(StandardCharsets.UTF_8)))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("variables", variables))))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      return JSON.readTree(response.body()).get("businessKey").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // ---- the browser

  static List<String> keys(JsonNode list) {
    List<String> keys = new ArrayList<>();
    list.get("rows").forEach(r -> keys.add(r.get("key").asText()));
    return keys;
  }

  /** One person looking at one thing; returns the driver's JSON answer or fails with its reason. */
  JsonNode browser(String name, String user, Map<String, Object> what) {
    return driver.run(name, user, what);
  }
}
