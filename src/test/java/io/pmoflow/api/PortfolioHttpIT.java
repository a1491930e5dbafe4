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
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The portfolio calls over HTTP: summary with its KPIs and filters, breakdown, governance flow and resource
 * capacity; login required, bad parameters refused with a 400 naming them. Figures come from a hand-built unit
 * of projects (see {@link PortfolioFixtures}); the aggregates themselves are checked in PortfolioStoreTest.
 */
class PortfolioHttpIT extends HttpSupport {

  @Autowired JdbcClient jdbc;
  @Autowired ProjectRepository repository;
  @Autowired TaskService taskService;

  PortfolioFixtures f;

  @BeforeEach
  void unit() {
    f = new PortfolioFixtures(jdbc, repository);
  }

  String unitParam() {
    return "businessUnit=" + URLEncoder.encode(f.unit, StandardCharsets.UTF_8);
  }

  @Test
  void summaryAnswersTheContractFieldsAndKpisForAUnitAndAPmoType() {
    String a = f.project("Alpha", Phase.EXECUTION, ProjectStatus.ACTIVE, PmoType.CONTROLLING, Health.GREEN, "100",
        "40");
    f.project("Beta", Phase.INTAKE, ProjectStatus.ACTIVE, null, null, "50", "0");
    f.statusReport(a, 1, "125.50");
    f.risk(a, "CRITICAL", "OPEN");
    f.milestone(a, "DONE", LocalDate.of(2027, 1, 10), LocalDate.of(2027, 1, 11));

    Reply reply = get("rae.requester", "/api/portfolio/summary?" + unitParam());
    assertThat(reply.status()).isEqualTo(200);
    JsonNode s = reply.json();
    assertThat(s.get("projects").asLong()).isEqualTo(2);
    assertThat(s.get("phase").get("EXECUTION").asLong()).isEqualTo(1);
    assertThat(s.get("phase").get("CANCELLED").asLong()).isZero();
    assertThat(s.get("health").get("GREEN").asLong()).isEqualTo(1);
    assertThat(s.get("health").get("NONE").asLong()).isEqualTo(1);
    assertThat(s.get("pmoType").get("CONTROLLING").asLong()).isEqualTo(1);
    assertThat(s.get("pmoType").get("NONE").asLong()).isEqualTo(1);
    assertThat(s.get("budget").decimalValue()).isEqualByComparingTo("150");
    assertThat(s.get("actualCost").decimalValue()).isEqualByComparingTo("40");
    assertThat(s.get("activeProjects").asLong()).isEqualTo(2);
    assertThat(s.get("activeBudget").decimalValue()).isEqualByComparingTo("150");
    assertThat(s.get("eac").decimalValue()).isEqualByComparingTo("175.50");
    assertThat(s.get("openCriticalRisks").asLong()).isEqualTo(1);
    assertThat(s.get("onTimeMilestoneRate").decimalValue()).isEqualByComparingTo("0");
    assertThat(s.get("overdueApprovals").asLong()).isZero();

    JsonNode controlling = get("rae.requester", "/api/portfolio/summary?pmoType=CONTROLLING&" + unitParam()).json();
    assertThat(controlling.get("projects").asLong()).isEqualTo(1);
    assertThat(controlling.get("eac").decimalValue()).isEqualByComparingTo("125.50");

    JsonNode none = get("rae.requester", "/api/portfolio/summary?businessUnit=Nobody+here").json();
    assertThat(none.get("projects").asLong()).isZero();
    assertThat(none.get("onTimeMilestoneRate").isNull()).as("no done milestone: no rate").isTrue();

    JsonNode all = get("pat.pmo", "/api/portfolio/summary").json();
    assertThat(all.get("projects").asLong()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void overdueApprovalsCountOpenTasksPastDueOfTheFilteredProjects() {
    String name = "Overdue " + f.unit;
    String key = startIntake("rae.requester", name);
    jdbc.sql("update pmo_project set business_unit = :unit where project_key = :key")
        .param("unit", f.unit).param("key", key).update();
    Task screening = taskService.createTaskQuery().processInstanceBusinessKey(key).singleResult();
    String path = "/api/portfolio/summary?" + unitParam();
    assertThat(get("pat.pmo", path).json().get("overdueApprovals").asLong()).as("due in 5 days").isZero();

    taskService.setDueDate(screening.getId(), Date.from(Instant.now().minus(1, ChronoUnit.DAYS)));
    assertThat(get("pat.pmo", path).json().get("overdueApprovals").asLong()).isEqualTo(1);
    assertThat(get("pat.pmo", path + "&pmoType=DIRECTIVE").json().get("overdueApprovals").asLong())
        .as("the request is SUPPORTIVE").isZero();
    assertThat(get("pat.pmo", path + "&pmoType=SUPPORTIVE").json().get("overdueApprovals").asLong())
        .isEqualTo(1);
    assertThat(get("rae.requester", "/api/portfolio/summary").json().get("overdueApprovals").asLong())
        .as("unfiltered: every overdue task, whoever asks").isGreaterThanOrEqualTo(1);
  }

  @Test
  void breakdownAnswersHealthByUnitFunnelAndBudgetByUnit() {
    String a = f.project("Alpha", Phase.PLANNING, ProjectStatus.ACTIVE, PmoType.SUPPORTIVE, Health.AMBER, "70",
        "7");
    f.phases(a, 24, Phase.INITIATION, 48, Phase.PLANNING);
    f.project("Beta", Phase.REJECTED, ProjectStatus.ENDED, PmoType.SUPPORTIVE, null, "30", "0");

    JsonNode b = get("sam.sponsor", "/api/portfolio/breakdown?" + unitParam()).json();
    assertThat(b.get("healthByBusinessUnit")).hasSize(1);
    JsonNode health = b.get("healthByBusinessUnit").get(0);
    assertThat(health.get("businessUnit").asText()).isEqualTo(f.unit);
    assertThat(List.of(health.get("GREEN").asLong(), health.get("AMBER").asLong(), health.get("RED").asLong(),
        health.get("NONE").asLong())).containsExactly(0L, 1L, 0L, 1L);
    JsonNode funnel = b.get("phaseFunnel");
    assertThat(funnel.findValuesAsText("phase")).containsExactly("INTAKE", "INITIATION", "PLANNING", "EXECUTION",
        "CLOSURE", "CLOSED");
    assertThat(funnel.get(0).get("reachedCount").asLong()).isEqualTo(2);
    assertThat(funnel.get(0).get("conversion").isNull()).isTrue();
    assertThat(funnel.get(1).get("reachedCount").asLong()).isEqualTo(1);
    assertThat(funnel.get(1).get("conversion").decimalValue()).isEqualByComparingTo("0.5");
    assertThat(funnel.get(2).get("count").asLong()).isEqualTo(1);
    assertThat(funnel.get(3).get("reachedCount").asLong()).isZero();
    JsonNode budget = b.get("budgetByBusinessUnit").get(0);
    assertThat(budget.get("projects").asLong()).isEqualTo(2);
    assertThat(budget.get("budget").decimalValue()).isEqualByComparingTo("100");
    assertThat(budget.get("actualCost").decimalValue()).isEqualByComparingTo("7");
  }

  @Test
  void flowAnswersPhaseGateLeadAndReworkFiguresAndCountsANewNeedsInfoScreening() {
    JsonNode before = get("bob.board", "/api/portfolio/flow").json();
    assertThat(before.get("phaseTimes").findValuesAsText("phase")).containsExactly("INTAKE", "INITIATION",
        "PLANNING", "EXECUTION", "CLOSURE");
    assertThat(before.get("gateTimes").findValuesAsText("gate")).containsExactly("CHARTER", "PLAN",
        "CLOSURE_READINESS", "ACCEPTANCE");
    assertThat(before.get("rework").findValuesAsText("pmoType")).startsWith("SUPPORTIVE", "CONTROLLING",
        "DIRECTIVE");

    String key = startIntake("rae.requester", "Flow " + f.unit);
    JsonNode screening = openTask("pat.pmo", key);
    assertThat(post("pat.pmo", "/engine-rest/task/" + screening.get("id").asText() + "/claim",
        Map.of("userId", "pat.pmo")).status()).isEqualTo(204);
    assertThat(post("pat.pmo", "/engine-rest/task/" + screening.get("id").asText() + "/complete",
        Map.of("variables", Map.of("decision", var("NEEDS_INFO", "String"),
            "decisionComment", var("Which teams?", "String")))).status()).isEqualTo(204);

    JsonNode after = get("bob.board", "/api/portfolio/flow").json();
    assertThat(needsInfo(after, "SUPPORTIVE")).isEqualTo(needsInfo(before, "SUPPORTIVE") + 1);
    JsonNode screened = leadTime(after, "Task_ScreenRequest", "pmo");
    assertThat(screened.get("count").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(screened.get("taskName").asText()).isNotBlank();
    assertThat(screened.has("averageHours") && screened.has("medianHours")).isTrue();
  }

  private static long needsInfo(JsonNode flow, String type) {
    for (JsonNode r : flow.get("rework")) {
      if (r.get("pmoType").asText().equals(type)) {
        return r.get("needsInfo").asLong();
      }
    }
    throw new AssertionError("no rework row for " + type);
  }

  private static JsonNode leadTime(JsonNode flow, String taskKey, String group) {
    for (JsonNode r : flow.get("approvalLeadTimes")) {
      if (r.get("taskDefinitionKey").asText().equals(taskKey) && group.equals(r.get("candidateGroup").asText())) {
        return r;
      }
    }
    throw new AssertionError("no lead time for " + taskKey + " / " + group);
  }

  @Test
  void capacityAnswersPeopleAndRolesByWeekAndRefusesBadDatesNamingThem() {
    String p = f.project("Capacity", Phase.EXECUTION, ProjectStatus.ACTIVE, PmoType.SUPPORTIVE, null, "1", "0");
    f.plannedDates(p, LocalDate.of(2032, 1, 7), LocalDate.of(2032, 1, 14));
    String person = "http-" + f.unit.substring(5);
    f.resource(p, person, "Tester " + f.unit, 110, false);

    JsonNode c = get("mia.manager", "/api/resources/capacity?from=2032-01-05&to=2032-01-25").json();
    assertThat(c.get("weeks")).extracting(JsonNode::asText).containsExactly("2032-01-05", "2032-01-12",
        "2032-01-19");
    JsonNode row = null;
    for (JsonNode candidate : c.get("people")) {
      if (candidate.get("userId").asText().equals(person)) {
        row = candidate;
      }
    }
    assertThat(row).as("%s in the capacity view", person).isNotNull();
    assertThat(row.get("overAllocated").asBoolean()).isTrue();
    assertThat(row.get("peakAllocationPercent").asInt()).isEqualTo(110);
    assertThat(row.get("weeks").findValuesAsText("week")).containsExactly("2032-01-05", "2032-01-12",
        "2032-01-19");
    assertThat(row.get("weeks").get(0).get("projects").get(0).get("projectKey").asText()).isEqualTo(p);
    assertThat(row.get("weeks").get(2).get("allocationPercent").asInt()).isZero();

    assertThat(c.get("totalPeople").asLong()).isEqualTo(1);
    assertThat(c.get("page").asInt()).isZero();
    assertThat(c.get("size").asInt()).isEqualTo(100);
    assertThat(c.get("roles").get(0).get("weeks").get(0).get("people").asInt()).isEqualTo(1);

    assertParameterRefused("/api/resources/capacity?from=2032-13-01", "from");
    assertParameterRefused("/api/resources/capacity?page=-1", "page");
    assertParameterRefused("/api/resources/capacity?size=0", "size");
    assertParameterRefused("/api/resources/capacity?size=many", "size");
    assertParameterRefused("/api/resources/capacity?from=yesterday", "from");
    assertParameterRefused("/api/resources/capacity?to=2032-02-30", "to");
    assertParameterRefused("/api/resources/capacity?from=2032-03-01&to=2032-02-01", "to");
    assertParameterRefused("/api/resources/capacity?from=2032-01-05&to=2032-12-31", "to");
    assertThat(get("mia.manager", "/api/resources/capacity").json().get("weeks")).hasSize(12);
  }

  @Test
  void badFiltersAreRefusedNamingTheParameterAndAnonymousCallsGet401() {
    for (String path : List.of("/api/portfolio/summary?pmoType=CHAOTIC", "/api/portfolio/breakdown?pmoType=x")) {
      assertParameterRefused(path, "pmoType");
    }
    for (String path : List.of("/api/portfolio/summary", "/api/portfolio/breakdown", "/api/portfolio/flow",
        "/api/resources/capacity")) {
      Reply anonymous = get(null, path);
      assertThat(anonymous.status()).as(path).isEqualTo(401);
      assertThat(anonymous.json().get("status").asInt()).isEqualTo(401);
      assertThat(anonymous.headers().get("www-authenticate")).as("a challenge for clients").containsExactly(
          "Basic realm=\"PMO Flow\"");
      Reply script = send(null, HttpRequest.newBuilder(uri(path)).header("X-Requested-With", "XMLHttpRequest").GET());
      assertThat(script.status()).isEqualTo(401);
      assertThat(script.headers()).as("no browser password pop-up over the dashboard's own login")
          .doesNotContainKey("www-authenticate");
      // an unknown user: wrong passwords of a real one would lock it out for the other tests
      assertThat(send(null, HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString("no.body:demo".getBytes(StandardCharsets.UTF_8))).GET()).status())
          .as("%s for an unknown user", path).isEqualTo(401);
    }
  }

  void assertParameterRefused(String path, String field) {
    Reply reply = get("pat.pmo", path);
    assertThat(reply.status()).as(path).isEqualTo(400);
    assertThat(reply.json().get("field").asText()).as(path).isEqualTo(field);
    assertThat(reply.json().get("message").asText()).as(path).contains(field);
  }
}
