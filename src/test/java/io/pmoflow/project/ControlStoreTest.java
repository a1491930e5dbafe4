package io.pmoflow.project;

import static io.pmoflow.project.ProjectFixtures.PM;
import static io.pmoflow.project.ProjectFixtures.SPONSOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pmoflow.TestProfiles;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Monitoring and controlling against the real store: status reports with earned value, health, the change log
 * and re-baselining, the risk register, exception reports, recovery plans and delegations. The service under
 * test runs on a fixed clock, so earned value is computed on a known day: the project's baseline 1 is BAC
 * 100,000.00 from 2027-01-01 to 2027-04-10 (100 days counting both ends), and {@link #DAY_50} is its 50th day.
 */
@SpringBootTest
@ActiveProfiles(resolver = TestProfiles.class)
class ControlStoreTest {

  static final LocalDate START = LocalDate.of(2027, 1, 1);
  static final LocalDate END = LocalDate.of(2027, 4, 10);
  static final LocalDate DAY_50 = LocalDate.of(2027, 2, 19);

  @Autowired ProjectService projects;
  @Autowired ProjectRepository repository;
  @Autowired DeliveryRepository delivery;
  @Autowired ControlRepository control;
  @Autowired UserDirectory directory;

  /** The store's rules on {@code day} (the clock at noon UTC). */
  ProjectService on(LocalDate day) {
    return new ProjectService(repository, delivery, control, directory,
        Clock.fixed(day.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
  }

  /** In EXECUTION with baseline 1: budget 80,000 + 20,000 from 2027-01-01 to 2027-04-10. */
  String inExecution(String name) {
    String key = ProjectFixtures.inPlanning(projects, name);
    projects.recordPlan(key, ProjectFixtures.plan(d -> {
      d.plannedStart = START;
      d.plannedEnd = END;
      d.budget = List.of(new Plan.BudgetLine("Staff", new BigDecimal("80000")),
          new Plan.BudgetLine("Licences", new BigDecimal("20000")));
    }), PM);
    projects.freezeBaseline(key, SPONSOR);
    projects.changePhase(key, Phase.EXECUTION, SPONSOR, null);
    return key;
  }

  static StatusReportInput report(Integer percent, String cost) {
    return new StatusReportInput(percent, cost == null ? null : new BigDecimal(cost), "Design is late", "Hire help");
  }

  // --- status reports and health

  @Test
  void aStatusReportIsNumberedComputesEarnedValueAndSetsTheProjectsFigures() {
    String key = inExecution("Reported progress");
    // day 50 of 100, 40 % for 50,000: PV 50,000, EV 40,000 → SPI 0.8; CPI 0.8; EAC 125,000; 25 days late
    EarnedValue ev = on(DAY_50).recordStatusReport(key, report(40, "50000"), PM);
    assertThat(ev.asOf()).isEqualTo(DAY_50);
    assertThat(ev.pv()).isEqualByComparingTo("50000");
    assertThat(ev.spi()).isEqualByComparingTo("0.8");
    assertThat(ev.cpi()).isEqualByComparingTo("0.8");
    assertThat(ev.eac()).isEqualByComparingTo("125000");
    assertThat(ev.forecastEnd()).isEqualTo(LocalDate.of(2027, 5, 5));
    assertThat(ev.scheduleVarianceDays()).isEqualTo(25);
    long first = projects.lastStatusReportId(key);

    ProjectSummary project = projects.require(key);
    assertThat(project.percentComplete()).isEqualTo(40);
    assertThat(project.actualCost()).isEqualByComparingTo("50000");

    // day 60: PV = 60,000; 55 % → EV 55,000, AC 58,000 → SPI 0.9167, CPI 0.9483 (55/58 = 0.948275…)
    EarnedValue second = on(DAY_50.plusDays(10)).recordStatusReport(key,
        new StatusReportInput(55, new BigDecimal("58000"), "Caught up a little", null), PM);
    assertThat(second.spi()).isEqualByComparingTo("0.9167");
    assertThat(second.cpi()).isEqualByComparingTo("0.9483");
    long latest = projects.lastStatusReportId(key);
    assertThat(latest).isNotEqualTo(first);

    ProjectDetails details = projects.details(key);
    assertThat(details.summary().percentComplete()).as("the report's figures are the project's").isEqualTo(55);
    assertThat(details.summary().actualCost()).isEqualByComparingTo("58000");
    assertThat(details.statusReports()).extracting(StatusReportView::number, StatusReportView::id)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, first), org.assertj.core.groups.Tuple.tuple(2, latest));
    StatusReportView stored = details.statusReports().get(0);
    assertThat(stored.asOf()).isEqualTo(DAY_50);
    assertThat(stored.percentComplete()).isEqualTo(40);
    assertThat(stored.narrative()).isEqualTo("Design is late");
    assertThat(stored.nextSteps()).isEqualTo("Hire help");
    assertThat(stored.reportedBy()).isEqualTo(PM);
    assertThat(stored.health()).isNull();
    assertThat(stored.earnedValue()).usingRecursiveComparison().withComparatorForType(BigDecimal::compareTo,
        BigDecimal.class).isEqualTo(ev);
    assertThat(details.statusReports().get(1).nextSteps()).isNull();
    assertThat(details.history()).filteredOn(h -> h.type().equals("STATUS_REPORTED"))
        .extracting(ProjectDetails.HistoryEntry::comment, ProjectDetails.HistoryEntry::actor)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("SPI 0.8000 · CPI 0.8000", PM),
            org.assertj.core.groups.Tuple.tuple("SPI 0.9167 · CPI 0.9483", PM));
  }

  @Test
  void anInvalidStatusReportIsRefusedNamingTheFieldAndWritesNothing() {
    String key = inExecution("Refused reports");
    ProjectService service = on(DAY_50);
    int history = projects.details(key).history().size();
    assertThat(field(() -> service.recordStatusReport(key, report(null, "10"), PM))).isEqualTo("percentComplete");
    assertThat(field(() -> service.recordStatusReport(key, report(101, "10"), PM))).as("over 100 %")
        .isEqualTo("percentComplete");
    assertThat(field(() -> service.recordStatusReport(key, report(-1, "10"), PM))).isEqualTo("percentComplete");
    assertThat(field(() -> service.recordStatusReport(key, report(10, null), PM))).isEqualTo("actualCostToDate");
    assertThat(field(() -> service.recordStatusReport(key, report(10, "-0.01"), PM))).isEqualTo("actualCostToDate");
    assertThat(field(() -> service.recordStatusReport(key,
        new StatusReportInput(10, BigDecimal.ONE, " ", null), PM))).isEqualTo("narrative");
    assertThat(field(() -> service.recordStatusReport(key,
        new StatusReportInput(10, BigDecimal.ONE, "n".repeat(4001), null), PM))).isEqualTo("narrative");
    assertThat(field(() -> service.recordStatusReport(key,
        new StatusReportInput(10, BigDecimal.ONE, "Fine", "s".repeat(4001)), PM))).isEqualTo("nextSteps");

    ProjectDetails after = projects.details(key);
    assertThat(after.statusReports()).isEmpty();
    assertThat(after.history()).hasSize(history);
    assertThat(after.summary().percentComplete()).isZero();
    assertThat(field(() -> projects.lastStatusReportId(key))).isEqualTo("statusReportId");

    assertThat(service.recordStatusReport(key, report(100, "0"), PM).ev()).as("100 % is allowed")
        .isEqualByComparingTo("100000");
  }

  @Test
  void statusReportsAreMadeDuringExecutionOnly() {
    String planning = ProjectFixtures.inPlanning(projects, "Not executing yet");
    assertThatThrownBy(() -> on(DAY_50).recordStatusReport(planning, report(10, "10"), PM))
        .isInstanceOf(ForbiddenActionException.class).hasMessageContaining("PLANNING");
    assertThatThrownBy(() -> on(DAY_50).recordStatusReport("PRJ-1999-0404", report(10, "10"), PM))
        .isInstanceOf(ProjectNotFoundException.class);
    assertThat(projects.currentBaseline(planning)).as("no baseline before the plan gate").isNull();
  }

  @Test
  void healthIsStoredWithItsExplanationOnTheReportAndTheProject() {
    String key = inExecution("Health check");
    on(DAY_50).recordStatusReport(key, report(40, "50000"), PM);
    long id = projects.lastStatusReportId(key);
    String explanation = "RED: SPI 0.8000 < 0.85 (rule Rule_Red)";

    assertThat(field(() -> projects.recordHealth(key, id, "PURPLE", explanation, "projectHealth")))
        .isEqualTo("health");
    assertThat(field(() -> projects.recordHealth(key, id, "RED", " ", "projectHealth")))
        .isEqualTo("healthExplanation");
    assertThat(field(() -> projects.recordHealth(key, 999_999L, "RED", explanation, "projectHealth")))
        .isEqualTo("statusReportId");
    assertThat(projects.require(key).health()).isNull();

    projects.recordHealth(key, id, "RED", explanation, "projectHealth");
    ProjectDetails details = projects.details(key);
    assertThat(details.summary().health()).isEqualTo("RED");
    assertThat(details.healthExplanation()).isEqualTo(explanation);
    assertThat(details.statusReports().get(0).health()).isEqualTo("RED");
    assertThat(details.statusReports().get(0).healthExplanation()).isEqualTo(explanation);
    assertThat(details.history()).last().satisfies(h -> {
      assertThat(h.type()).isEqualTo("HEALTH_ASSESSED");
      assertThat(h.decision()).isEqualTo("RED");
      assertThat(h.comment()).isEqualTo(explanation);
      assertThat(h.actor()).isEqualTo("projectHealth");
    });
    assertThat(projects.list(new ProjectFilter(null, "RED", null, null), 0, 200).content())
        .extracting(ProjectSummary::key).contains(key);

    projects.recordHealth(key, null, "AMBER", "AMBER: reassessed after a risk", "projectHealth");
    ProjectDetails reassessed = projects.details(key);
    assertThat(reassessed.summary().health()).as("an assessment without a report").isEqualTo("AMBER");
    assertThat(reassessed.healthExplanation()).isEqualTo("AMBER: reassessed after a risk");
    assertThat(reassessed.statusReports().get(0).health()).as("the report keeps its own").isEqualTo("RED");
  }

  @Test
  void onlyOpenCriticalRisksCountTowardHealth() {
    String key = inExecution("Critical risks");
    assertThat(projects.unassessedRisks(key)).as("initial and plan risks carry no severity yet").hasSize(2);
    assertThat(projects.openCriticalRisks(key)).isZero();
    long critical = projects.registerEscalatedRisk(key, "Supplier insolvent", 5, 4, "Second supplier", PM);
    long high = projects.registerEscalatedRisk(key, "Key tester ill", 3, 4, null, PM);
    assertThat(projects.openCriticalRisks(key)).as("not assessed yet").isZero();
    projects.assessRisk(key, critical, "CRITICAL", "portfolio-board");
    projects.assessRisk(key, high, "HIGH", "pmo");
    assertThat(projects.openCriticalRisks(key)).isEqualTo(1);
    assertThat(projects.unassessedRisks(key)).doesNotContain(critical, high).hasSize(2);
  }

  // --- change control

  @Test
  void anApprovedChangeFreezesTheNextBaselineAndTheProjectFollowsIt() {
    String key = inExecution("Approved change");
    ProjectService service = on(DAY_50);
    long id = service.registerChange(key, new ChangeInput("Add SSO", "Security audit finding",
        new BigDecimal("10000"), 7L, "MINOR"), "rae.requester");
    ChangeView requested = projects.change(key, id);
    assertThat(requested.number()).isEqualTo(1);
    assertThat(requested.status()).isEqualTo("REQUESTED");
    assertThat(requested.requestedBy()).isEqualTo("rae.requester");

    service.assessChange(key, id, new BigDecimal("12000"), 14L, null, "Two more sprints of the identity team", PM);
    ChangeView assessed = projects.change(key, id);
    assertThat(assessed.status()).isEqualTo("ASSESSED");
    assertThat(assessed.costImpact()).isEqualByComparingTo("12000");
    assertThat(assessed.scheduleImpactDays()).isEqualTo(14);
    assertThat(assessed.scopeImpact()).as("null keeps the requested value").isEqualTo("MINOR");
    assertThat(assessed.assessment()).isEqualTo("Two more sprints of the identity team");

    Integer version = service.decideChange(key, id, "APPROVED", null, "pmo", "pat.pmo");
    assertThat(version).isEqualTo(2);
    List<Baseline> baselines = projects.details(key).baselines();
    assertThat(baselines).hasSize(2);
    Baseline v1 = baselines.get(0);
    Baseline v2 = baselines.get(1);
    assertThat(v1.budget()).isEqualByComparingTo("100000");
    assertThat(v1.plannedEnd()).isEqualTo(END);
    assertThat(v2.version()).isEqualTo(2);
    assertThat(v2.budget()).isEqualByComparingTo("112000");
    assertThat(v2.plannedStart()).isEqualTo(START);
    assertThat(v2.plannedEnd()).isEqualTo(LocalDate.of(2027, 4, 24));
    assertThat(v2.scope()).startsWith(v1.scope()).endsWith("\nChange #1: Add SSO (MINOR)");
    assertThat(v2.milestones()).as("milestones unchanged").isEqualTo(v1.milestones());
    assertThat(v2.frozenBy()).isEqualTo("pat.pmo");
    assertThat(projects.currentBaseline(key).version()).isEqualTo(2);
    ProjectSummary project = projects.require(key);
    assertThat(project.budget()).isEqualByComparingTo("112000");
    assertThat(project.plannedEnd()).isEqualTo(LocalDate.of(2027, 4, 24));

    ChangeView approved = projects.change(key, id);
    assertThat(approved.status()).isEqualTo("APPROVED");
    assertThat(approved.approver()).isEqualTo("pmo");
    assertThat(approved.decidedBy()).isEqualTo("pat.pmo");
    assertThat(approved.baselineVersion()).isEqualTo(2);
    assertThat(approved.decidedAt()).isNotNull();
    assertThat(projects.details(key).changes()).containsExactly(approved);
    assertThat(projects.details(key).history()).extracting(ProjectDetails.HistoryEntry::type)
        .endsWith("CHANGE_REQUESTED", "CHANGE_ASSESSED", "CHANGE_APPROVED", "BASELINE_FROZEN");

    // the next report measures against version 2: BAC 112,000 over 114 days
    EarnedValue ev = service.recordStatusReport(key, report(50, "50000"), PM);
    assertThat(ev.bac()).isEqualByComparingTo("112000");
    assertThat(ev.plannedEnd()).isEqualTo(LocalDate.of(2027, 4, 24));
    assertThat(field(() -> service.decideChange(key, id, "REJECTED", "Too late", "pmo", "pat.pmo")))
        .as("decided once").isEqualTo("changeId");
  }

  @Test
  void aRejectedChangeIsLoggedWithItsReasonAndLeavesTheBaseline() {
    String key = inExecution("Rejected change");
    ProjectService service = on(DAY_50);
    long id = service.registerChange(key, new ChangeInput("Gold plating", "Nice to have", new BigDecimal("-500"),
        0L, "NONE"), PM);
    assertThat(field(() -> service.decideChange(key, id, "APPROVED", null, "PROJECT_MANAGER", PM)))
        .as("not assessed yet").isEqualTo("changeId");
    service.assessChange(key, id, null, null, null, "A saving, but no value", PM);
    assertThat(field(() -> service.decideChange(key, id, "REJECTED", " ", "PROJECT_MANAGER", PM)))
        .isEqualTo("decisionComment");
    assertThat(field(() -> service.decideChange(key, id, "ON_HOLD", "Later", "PROJECT_MANAGER", PM)))
        .isEqualTo("decision");
    assertThat(service.decideChange(key, id, "REJECTED", "Not in the charter", "PROJECT_MANAGER", PM)).isNull();

    ChangeView rejected = projects.change(key, id);
    assertThat(rejected.status()).isEqualTo("REJECTED");
    assertThat(rejected.decisionComment()).isEqualTo("Not in the charter");
    assertThat(rejected.approver()).isEqualTo("PROJECT_MANAGER");
    assertThat(rejected.baselineVersion()).isNull();
    assertThat(projects.details(key).baselines()).hasSize(1);
    assertThat(projects.require(key).budget()).isEqualByComparingTo("100000");
    assertThat(projects.details(key).history()).last().satisfies(h -> {
      assertThat(h.type()).isEqualTo("CHANGE_REJECTED");
      assertThat(h.decision()).isEqualTo("REJECTED");
      assertThat(h.comment()).isEqualTo("#1 Gold plating: Not in the charter");
    });
    long second = service.registerChange(key, new ChangeInput("Another", "Because", BigDecimal.ZERO, 1L, "NONE"), PM);
    assertThat(projects.change(key, second).number()).isEqualTo(2);
  }

  @Test
  void aChangeForAnUnknownEndedOrUnbaselinedProjectIsRefusedNamingProjectKey() {
    ChangeInput change = new ChangeInput("Anything", "Because", BigDecimal.ONE, 1L, "NONE");
    InvalidInputException unknown = catchThrowableOfType(InvalidInputException.class,
        () -> projects.registerChange("PRJ-1999-0001", change, PM));
    assertThat(unknown.field()).isEqualTo("projectKey");
    assertThat(unknown.getMessage()).contains("no project");
    assertThat(field(() -> projects.registerChange(null, change, PM))).isEqualTo("projectKey");

    String planning = ProjectFixtures.inPlanning(projects, "Unbaselined change");
    InvalidInputException unbaselined = catchThrowableOfType(InvalidInputException.class,
        () -> projects.registerChange(planning, change, PM));
    assertThat(unbaselined.field()).isEqualTo("projectKey");
    assertThat(unbaselined.getMessage()).contains("no baseline");

    String ended = inExecution("Ended change");
    projects.changePhase(ended, Phase.CANCELLED, SPONSOR, "Stopped");
    InvalidInputException cancelled = catchThrowableOfType(InvalidInputException.class,
        () -> projects.registerChange(ended, change, PM));
    assertThat(cancelled.field()).isEqualTo("projectKey");
    assertThat(cancelled.getMessage()).contains("CANCELLED");
    assertThat(projects.details(planning).changes()).isEmpty();
    assertThat(projects.details(ended).changes()).isEmpty();
  }

  @Test
  void aChangeNeedsTitleReasonAndValidImpacts() {
    String key = inExecution("Invalid changes");
    assertThat(changeField(key, new ChangeInput(" ", "r", BigDecimal.ONE, 1L, "NONE"))).isEqualTo("title");
    assertThat(changeField(key, new ChangeInput("t".repeat(201), "r", BigDecimal.ONE, 1L, "NONE")))
        .isEqualTo("title");
    assertThat(changeField(key, new ChangeInput("t", null, BigDecimal.ONE, 1L, "NONE"))).isEqualTo("reason");
    assertThat(changeField(key, new ChangeInput("t", "r", null, 1L, "NONE"))).isEqualTo("costImpact");
    assertThat(changeField(key, new ChangeInput("t", "r", new BigDecimal("-100000.01"), 1L, "NONE")))
        .as("below a budget of 0").isEqualTo("costImpact");
    assertThat(changeField(key, new ChangeInput("t", "r", BigDecimal.ONE, null, "NONE")))
        .isEqualTo("scheduleImpactDays");
    assertThat(changeField(key, new ChangeInput("t", "r", BigDecimal.ONE, -1L, "NONE")))
        .as("negative days").isEqualTo("scheduleImpactDays");
    assertThat(changeField(key, new ChangeInput("t", "r", BigDecimal.ONE, 1L, "HUGE"))).isEqualTo("scopeImpact");
    assertThat(changeField(key, new ChangeInput("t", "r", BigDecimal.ONE, 1L, null))).isEqualTo("scopeImpact");
    assertThat(projects.details(key).changes()).isEmpty();

    long id = projects.registerChange(key, new ChangeInput("t", "r", new BigDecimal("-100000"), 0L, "MAJOR"), PM);
    assertThat(field(() -> projects.assessChange(key, id, null, -3L, null, "Fine", PM)))
        .isEqualTo("scheduleImpactDays");
    assertThat(field(() -> projects.assessChange(key, id, null, null, null, " ", PM))).isEqualTo("impactAssessment");
    assertThat(field(() -> projects.assessChange(key, 999_999, null, null, null, "Fine", PM))).isEqualTo("changeId");
    assertThat(projects.change(key, id).status()).isEqualTo("REQUESTED");
  }

  private String changeField(String key, ChangeInput input) {
    return field(() -> projects.registerChange(key, input, PM));
  }

  // --- risk register

  @Test
  void anEscalatedRiskIsValidatedStoredAssessedAndAnswered() {
    String key = inExecution("Escalated risk");
    assertThat(field(() -> projects.registerEscalatedRisk(key, "Flood", 9, 3, null, PM))).isEqualTo("probability");
    assertThat(field(() -> projects.registerEscalatedRisk(key, "Flood", null, 3, null, PM))).isEqualTo("probability");
    assertThat(field(() -> projects.registerEscalatedRisk(key, "Flood", 3, 0, null, PM))).isEqualTo("impact");
    assertThat(field(() -> projects.registerEscalatedRisk(key, " ", 3, 3, null, PM))).isEqualTo("riskTitle");
    assertThat(field(() -> projects.registerEscalatedRisk(key, "Flood", 3, 3, "m".repeat(4001), PM)))
        .isEqualTo("mitigation");
    assertThat(field(() -> projects.registerEscalatedRisk("PRJ-1999-0001", "Flood", 3, 3, null, PM)))
        .isEqualTo("projectKey");
    String ended = inExecution("Ended risk");
    projects.changePhase(ended, Phase.CANCELLED, SPONSOR, null);
    assertThat(field(() -> projects.registerEscalatedRisk(ended, "Flood", 3, 3, null, PM))).isEqualTo("projectKey");
    assertThat(projects.details(key).risks()).noneMatch(r -> r.source().equals("ESCALATION"));

    long id = projects.registerEscalatedRisk(key, "Data centre flood", 4, 5, "Move racks upstairs", PM);
    ProjectDetails.RiskView risk = risk(key, id);
    assertThat(risk.score()).isEqualTo(20);
    assertThat(risk.status()).isEqualTo("OPEN");
    assertThat(risk.source()).isEqualTo("ESCALATION");
    assertThat(risk.response()).isEqualTo("Move racks upstairs");
    assertThat(risk.severity()).isNull();

    assertThat(field(() -> projects.assessRisk(key, id, "SEVERE", "pmo"))).isEqualTo("severity");
    assertThat(field(() -> projects.assessRisk(key, id, "CRITICAL", " "))).isEqualTo("owner");
    assertThat(field(() -> projects.assessRisk(key, 999_999, "CRITICAL", "pmo"))).isEqualTo("riskId");
    projects.assessRisk(key, id, "CRITICAL", "portfolio-board");
    assertThat(risk(key, id).severity()).isEqualTo("CRITICAL");
    assertThat(risk(key, id).owner()).isEqualTo("portfolio-board");

    ProjectService service = on(DAY_50);
    assertThat(field(() -> service.recordRiskResponse(key, id, "IGNORE", DAY_50, null, "bob.board")))
        .isEqualTo("responseStrategy");
    assertThat(field(() -> service.recordRiskResponse(key, id, "MITIGATE", null, null, "bob.board")))
        .isEqualTo("responseDueDate");
    assertThat(field(() -> service.recordRiskResponse(key, id, "MITIGATE", DAY_50.minusDays(1), null,
        "bob.board"))).as("yesterday").isEqualTo("responseDueDate");
    assertThat(field(() -> service.recordRiskResponse(key, id, "MITIGATE", DAY_50, "n".repeat(4001),
        "bob.board"))).isEqualTo("responseNote");
    assertThat(risk(key, id).responseStrategy()).isNull();

    service.recordRiskResponse(key, id, "TRANSFER", DAY_50, "Insurance covers it", "bob.board");
    ProjectDetails.RiskView answered = risk(key, id);
    assertThat(answered.responseStrategy()).isEqualTo("TRANSFER");
    assertThat(answered.responseDue()).isEqualTo(DAY_50);
    assertThat(answered.responseNote()).isEqualTo("Insurance covers it");
    assertThat(answered.status()).as("still open until it is gone").isEqualTo("OPEN");
    assertThat(projects.details(key).history()).extracting(h -> h.type() + " " + h.decision())
        .endsWith("RISK_REPORTED null", "RISK_ASSESSED CRITICAL", "RISK_RESPONSE_CHOSEN TRANSFER");
  }

  private ProjectDetails.RiskView risk(String key, long id) {
    return projects.details(key).risks().stream().filter(r -> r.id() == id).findFirst().orElseThrow();
  }

  // --- exception reports and recovery plans

  @Test
  void anApprovedReplanFreezesTheProposedBudgetAndEndAsTheNextBaseline() {
    String key = inExecution("Replanned");
    ProjectService service = on(DAY_50);
    LocalDate newEnd = LocalDate.of(2027, 6, 30);
    assertThat(field(() -> service.recordExceptionReport(key, " ", "o", "REPLAN", BigDecimal.TEN, newEnd, PM)))
        .isEqualTo("exceptionCause");
    assertThat(field(() -> service.recordExceptionReport(key, "c", null, "REPLAN", BigDecimal.TEN, newEnd, PM)))
        .isEqualTo("exceptionOptions");
    assertThat(field(() -> service.recordExceptionReport(key, "c", "o", "PANIC", BigDecimal.TEN, newEnd, PM)))
        .isEqualTo("exceptionRecommendation");
    assertThat(field(() -> service.recordExceptionReport(key, "c", "o", "REPLAN", null, newEnd, PM)))
        .isEqualTo("proposedBudget");
    assertThat(field(() -> service.recordExceptionReport(key, "c", "o", "REPLAN", BigDecimal.ZERO, newEnd, PM)))
        .isEqualTo("proposedBudget");
    assertThat(field(() -> service.recordExceptionReport(key, "c", "o", "REPLAN", BigDecimal.TEN, null, PM)))
        .isEqualTo("proposedEnd");
    assertThat(field(() -> service.recordExceptionReport(key, "c", "o", "REPLAN", BigDecimal.TEN,
        DAY_50.minusDays(1), PM))).as("in the past").isEqualTo("proposedEnd");
    assertThat(projects.details(key).exceptionReports()).isEmpty();

    long id = service.recordExceptionReport(key, "Vendor went bankrupt", "Replan, or cancel", "REPLAN",
        new BigDecimal("140000"), newEnd, PM);
    ExceptionReportView filed = projects.exceptionReport(key, id);
    assertThat(filed.status()).isEqualTo("SUBMITTED");
    assertThat(filed.recommendation()).isEqualTo("REPLAN");
    assertThat(filed.proposedBudget()).isEqualByComparingTo("140000");
    assertThat(filed.proposedEnd()).isEqualTo(newEnd);

    assertThat(field(() -> service.decideException(key, id, "REJECTED", null, "bob.board")))
        .isEqualTo("decisionComment");
    assertThat(service.decideException(key, id, "APPROVED", "Go", "bob.board")).isEqualTo(2);
    Baseline v2 = projects.currentBaseline(key);
    assertThat(v2.version()).isEqualTo(2);
    assertThat(v2.budget()).isEqualByComparingTo("140000");
    assertThat(v2.plannedStart()).isEqualTo(START);
    assertThat(v2.plannedEnd()).isEqualTo(newEnd);
    assertThat(projects.require(key).budget()).isEqualByComparingTo("140000");
    assertThat(projects.require(key).plannedEnd()).isEqualTo(newEnd);
    ExceptionReportView decided = projects.exceptionReport(key, id);
    assertThat(decided.status()).isEqualTo("APPROVED");
    assertThat(decided.decidedBy()).isEqualTo("bob.board");
    assertThat(decided.baselineVersion()).isEqualTo(2);
    assertThat(projects.details(key).history()).extracting(h -> h.type() + " " + h.decision())
        .endsWith("EXCEPTION_REPORTED null", "EXCEPTION_DECIDED APPROVED", "BASELINE_FROZEN null");
    assertThat(field(() -> service.decideException(key, id, "APPROVED", null, "bob.board")))
        .as("decided once").isEqualTo("exceptionId");
  }

  @Test
  void continueOrCancelStoreNoProposalAndMakeNoBaseline() {
    String key = inExecution("Carry on");
    ProjectService service = on(DAY_50);
    long rejected = service.recordExceptionReport(key, "Late", "None", "CONTINUE", BigDecimal.TEN, null, PM);
    assertThat(projects.exceptionReport(key, rejected).proposedBudget()).isNull();
    assertThat(service.decideException(key, rejected, "REJECTED", "Say what you will change", "pat.pmo")).isNull();
    assertThat(projects.exceptionReport(key, rejected).status()).isEqualTo("REJECTED");
    long cancel = service.recordExceptionReport(key, "Late", "Stop", "CANCEL", null, null, PM);
    assertThat(service.decideException(key, cancel, "APPROVED", null, "pat.pmo")).isNull();
    assertThat(projects.details(key).baselines()).hasSize(1);
    assertThat(projects.details(key).exceptionReports()).extracting(ExceptionReportView::status)
        .containsExactly("REJECTED", "APPROVED");
    assertThat(field(() -> projects.exceptionReport(key, 999_999))).isEqualTo("exceptionId");
  }

  @Test
  void aRecoveryPlanIsRecordedAndReviewed() {
    String key = inExecution("Recovery");
    ProjectService service = on(DAY_50);
    assertThatThrownBy(() -> service.reviewRecoveryPlan(key, "APPROVED", null, "pat.pmo"))
        .isInstanceOf(ForbiddenActionException.class).hasMessageContaining("no recovery plan");
    assertThat(field(() -> service.recordRecoveryPlan(key, " ", DAY_50, PM))).isEqualTo("recoveryActions");
    assertThat(field(() -> service.recordRecoveryPlan(key, "Hire", null, PM))).isEqualTo("recoveryTargetDate");
    assertThat(field(() -> service.recordRecoveryPlan(key, "Hire", DAY_50.minusDays(1), PM)))
        .isEqualTo("recoveryTargetDate");

    service.recordRecoveryPlan(key, "Hire two contractors", DAY_50.plusDays(30), PM);
    assertThat(field(() -> service.reviewRecoveryPlan(key, "REJECTED", null, "pat.pmo")))
        .isEqualTo("decisionComment");
    service.reviewRecoveryPlan(key, "REJECTED", "Contractors are not budgeted", "pat.pmo");
    service.recordRecoveryPlan(key, "Move a developer from the app team", DAY_50.plusDays(30), PM);
    service.reviewRecoveryPlan(key, "APPROVED", null, "pat.pmo");

    assertThat(projects.details(key).recoveryPlans()).extracting(RecoveryPlanView::status,
            RecoveryPlanView::reviewedBy)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("REJECTED", "pat.pmo"),
            org.assertj.core.groups.Tuple.tuple("APPROVED", "pat.pmo"));
    assertThat(projects.details(key).history()).extracting(h -> h.type() + " " + h.decision())
        .endsWith("RECOVERY_PLANNED null", "RECOVERY_REVIEWED REJECTED", "RECOVERY_PLANNED null",
            "RECOVERY_REVIEWED APPROVED");
  }

  // --- delegations

  @Test
  void aDelegationNamesAnotherExistingUserForACurrentDateRange() {
    ProjectService service = on(DAY_50);
    String user = "bob.board";
    LocalDate to = DAY_50.plusDays(7);
    assertThat(field(() -> service.setDelegation(user, "ghost", DAY_50, to))).isEqualTo("substitute");
    assertThat(field(() -> service.setDelegation(user, null, DAY_50, to))).isEqualTo("substitute");
    assertThat(field(() -> service.setDelegation(user, user, DAY_50, to))).as("not themself").isEqualTo("substitute");
    assertThat(field(() -> service.setDelegation(user, "pat.pmo", null, to))).isEqualTo("from");
    assertThat(field(() -> service.setDelegation(user, "pat.pmo", DAY_50, null))).isEqualTo("to");
    assertThat(field(() -> service.setDelegation(user, "pat.pmo", to, DAY_50))).as("to before from")
        .isEqualTo("to");
    assertThat(field(() -> service.setDelegation(user, "pat.pmo", DAY_50.minusDays(9), DAY_50.minusDays(1))))
        .as("over already").isEqualTo("to");
    assertThat(service.delegation(user)).isEmpty();

    service.setDelegation(user, "pat.pmo", DAY_50.minusDays(1), to);
    assertThat(service.delegation(user)).contains(new Delegation(user, "pat.pmo", DAY_50.minusDays(1), to));
    assertThat(service.substituteOn(user, DAY_50.minusDays(1))).contains("pat.pmo");
    assertThat(service.substituteOn(user, to)).as("both days inclusive").contains("pat.pmo");
    assertThat(service.substituteOn(user, to.plusDays(1))).isEmpty();
    assertThat(service.substituteOn(user, DAY_50.minusDays(2))).isEmpty();
    assertThat(service.substituteOn("sam.sponsor", DAY_50)).isEmpty();

    service.setDelegation(user, "sam.sponsor", DAY_50, DAY_50);
    assertThat(service.delegation(user)).map(Delegation::substitute).contains("sam.sponsor");
    service.clearDelegation(user);
    assertThat(service.delegation(user)).isEqualTo(Optional.empty());
    assertThat(service.substituteOn(user, DAY_50)).isEmpty();
  }

  private static String field(Runnable call) {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, call::run);
    assertThat(e).as("refused with InvalidInputException").isNotNull();
    return e.field();
  }
}
