package io.pmoflow.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.pmoflow.TestProfiles;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The portfolio's aggregates against a hand-built portfolio with hand-computed expectations. Each test builds its
 * projects in a business unit of its own and reads through that unit's filter (or picks its rows), so projects
 * of other tests in the same database do not count.
 */
@SpringBootTest
@ActiveProfiles(resolver = TestProfiles.class)
class PortfolioStoreTest {

  @Autowired PortfolioService portfolio;
  @Autowired ProjectService projects;
  @Autowired JdbcClient jdbc;
  @Autowired ProjectRepository repository;

  PortfolioFixtures f;
  String a;
  String b;
  String c;
  String d;
  String e;

  /**
   * Five projects: A executing (CONTROLLING, GREEN, two reports), B executing on hold (DIRECTIVE, RED, no
   * report), C closed (CONTROLLING, AMBER), D a request not routed yet, E planning (SUPPORTIVE, no budget).
   */
  @BeforeEach
  void portfolio() {
    f = new PortfolioFixtures(jdbc, repository);
    a = f.project("Alpha", Phase.EXECUTION, ProjectStatus.ACTIVE, PmoType.CONTROLLING, Health.GREEN, "100", "40");
    b = f.project("Beta", Phase.EXECUTION, ProjectStatus.ON_HOLD, PmoType.DIRECTIVE, Health.RED, "200", "50");
    c = f.project("Gamma", Phase.CLOSED, ProjectStatus.ENDED, PmoType.CONTROLLING, Health.AMBER, "300", "310");
    d = f.project("Delta", Phase.INTAKE, ProjectStatus.ACTIVE, null, null, "50", "0");
    e = f.project("Epsilon", Phase.PLANNING, ProjectStatus.ACTIVE, PmoType.SUPPORTIVE, null, null, "0");
    f.statusReport(a, 1, "120");
    f.statusReport(a, 2, "130");
    f.statusReport(c, 1, "999");
    f.risk(a, "CRITICAL", "OPEN");
    f.risk(a, "CRITICAL", "CLOSED");
    f.risk(b, "HIGH", "OPEN");
    f.risk(c, "CRITICAL", "OPEN");
    f.risk(e, "CRITICAL", "OPEN");
    f.milestone(a, "DONE", LocalDate.of(2027, 1, 10), LocalDate.of(2027, 1, 10));
    f.milestone(a, "DONE", LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 3));
    f.milestone(c, "DONE", LocalDate.of(2026, 5, 1), LocalDate.of(2026, 4, 20));
    f.milestone(b, "PLANNED", LocalDate.of(2026, 1, 1), null);
    f.milestone(e, "WAIVED", LocalDate.of(2026, 1, 1), null);
  }

  @Test
  void summaryCountsEveryValueAndSumsMoneyAndKpisOfTheActiveProjects() {
    PortfolioSummary s = portfolio.summary(new PortfolioFilter(f.unit, null));

    assertThat(s.projects()).isEqualTo(5);
    assertThat(s.phase()).containsExactly(Map.entry("INTAKE", 1L), Map.entry("INITIATION", 0L),
        Map.entry("PLANNING", 1L), Map.entry("EXECUTION", 2L), Map.entry("CLOSURE", 0L), Map.entry("CLOSED", 1L),
        Map.entry("REJECTED", 0L), Map.entry("CANCELLED", 0L));
    assertThat(s.health()).containsExactly(Map.entry("GREEN", 1L), Map.entry("AMBER", 1L), Map.entry("RED", 1L),
        Map.entry("NONE", 2L));
    assertThat(s.pmoType()).containsExactly(Map.entry("SUPPORTIVE", 1L), Map.entry("CONTROLLING", 2L),
        Map.entry("DIRECTIVE", 1L), Map.entry("NONE", 1L));
    assertThat(s.budget()).isEqualByComparingTo("650");
    assertThat(s.actualCost()).isEqualByComparingTo("400");
    assertThat(s.activeProjects()).as("A, B (on hold), D, E").isEqualTo(4);
    assertThat(s.activeBudget()).isEqualByComparingTo("350");
    assertThat(s.eac()).as("A's latest report 130 + B's budget 200 + D's budget 50 + E nothing")
        .isEqualByComparingTo("380");
    assertThat(s.openCriticalRisks()).as("A's and E's open ones; not closed, not HIGH, not of ended C")
        .isEqualTo(2);
    assertThat(s.onTimeMilestoneRate()).as("2 of A's and C's 3 done milestones on time").isEqualByComparingTo("0.6667");
  }

  @Test
  void summaryFiltersByPmoTypeWithinTheUnitAndHasNoRateWithoutDoneMilestones() {
    PortfolioSummary controlling = portfolio.summary(new PortfolioFilter(f.unit, PmoType.CONTROLLING));
    assertThat(controlling.projects()).isEqualTo(2);
    assertThat(controlling.budget()).isEqualByComparingTo("400");
    assertThat(controlling.activeProjects()).isEqualTo(1);
    assertThat(controlling.eac()).isEqualByComparingTo("130");
    assertThat(controlling.openCriticalRisks()).isEqualTo(1);
    assertThat(controlling.onTimeMilestoneRate()).isEqualByComparingTo("0.6667");

    PortfolioSummary directive = portfolio.summary(new PortfolioFilter(f.unit, PmoType.DIRECTIVE));
    assertThat(directive.projects()).isEqualTo(1);
    assertThat(directive.onTimeMilestoneRate()).as("B has no done milestone").isNull();

    PortfolioSummary empty = portfolio.summary(new PortfolioFilter("No such unit", null));
    assertThat(empty.projects()).isZero();
    assertThat(empty.phase().values()).containsOnly(0L);
    assertThat(empty.budget()).isEqualByComparingTo("0");
    assertThat(empty.actualCost()).isEqualByComparingTo("0");
    assertThat(empty.eac()).isEqualByComparingTo("0");
    assertThat(empty.onTimeMilestoneRate()).isNull();
  }

  @Test
  void aRecordedStatusReportsEstimateAtCompletionIsThePortfoliosEac() {
    String key = ProjectFixtures.inExecution(projects, "EAC " + f.unit);
    jdbc.sql("update pmo_project set business_unit = :unit where project_key = :key").param("unit", f.unit + " EAC")
        .param("key", key).update();
    PortfolioFilter unit = new PortfolioFilter(f.unit + " EAC", null);
    assertThat(portfolio.summary(unit).eac()).as("the budget before any report").isEqualByComparingTo("50000");

    EarnedValue ev = projects.recordStatusReport(key, new StatusReportInput(40, new BigDecimal("30000"),
        "Slower than planned", null), ProjectFixtures.PM);

    assertThat(ev.eac()).isNotEqualByComparingTo("50000");
    assertThat(portfolio.summary(unit).eac()).isEqualByComparingTo(ev.eac());
  }

  @Test
  void breakdownGivesHealthAndBudgetPerUnitInNameOrder() {
    PortfolioFixtures other = new PortfolioFixtures(jdbc, repository);
    String laterUnit = f.unit + " Z";
    other.project(laterUnit, "Zeta", Phase.EXECUTION, ProjectStatus.ACTIVE, PmoType.SUPPORTIVE, Health.RED, "10",
        "1.50");

    PortfolioBreakdown all = portfolio.breakdown(PortfolioFilter.ALL);
    List<String> units = all.healthByBusinessUnit().stream().map(PortfolioBreakdown.HealthByUnit::businessUnit)
        .toList();
    assertThat(units).isSorted().contains(f.unit, laterUnit);
    assertThat(all.healthByBusinessUnit()).filteredOn(h -> h.businessUnit().startsWith(f.unit))
        .extracting("businessUnit", "green", "amber", "red", "none")
        .containsExactly(tuple(f.unit, 1L, 1L, 1L, 2L), tuple(laterUnit, 0L, 0L, 1L, 0L));
    assertThat(all.budgetByBusinessUnit()).filteredOn(u -> u.businessUnit().startsWith(f.unit))
        .extracting("businessUnit", "projects").containsExactly(tuple(f.unit, 5L), tuple(laterUnit, 1L));
    PortfolioBreakdown.BudgetByUnit mine = all.budgetByBusinessUnit().stream()
        .filter(u -> u.businessUnit().equals(f.unit)).findFirst().orElseThrow();
    assertThat(mine.budget()).isEqualByComparingTo("650");
    assertThat(mine.actualCost()).isEqualByComparingTo("400");

    PortfolioBreakdown directive = portfolio.breakdown(new PortfolioFilter(f.unit, PmoType.DIRECTIVE));
    assertThat(directive.healthByBusinessUnit()).extracting("businessUnit", "green", "amber", "red", "none")
        .containsExactly(tuple(f.unit, 0L, 0L, 1L, 0L));
    assertThat(directive.budgetByBusinessUnit()).extracting("projects").containsExactly(1L);
  }

  /** Hours after T0 of every phase change, and the stays they make (the request is at T0). */
  private void lifecycleHistory() {
    f.phases(a, 10.5, Phase.INITIATION, 30, Phase.PLANNING, 60, Phase.EXECUTION);
    f.phases(b, 20, Phase.INITIATION, 60, Phase.PLANNING, 70, Phase.EXECUTION);
    // C went back from closure to execution once (an acceptance gate's recycle)
    f.phases(c, 30, Phase.INITIATION, 40, Phase.PLANNING, 100, Phase.EXECUTION, 110, Phase.CLOSURE,
        120, Phase.EXECUTION, 150, Phase.CLOSURE, 151, Phase.CLOSED);
    f.phases(d);
    f.phases(e, 5, Phase.INITIATION, 6, Phase.PLANNING);
  }

  @Test
  void funnelCountsProjectsThatEverReachedEachPhaseAndTheConversionFromThePreviousOne() {
    lifecycleHistory();
    PortfolioBreakdown breakdown = portfolio.breakdown(new PortfolioFilter(f.unit, null));
    assertThat(breakdown.phaseFunnel()).extracting("phase", "count", "reachedCount").containsExactly(
        tuple(Phase.INTAKE, 1L, 5L), tuple(Phase.INITIATION, 0L, 4L), tuple(Phase.PLANNING, 1L, 4L),
        tuple(Phase.EXECUTION, 2L, 3L), tuple(Phase.CLOSURE, 0L, 1L), tuple(Phase.CLOSED, 1L, 1L));
    assertThat(breakdown.phaseFunnel()).extracting(PortfolioBreakdown.FunnelStep::conversion)
        .usingElementComparator((x, y) -> x == null || y == null ? (x == y ? 0 : 1) : x.compareTo(y))
        .containsExactly(null, new BigDecimal("0.8"), BigDecimal.ONE, new BigDecimal("0.75"),
            new BigDecimal("0.3333"), BigDecimal.ONE);
  }

  @Test
  void phaseTimesPairEachEntryIntoAPhaseWithTheNextOneAndLeaveOpenStaysOut() {
    lifecycleHistory();
    List<PhaseTime> times = portfolio.phaseTimes(new PortfolioFilter(f.unit, null));
    // INTAKE 10.5, 20, 30, 5 · INITIATION 19.5, 40, 10, 1 · PLANNING 30, 10, 60 · EXECUTION 10, 30 · CLOSURE 10, 1
    assertThat(times).extracting("phase", "stays").containsExactly(tuple(Phase.INTAKE, 4L),
        tuple(Phase.INITIATION, 4L), tuple(Phase.PLANNING, 3L), tuple(Phase.EXECUTION, 2L),
        tuple(Phase.CLOSURE, 2L));
    assertThat(times).extracting(t -> t.averageHours().toPlainString(), t -> t.medianHours().toPlainString())
        .containsExactly(tuple("16.38", "15.25"), tuple("17.63", "14.75"), tuple("33.33", "30.00"),
            tuple("20.00", "20.00"), tuple("5.50", "5.50"));

    assertThat(portfolio.phaseTimes(new PortfolioFilter(f.unit, PmoType.SUPPORTIVE))).extracting("phase", "stays")
        .as("E only").startsWith(tuple(Phase.INTAKE, 1L), tuple(Phase.INITIATION, 1L), tuple(Phase.PLANNING, 0L));
    assertThat(portfolio.phaseTimes(new PortfolioFilter("No such unit", null)))
        .allSatisfy(t -> assertThat(t.stays()).isZero())
        .allSatisfy(t -> assertThat(t.averageHours()).isNull());
  }

  @Test
  void theStoreOpensAStayWithTheRequestAndClosesItWhenThePhaseChanges() {
    String key = ProjectFixtures.requested(projects, "Stays " + f.unit);
    projects.changePhase(key, Phase.INITIATION, ProjectFixtures.SPONSOR, null);
    projects.changePhase(key, Phase.CANCELLED, ProjectFixtures.SPONSOR, "Stopped");

    List<Map<String, Object>> stays = jdbc.sql("""
        select phase, entered_at, left_at, hours from pmo_phase_stay where project_key = :key order by id""")
        .param("key", key).query().listOfRows();
    // rows of listOfRows() read their columns in any case
    assertThat(stays).extracting(r -> r.get("phase")).containsExactly("INTAKE", "INITIATION", "CANCELLED");
    assertThat(stays.get(0).get("hours")).isNotNull();
    assertThat(stays.get(1).get("left_at")).isNotNull();
    assertThat(stays.get(1).get("hours")).isNotNull();
    assertThat(stays.get(2).get("left_at")).as("CANCELLED for good").isNull();
  }

  @Test
  void capacitySumsEachPersonsPlannedAllocationPerIsoWeekAcrossProjectsNotEndedAndFlagsOverAllocation() {
    String x = "cap-x-" + f.unit.substring(5);
    String y = "cap-y-" + f.unit.substring(5);
    String lead = "Lead " + f.unit;
    String dev = "Dev " + f.unit;
    String p1 = f.project("Cap one", Phase.EXECUTION, ProjectStatus.ACTIVE, PmoType.SUPPORTIVE, null, "1", "0");
    String p2 = f.project("Cap two", Phase.EXECUTION, ProjectStatus.ON_HOLD, PmoType.SUPPORTIVE, null, "1", "0");
    String p3 = f.project("Cap ended", Phase.CLOSED, ProjectStatus.ENDED, PmoType.SUPPORTIVE, null, "1", "0");
    String p4 = f.project("Cap undated", Phase.PLANNING, ProjectStatus.ACTIVE, PmoType.SUPPORTIVE, null, "1", "0");
    f.plannedDates(p1, LocalDate.of(2031, 3, 5), LocalDate.of(2031, 3, 20));
    f.plannedDates(p2, LocalDate.of(2031, 3, 17), LocalDate.of(2031, 4, 2));
    f.plannedDates(p3, LocalDate.of(2031, 3, 1), LocalDate.of(2031, 5, 1));
    f.resource(p1, x, lead, 60, false);
    f.resource(p1, y, dev, 50, false);
    f.resource(p2, x, lead, 50, false);
    f.resource(p2, x, dev, 10, false);
    f.resource(p2, y, lead, 30, true);
    f.resource(p3, x, lead, 40, false);
    f.resource(p4, x, lead, 40, false);

    Capacity capacity = portfolio.capacity(LocalDate.of(2031, 3, 4), LocalDate.of(2031, 3, 25), 0, 100);

    assertThat(capacity.weeks()).containsExactly(LocalDate.of(2031, 3, 3), LocalDate.of(2031, 3, 10),
        LocalDate.of(2031, 3, 17), LocalDate.of(2031, 3, 24));
    Capacity.Person px = person(capacity, x);
    assertThat(px.weeks()).extracting("allocationPercent", "overAllocated").containsExactly(tuple(60, false),
        tuple(60, false), tuple(120, true), tuple(60, false));
    assertThat(px.peakAllocationPercent()).isEqualTo(120);
    assertThat(px.overAllocated()).isTrue();
    assertThat(px.weeks().get(2).projects()).extracting("projectKey", "role", "allocationPercent")
        .containsExactlyInAnyOrder(tuple(p1, lead, 60), tuple(p2, lead, 50), tuple(p2, dev, 10));
    assertThat(px.weeks().get(2).projects()).extracting("projectName").contains("Cap one", "Cap two");
    Capacity.Person py = person(capacity, y);
    assertThat(py.weeks()).extracting("allocationPercent").containsExactly(50, 50, 50, 0);
    assertThat(py.weeks().get(3).projects()).isEmpty();
    assertThat(py.overAllocated()).isFalse();

    Capacity secondPage = portfolio.capacity(LocalDate.of(2031, 3, 4), LocalDate.of(2031, 3, 25), 1, 1);
    assertThat(secondPage.totalPeople()).as("only x and y are planned in 2031").isEqualTo(2);
    assertThat(secondPage.people()).extracting(Capacity.Person::userId).containsExactly(y);
    assertThat(secondPage.roles()).hasSameSizeAs(capacity.roles());

    assertThat(role(capacity, lead).weeks()).extracting("allocationPercent", "people").containsExactly(
        tuple(60, 1), tuple(60, 1), tuple(110, 1), tuple(50, 1));
    assertThat(role(capacity, dev).weeks()).extracting("allocationPercent", "people").containsExactly(
        tuple(50, 1), tuple(50, 1), tuple(60, 2), tuple(10, 1));
  }

  @Test
  void capacityRefusesReversedOrTooLongPeriodsNamingToAndDefaultsToTwelveWeeksFromThisWeek() {
    assertThatThrownBy(() -> portfolio.capacity(LocalDate.of(2031, 3, 4), LocalDate.of(2031, 3, 3), 0, 100))
        .isInstanceOfSatisfying(InvalidInputException.class, x -> assertThat(x.field()).isEqualTo("to"));
    assertThat(portfolio.capacity(LocalDate.of(2031, 3, 3), LocalDate.of(2031, 8, 31), 0, 100).weeks()).hasSize(26);
    assertThatThrownBy(() -> portfolio.capacity(LocalDate.of(2031, 3, 3), LocalDate.of(2031, 9, 1), 0, 100))
        .isInstanceOfSatisfying(InvalidInputException.class, x -> assertThat(x.field()).isEqualTo("to"));

    assertThatThrownBy(() -> portfolio.capacity(null, null, -1, 100))
        .isInstanceOfSatisfying(InvalidInputException.class, x -> assertThat(x.field()).isEqualTo("page"));
    assertThatThrownBy(() -> portfolio.capacity(null, null, 0, 501))
        .isInstanceOfSatisfying(InvalidInputException.class, x -> assertThat(x.field()).isEqualTo("size"));

    Capacity byDefault = portfolio.capacity(null, null, 0, 100);
    assertThat(byDefault.weeks()).hasSize(12);
    assertThat(byDefault.weeks().get(0).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
    assertThat(byDefault.weeks().get(0)).isAfter(LocalDate.now().minusDays(7)).isBeforeOrEqualTo(LocalDate.now());
  }

  private static Capacity.Person person(Capacity capacity, String userId) {
    return capacity.people().stream().filter(p -> p.userId().equals(userId)).findFirst().orElseThrow();
  }

  private static Capacity.Role role(Capacity capacity, String role) {
    return capacity.roles().stream().filter(r -> r.role().equals(role)).findFirst().orElseThrow();
  }
}
