package io.pmoflow.project;

import static io.pmoflow.project.ProjectFixtures.PM;
import static io.pmoflow.project.ProjectFixtures.REQUESTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pmoflow.TestProfiles;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Execution against the real store: work packages reported done, milestones, issues and the deliverables. */
@SpringBootTest
@ActiveProfiles(resolver = TestProfiles.class)
class ExecutionStoreTest {

  static final LocalDate DAY = LocalDate.of(2027, 2, 10);

  @Autowired ProjectService projects;

  @Test
  void theOwnerReportsAWorkPackageDoneAndCostAndPercentCompleteFollow() {
    String key = ProjectFixtures.inExecution(projects, "Reported packages");
    List<WorkPackageView> packages = projects.workPackages(key);
    long design = packages.get(0).id();

    assertThatThrownBy(() -> projects.recordWorkPackageDone(key, design, DAY, BigDecimal.TEN, null, "pat.pmo"))
        .isInstanceOf(ForbiddenActionException.class).hasMessageContaining(REQUESTER);
    assertThat(projects.workPackage(key, design).status()).isEqualTo("PLANNED");

    projects.recordWorkPackageDone(key, design, DAY, new BigDecimal("12000.50"), "Two review rounds", REQUESTER);
    WorkPackageView done = projects.workPackage(key, design);
    assertThat(done.status()).isEqualTo("DONE");
    assertThat(done.completedOn()).isEqualTo(DAY);
    assertThat(done.actualCost()).isEqualByComparingTo("12000.50");
    assertThat(done.note()).isEqualTo("Two review rounds");
    ProjectSummary afterOne = projects.require(key);
    assertThat(afterOne.actualCost()).isEqualByComparingTo("12000.50");
    assertThat(afterOne.percentComplete()).as("1 of 3").isEqualTo(33);

    InvalidInputException again = catchThrowableOfType(InvalidInputException.class,
        () -> projects.recordWorkPackageDone(key, design, DAY, BigDecimal.ONE, null, REQUESTER));
    assertThat(again.field()).isEqualTo("workPackageId");
    assertThat(projects.require(key).actualCost()).as("reported once").isEqualByComparingTo("12000.50");

    projects.recordWorkPackageDone(key, packages.get(1).id(), DAY.plusDays(90), new BigDecimal("30000"), null, PM);
    ProjectSummary afterTwo = projects.require(key);
    assertThat(afterTwo.actualCost()).isEqualByComparingTo("42000.50");
    assertThat(afterTwo.percentComplete()).as("2 of 3, rounded down").isEqualTo(66);
    projects.recordWorkPackageDone(key, packages.get(2).id(), DAY.plusDays(120), BigDecimal.ZERO, null, PM);
    assertThat(projects.require(key).percentComplete()).isEqualTo(100);

    assertThat(projects.details(key).history()).filteredOn(h -> h.type().equals("WORK_PACKAGE_DONE"))
        .extracting(ProjectDetails.HistoryEntry::comment, ProjectDetails.HistoryEntry::actor)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Design", REQUESTER),
            org.assertj.core.groups.Tuple.tuple("Build", PM), org.assertj.core.groups.Tuple.tuple("Roll-out", PM));
  }

  @Test
  void aWorkPackageReportNeedsDateCostAndAKnownPackage() {
    String key = ProjectFixtures.inExecution(projects, "Incomplete reports");
    long id = projects.workPackages(key).get(1).id();
    assertThat(field(() -> projects.recordWorkPackageDone(key, id, null, BigDecimal.ONE, null, PM)))
        .isEqualTo("completedOn");
    assertThat(field(() -> projects.recordWorkPackageDone(key, id, DAY, null, null, PM))).isEqualTo("actualCost");
    assertThat(field(() -> projects.recordWorkPackageDone(key, id, DAY, new BigDecimal("-1"), null, PM)))
        .isEqualTo("actualCost");
    assertThat(field(() -> projects.recordWorkPackageDone(key, 999_999, DAY, BigDecimal.ONE, null, PM)))
        .isEqualTo("workPackageId");
    String other = ProjectFixtures.inExecution(projects, "Someone else's packages");
    assertThat(field(() -> projects.recordWorkPackageDone(other, id, DAY, BigDecimal.ONE, null, PM)))
        .as("a package of another project").isEqualTo("workPackageId");
    assertThat(projects.require(key).percentComplete()).isZero();
  }

  static Stream<Arguments> invalidUpdates() {
    return Stream.of(
        Arguments.of("milestoneUpdates[0].milestoneId",
            update(List.of(new MilestoneUpdate(999_999, "DONE", DAY, null)), List.of(), List.of())),
        Arguments.of("milestoneUpdates[0].status", update(List.of(milestone(0, "FINISHED", DAY, null)), List.of(),
            List.of())),
        Arguments.of("milestoneUpdates[0].actualDate", update(List.of(milestone(0, "DONE", null, null)), List.of(),
            List.of())),
        Arguments.of("milestoneUpdates[1].waiverReason", update(List.of(milestone(0, "DONE", DAY, null),
            milestone(1, "WAIVED", null, " ")), List.of(), List.of())),
        Arguments.of("newIssues[0].title", update(List.of(), List.of(new NewIssue("", "LOW", PM)), List.of())),
        Arguments.of("newIssues[0].severity", update(List.of(), List.of(new NewIssue("Slow", "URGENT", PM)),
            List.of())),
        Arguments.of("newIssues[1].owner", update(List.of(), List.of(new NewIssue("Slow", "LOW", PM),
            new NewIssue("Down", "HIGH", "nobody")), List.of())),
        Arguments.of("issueUpdates[0].issueId", update(List.of(), List.of(), List.of(new IssueUpdate(999_999,
            "CLOSED")))));
  }

  /** Milestones are named by position here and resolved to the project's ids in the test. */
  private static MilestoneUpdate milestone(int position, String status, LocalDate actual, String reason) {
    return new MilestoneUpdate(-1 - position, status, actual, reason);
  }

  private static ExecutionUpdate update(List<MilestoneUpdate> milestones, List<NewIssue> issues,
      List<IssueUpdate> issueUpdates) {
    return new ExecutionUpdate(milestones, issues, issueUpdates, false, null);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidUpdates")
  void anInvalidExecutionUpdateIsRefusedNamingTheField(String field, ExecutionUpdate template) {
    String key = ProjectFixtures.inExecution(projects, "Refused update " + field);
    List<ProjectDetails.MilestoneView> milestones = projects.milestones(key);
    ExecutionUpdate update = new ExecutionUpdate(template.milestones().stream()
        .map(m -> m.milestoneId() < 0 ? new MilestoneUpdate(milestones.get((int) (-1 - m.milestoneId())).id(),
            m.status(), m.actualDate(), m.waiverReason()) : m).toList(),
        template.newIssues(), template.issueUpdates(), false, "Note");
    int historySize = projects.details(key).history().size();
    assertThat(field(() -> projects.recordExecutionUpdate(key, update, PM))).isEqualTo(field);
    ProjectDetails after = projects.details(key);
    assertThat(after.history()).hasSize(historySize);
    assertThat(after.issues()).isEmpty();
    assertThat(after.milestones()).extracting(ProjectDetails.MilestoneView::status).containsOnly("PLANNED");
  }

  @Test
  void anIssueStatusMustBeKnown() {
    String key = ProjectFixtures.inExecution(projects, "Issue statuses");
    projects.recordExecutionUpdate(key, update(List.of(), List.of(new NewIssue("Printer jams", "LOW", PM)),
        List.of()), PM);
    long id = projects.issues(key).get(0).id();
    assertThat(field(() -> projects.recordExecutionUpdate(key, update(List.of(), List.of(),
        List.of(new IssueUpdate(id, "SOLVED"))), PM))).isEqualTo("issueUpdates[0].status");
    assertThat(projects.issues(key).get(0).status()).isEqualTo("OPEN");
  }

  @Test
  void anExecutionUpdateRecordsMilestonesIssuesAndTheProgressNote() {
    String key = ProjectFixtures.inExecution(projects, "Updated execution");
    List<ProjectDetails.MilestoneView> milestones = projects.milestones(key);
    projects.recordExecutionUpdate(key, new ExecutionUpdate(
        List.of(new MilestoneUpdate(milestones.get(0).id(), "DONE", DAY, null)),
        List.of(new NewIssue("Test rig broken", "HIGH", REQUESTER)), List.of(), false, "Design is through"), PM);

    List<ProjectDetails.MilestoneView> after = projects.milestones(key);
    assertThat(after.get(0).status()).isEqualTo("DONE");
    assertThat(after.get(0).actualDate()).isEqualTo(DAY);
    assertThat(after.get(1).status()).isEqualTo("PLANNED");
    List<IssueView> issues = projects.issues(key);
    assertThat(issues).singleElement().satisfies(i -> {
      assertThat(i.title()).isEqualTo("Test rig broken");
      assertThat(i.severity()).isEqualTo("HIGH");
      assertThat(i.owner()).isEqualTo(REQUESTER);
      assertThat(i.status()).isEqualTo("OPEN");
    });

    projects.recordExecutionUpdate(key, new ExecutionUpdate(
        List.of(new MilestoneUpdate(milestones.get(0).id(), "DONE", DAY, null),
            new MilestoneUpdate(milestones.get(1).id(), "WAIVED", null, "Go-live is the next project's")),
        List.of(), List.of(new IssueUpdate(issues.get(0).id(), "RESOLVED")), false, null), PM);
    assertThat(projects.issues(key).get(0).status()).isEqualTo("RESOLVED");
    assertThat(projects.milestones(key).get(1).waiverReason()).isEqualTo("Go-live is the next project's");

    assertThat(projects.details(key).history())
        .filteredOn(h -> h.type().startsWith("MILESTONE_") || h.type().startsWith("ISSUE_")
            || h.type().equals("PROGRESS_NOTED"))
        .extracting(h -> h.type() + ": " + h.comment())
        .as("an unchanged milestone writes nothing")
        .containsExactly("MILESTONE_DONE: Design signed off", "ISSUE_LOGGED: HIGH: Test rig broken",
            "PROGRESS_NOTED: Design is through", "MILESTONE_WAIVED: Go-live: Go-live is the next project's",
            "ISSUE_UPDATED: Test rig broken: OPEN → RESOLVED");
  }

  @Test
  void deliverablesCannotBeDeclaredReadyWhileAMilestoneIsOpenAndThenNothingOfTheUpdateIsWritten() {
    String key = ProjectFixtures.inExecution(projects, "Premature deliverables");
    List<ProjectDetails.MilestoneView> milestones = projects.milestones(key);
    int historySize = projects.details(key).history().size();
    GateCriteriaNotMetException refusal = catchThrowableOfType(GateCriteriaNotMetException.class,
        () -> projects.recordExecutionUpdate(key, new ExecutionUpdate(
            List.of(new MilestoneUpdate(milestones.get(0).id(), "DONE", DAY, null)),
            List.of(new NewIssue("Late vendor", "MEDIUM", PM)), List.of(), true, "All done, I think"), PM));
    assertThat(refusal.field()).isEqualTo("milestones");
    assertThat(refusal.getMessage()).contains("Go-live").doesNotContain("Design signed off");

    ProjectDetails after = projects.details(key);
    assertThat(after.milestones()).extracting(ProjectDetails.MilestoneView::status).containsOnly("PLANNED");
    assertThat(after.issues()).isEmpty();
    assertThat(after.history()).hasSize(historySize);

    projects.recordExecutionUpdate(key, new ExecutionUpdate(
        List.of(new MilestoneUpdate(milestones.get(0).id(), "DONE", DAY, null),
            new MilestoneUpdate(milestones.get(1).id(), "WAIVED", null, "Descoped")),
        List.of(), List.of(), true, null), PM);
    assertThat(projects.details(key).history()).extracting(ProjectDetails.HistoryEntry::type)
        .endsWith("MILESTONE_DONE", "MILESTONE_WAIVED", "DELIVERABLES_READY");
  }

  private static String field(Runnable call) {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, call::run);
    assertThat(e).as("refused with InvalidInputException").isNotNull();
    return e.field();
  }
}
