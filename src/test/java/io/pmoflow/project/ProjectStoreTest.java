package io.pmoflow.project;

import static io.pmoflow.project.ProjectFixtures.PM;
import static io.pmoflow.project.ProjectFixtures.SPONSOR;
import static io.pmoflow.project.ProjectFixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pmoflow.TestProfiles;
import io.pmoflow.project.ProjectFixtures.PlanDraft;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** Planning against the real store: what a valid plan is, how a new one replaces the old, gates and baselines. */
@SpringBootTest
@ActiveProfiles(resolver = TestProfiles.class)
class ProjectStoreTest {

  @Autowired ProjectService projects;
  @Autowired JdbcClient jdbc;

  static Stream<Arguments> invalidPlans() {
    String longName = "x".repeat(201);
    return Stream.of(
        invalid("plannedStart", d -> d.plannedStart = null),
        invalid("plannedEnd", d -> d.plannedEnd = null),
        invalid("plannedEnd", d -> d.plannedEnd = d.plannedStart.minusDays(1)),
        invalid("workPackages", d -> d.workPackages.clear()),
        invalid("workPackages[0].name", d -> d.workPackages.set(0, wp(" ", PM, "1", 0, 1))),
        invalid("workPackages[0].name", d -> d.workPackages.set(0, wp(longName, PM, "1", 0, 1))),
        invalid("workPackages[1].owner", d -> d.workPackages.set(1, wp("Build", "no.body", "1", 0, 1))),
        invalid("workPackages[1].owner", d -> d.workPackages.set(1, wp("Build", null, "1", 0, 1))),
        invalid("workPackages[0].estimateDays", d -> d.workPackages.set(0, wp("Design", PM, "0", 0, 1))),
        invalid("workPackages[0].estimateDays", d -> d.workPackages.set(0, wp("Design", PM, "-2", 0, 1))),
        invalid("workPackages[0].estimateDays", d -> d.workPackages.set(0, wp("Design", PM, null, 0, 1))),
        invalid("workPackages[2].start", d -> d.workPackages.set(2, new Plan.WorkPackage("Roll-out", PM,
            BigDecimal.ONE, null, LocalDate.of(2027, 6, 30)))),
        invalid("workPackages[2].end", d -> d.workPackages.set(2, new Plan.WorkPackage("Roll-out", PM,
            BigDecimal.ONE, LocalDate.of(2027, 6, 1), null))),
        invalid("workPackages[0].end", d -> d.workPackages.set(0, wp("Design", PM, "1", 5, 4))),
        invalid("milestones", d -> d.milestones.clear()),
        invalid("milestones[1].name", d -> d.milestones.set(1, new Charter.Milestone("", LocalDate.of(2027, 6, 1)))),
        invalid("milestones[0].dueDate", d -> d.milestones.set(0, new Charter.Milestone("Design", null))),
        invalid("budget", d -> d.budget.clear()),
        invalid("budget[0].category", d -> d.budget.set(0, new Plan.BudgetLine(null, BigDecimal.TEN))),
        invalid("budget[0].category", d -> d.budget.set(0, new Plan.BudgetLine("c".repeat(61), BigDecimal.TEN))),
        invalid("budget[1].amount", d -> d.budget.set(1, new Plan.BudgetLine("Licences", new BigDecimal("-1")))),
        invalid("budget[1].amount", d -> d.budget.set(1, new Plan.BudgetLine("Licences", null))),
        invalid("budget", d -> d.budget = List.of(new Plan.BudgetLine("Staff", BigDecimal.ZERO))),
        invalid("resources[0].role", d -> d.resources.set(0, new Plan.ResourceAssignment(" ", "pat.pmo", 20))),
        invalid("resources[1].userId", d -> d.resources.set(1, new Plan.ResourceAssignment("Lead", "ghost", 20))),
        invalid("resources[0].allocationPercent",
            d -> d.resources.set(0, new Plan.ResourceAssignment("Tester", "pat.pmo", 0))),
        invalid("resources[0].allocationPercent",
            d -> d.resources.set(0, new Plan.ResourceAssignment("Tester", "pat.pmo", 101))),
        invalid("resources[0].allocationPercent",
            d -> d.resources.set(0, new Plan.ResourceAssignment("Tester", "pat.pmo", null))),
        invalid("communications[0].audience", d -> d.communications.set(0, new Plan.Communication(null, "c", "m", "f"))),
        invalid("communications[0].content", d -> d.communications.set(0, new Plan.Communication("a", " ", "m", "f"))),
        invalid("communications[0].channel", d -> d.communications.set(0, new Plan.Communication("a", "c", "", "f"))),
        invalid("communications[0].frequency",
            d -> d.communications.set(0, new Plan.Communication("a", "c", "m", null))),
        invalid("risks[0].title", d -> d.risks.set(0, new RiskInput(null, 2, 2, "r"))),
        invalid("risks[0].probability", d -> d.risks.set(0, new RiskInput("t", 0, 2, "r"))),
        invalid("risks[0].impact", d -> d.risks.set(0, new RiskInput("t", 2, 6, "r"))),
        invalid("risks[0].response", d -> d.risks.set(0, new RiskInput("t", 2, 2, " "))),
        invalid("qualityStandards", d -> d.qualityStandards = null),
        invalid("qualityAcceptanceCriteria", d -> d.qualityAcceptanceCriteria = "  "));
  }

  private static Arguments invalid(String field, Consumer<PlanDraft> change) {
    return Arguments.of(field, change);
  }

  private static Plan.WorkPackage wp(String name, String owner, String days, int startDay, int endDay) {
    return new Plan.WorkPackage(name, owner, days == null ? null : new BigDecimal(days),
        LocalDate.of(2027, 3, 1).plusDays(startDay), LocalDate.of(2027, 3, 1).plusDays(endDay));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidPlans")
  void anInvalidPlanIsRefusedNamingTheFieldAndNothingIsWritten(String field, Consumer<PlanDraft> change) {
    String key = ProjectFixtures.inPlanning(projects, "Refused plan " + field);
    InvalidInputException refusal = catchThrowableOfType(InvalidInputException.class,
        () -> projects.recordPlan(key, plan(change), PM));
    assertThat(refusal).as("refused").isNotNull();
    assertThat(refusal.field()).isEqualTo(field);
    ProjectDetails details = projects.details(key);
    assertThat(details.plan()).isNull();
    assertThat(details.workPackages()).isEmpty();
    assertThat(details.milestones()).extracting(ProjectDetails.MilestoneView::name)
        .containsExactly("Charter milestone", "Charter go-live");
    assertThat(details.summary().budget()).isEqualByComparingTo("48000");
  }

  @Test
  void aPlanSetsBudgetDatesMilestonesAndRisksAndAResubmittedPlanReplacesIt() {
    String key = ProjectFixtures.inPlanning(projects, "Warehouse scanners");
    assertThat(projects.milestonesForPlanning(key)).extracting(Charter.Milestone::name)
        .containsExactly("Charter milestone", "Charter go-live");

    projects.recordPlan(key, plan(d -> d.budget.add(new Plan.BudgetLine("Travel", new BigDecimal("0.50")))), PM);
    ProjectDetails first = projects.details(key);
    assertThat(first.summary().budget()).isEqualByComparingTo("50000.50");
    assertThat(first.plan().budgetTotal()).isEqualByComparingTo("50000.50");
    assertThat(first.summary().plannedStart()).isEqualTo(LocalDate.of(2027, 1, 4));
    assertThat(first.summary().plannedEnd()).isEqualTo(LocalDate.of(2027, 6, 30));
    assertThat(first.workPackages()).extracting(WorkPackageView::name).containsExactly("Design", "Build", "Roll-out");
    assertThat(first.workPackages()).extracting(WorkPackageView::status).containsOnly("PLANNED");
    assertThat(first.milestones()).extracting(ProjectDetails.MilestoneView::name)
        .containsExactly("Design signed off", "Go-live");
    assertThat(first.risks()).extracting(ProjectDetails.RiskView::source)
        .containsExactly("INITIAL_ASSESSMENT", "PLAN");
    assertThat(first.plan().resources()).extracting(ProjectDetails.ResourceView::userId)
        .containsExactly("pat.pmo", PM);
    assertThat(first.plan().communications()).hasSize(1);
    assertThat(first.plan().qualityStandards()).isEqualTo("ISO 9001 reviews");
    assertThat(first.plan().recordedBy()).isEqualTo(PM);

    projects.recordPlan(key, plan(d -> {
      d.plannedEnd = LocalDate.of(2027, 9, 30);
      d.workPackages.remove(2);
      d.milestones.remove(0);
      d.budget = List.of(new Plan.BudgetLine("Staff", new BigDecimal("61000")));
      d.resources = List.of();
      d.communications = List.of();
      d.risks = List.of(new RiskInput("Scope creep", 3, 3, "Change control"), new RiskInput("Outage", 1, 5, "DR"));
    }), PM);
    ProjectDetails second = projects.details(key);
    assertThat(second.summary().budget()).isEqualByComparingTo("61000");
    assertThat(second.plan().budget()).extracting(Plan.BudgetLine::category).containsExactly("Staff");
    assertThat(second.summary().plannedEnd()).isEqualTo(LocalDate.of(2027, 9, 30));
    assertThat(second.plan().plannedEnd()).isEqualTo(LocalDate.of(2027, 9, 30));
    assertThat(second.workPackages()).extracting(WorkPackageView::name).containsExactly("Design", "Build");
    assertThat(second.milestones()).extracting(ProjectDetails.MilestoneView::name).containsExactly("Go-live");
    assertThat(second.risks()).extracting(ProjectDetails.RiskView::title)
        .containsExactly("Vendor late", "Scope creep", "Outage");
    assertThat(second.plan().resources()).isEmpty();
    assertThat(second.plan().communications()).isEmpty();
    assertThat(second.history()).filteredOn(h -> h.type().equals("PLAN_DRAFTED")).hasSize(2)
        .allSatisfy(h -> assertThat(h.actor()).isEqualTo(PM));
  }

  @Test
  void nullOptionalListsOfAPlanMeanNone() {
    String key = ProjectFixtures.inPlanning(projects, "Minimal plan");
    projects.recordPlan(key, plan(d -> {
      d.resources = null;
      d.communications = null;
      d.risks = null;
    }), PM);
    assertThat(projects.details(key).plan().resources()).isEmpty();
  }

  @Test
  void theCharterGateNeedsCharterTeamAndInitialRisks() {
    String key = ProjectFixtures.requested(projects, "Charter gaps");
    GateCriteriaNotMetException gaps = catchThrowableOfType(GateCriteriaNotMetException.class,
        () -> projects.requireGateCriteria(key, Gate.CHARTER));
    assertThat(gaps.field()).isEqualTo("charter");
    assertThat(gaps.gate()).isEqualTo(Gate.CHARTER);
    assertThat(gaps.getMessage()).startsWith("Gate CHARTER cannot be requested: charter: ")
        .contains("; teamMembers: at least one team member is required")
        .contains("; initialRisks: ");
    assertThat(gaps.gaps()).extracting(GateCriteriaNotMetException.Gap::criterion)
        .containsExactly("charter", "teamMembers", "initialRisks");

    String ready = ProjectFixtures.inPlanning(projects, "Charter complete");
    projects.requireGateCriteria(ready, Gate.CHARTER);
  }

  @Test
  void thePlanGateNeedsAPlanWithMilestonesAndABudget() {
    String key = ProjectFixtures.inPlanning(projects, "Plan gaps");
    GateCriteriaNotMetException gaps = catchThrowableOfType(GateCriteriaNotMetException.class,
        () -> projects.requireGateCriteria(key, Gate.PLAN));
    assertThat(gaps.field()).isEqualTo("plan");
    assertThat(gaps.gaps()).extracting(GateCriteriaNotMetException.Gap::criterion).containsExactly("plan", "budget");
    assertThat(gaps.getMessage()).startsWith("Gate PLAN cannot be requested: plan: no plan has been recorded; budget: ");

    String bare = ProjectFixtures.requested(projects, "No milestones at all");
    assertThat(catchThrowableOfType(GateCriteriaNotMetException.class,
        () -> projects.requireGateCriteria(bare, Gate.PLAN)).gaps())
        .extracting(GateCriteriaNotMetException.Gap::criterion).containsExactly("plan", "milestones", "budget");

    projects.recordPlan(key, plan(d -> { }), PM);
    projects.requireGateCriteria(key, Gate.PLAN);
  }

  @Test
  void closureReadinessNeedsSettledMilestonesAndDeliverablesAndAcceptanceNeedsItsApproval() {
    String key = ProjectFixtures.inExecution(projects, "Closure gaps");
    GateCriteriaNotMetException gaps = catchThrowableOfType(GateCriteriaNotMetException.class,
        () -> projects.requireGateCriteria(key, Gate.CLOSURE_READINESS));
    assertThat(gaps.field()).isEqualTo("milestones");
    assertThat(gaps.getMessage()).contains("Design signed off, Go-live").contains("deliverables: ");
    assertThat(catchThrowableOfType(GateCriteriaNotMetException.class,
        () -> projects.requireGateCriteria(key, Gate.ACCEPTANCE)).field()).isEqualTo("closureReadiness");

    List<ProjectDetails.MilestoneView> milestones = projects.milestones(key);
    projects.recordExecutionUpdate(key, new ExecutionUpdate(List.of(
        new MilestoneUpdate(milestones.get(0).id(), "DONE", LocalDate.of(2027, 2, 10), null),
        new MilestoneUpdate(milestones.get(1).id(), "WAIVED", null, "Go-live moved to the follow-up project")),
        List.of(), List.of(), true, null), PM);
    projects.requireGateCriteria(key, Gate.CLOSURE_READINESS);

    ProjectFixtures.signOff(projects, key, Gate.CLOSURE_READINESS, "REJECTED");
    assertThat(catchThrowableOfType(GateCriteriaNotMetException.class,
        () -> projects.requireGateCriteria(key, Gate.CLOSURE_READINESS)).field())
        .as("a rejected closure asks for the deliverables again").isEqualTo("deliverables");
    assertThat(catchThrowableOfType(GateCriteriaNotMetException.class,
        () -> projects.requireGateCriteria(key, Gate.ACCEPTANCE)).field()).isEqualTo("closureReadiness");

    projects.recordExecutionUpdate(key, new ExecutionUpdate(List.of(), List.of(), List.of(), true, "Fixed"), PM);
    ProjectFixtures.signOff(projects, key, Gate.CLOSURE_READINESS, "APPROVED");
    projects.requireGateCriteria(key, Gate.CLOSURE_READINESS);
    projects.requireGateCriteria(key, Gate.ACCEPTANCE);
  }

  @Test
  void unknownProjectsAreNotFound() {
    assertThatThrownBy(() -> projects.requireGateCriteria("PRJ-1999-0001", Gate.PLAN))
        .isInstanceOf(ProjectNotFoundException.class);
    assertThatThrownBy(() -> projects.recordPlan("PRJ-1999-0001", plan(d -> { }), PM))
        .isInstanceOf(ProjectNotFoundException.class);
  }

  @Test
  void baselinesAreFrozenCopiesNumberedFromOne() {
    String key = ProjectFixtures.inPlanning(projects, "Baselined");
    projects.recordPlan(key, plan(d -> { }), PM);
    Baseline first = projects.freezeBaseline(key, SPONSOR);
    assertThat(first.version()).isEqualTo(1);
    assertThat(first.budget()).isEqualByComparingTo("50000");
    assertThat(first.plannedStart()).isEqualTo(LocalDate.of(2027, 1, 4));
    assertThat(first.plannedEnd()).isEqualTo(LocalDate.of(2027, 6, 30));
    assertThat(first.scope()).isEqualTo("Everything about Baselined");
    assertThat(first.milestones()).extracting(Charter.Milestone::name).containsExactly("Design signed off", "Go-live");
    assertThat(first.frozenBy()).isEqualTo(SPONSOR);

    projects.recordPlan(key, plan(d -> {
      d.plannedEnd = LocalDate.of(2027, 8, 31);
      d.budget.add(new Plan.BudgetLine("Contingency", new BigDecimal("5000")));
      d.milestones.add(new Charter.Milestone("Hypercare over", LocalDate.of(2027, 8, 31)));
    }), PM);
    Baseline second = projects.freezeBaseline(key, SPONSOR);
    assertThat(second.version()).isEqualTo(2);
    assertThat(second.budget()).isEqualByComparingTo("55000");
    assertThat(second.plannedEnd()).isEqualTo(LocalDate.of(2027, 8, 31));

    ProjectDetails details = projects.details(key);
    assertThat(details.baselines()).extracting(Baseline::version).containsExactly(1, 2);
    assertThat(details.baselines().get(0).budget()).as("version 1 stays as frozen").isEqualByComparingTo("50000");
    assertThat(details.baselines().get(0).milestones()).hasSize(2);
    assertThat(details.baselines().get(1).milestones()).hasSize(3);
    assertThat(details.history()).filteredOn(h -> h.type().equals("BASELINE_FROZEN"))
        .extracting(ProjectDetails.HistoryEntry::comment).containsExactly("version 1", "version 2");
  }
}
