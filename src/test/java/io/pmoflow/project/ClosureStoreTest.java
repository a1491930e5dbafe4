package io.pmoflow.project;

import static io.pmoflow.project.ProjectFixtures.PM;
import static io.pmoflow.project.ProjectFixtures.REQUESTER;
import static io.pmoflow.project.ProjectFixtures.SPONSOR;
import static io.pmoflow.project.ProjectFixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pmoflow.TestProfiles;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Closure against the real store: archive, lessons, release, hold and resume, closing. */
@SpringBootTest
@ActiveProfiles(resolver = TestProfiles.class)
class ClosureStoreTest {

  static final List<DocumentLink> DOCUMENTS = List.of(new DocumentLink("Final plan", "https://docs.example/plan"),
      new DocumentLink("Test report", "http://docs.example/tests?id=4"));

  @Autowired ProjectService projects;

  @Test
  void archivingNeedsValidLinksAndMakesTheProjectReadOnlyButOpenForLessons() {
    String key = ProjectFixtures.inExecution(projects, "Archived project");
    assertThat(field(() -> projects.archiveDocuments(key, List.of(), PM))).isEqualTo("documents");
    assertThat(field(() -> projects.archiveDocuments(key, List.of(new DocumentLink(" ", "https://x.example")), PM)))
        .isEqualTo("documents[0].title");
    assertThat(field(() -> projects.archiveDocuments(key, List.of(DOCUMENTS.get(0),
        new DocumentLink("Share", "ftp://files.example/x")), PM))).isEqualTo("documents[1].url");
    assertThat(field(() -> projects.archiveDocuments(key, List.of(new DocumentLink("Evil", "javascript:alert(1)")),
        PM))).isEqualTo("documents[0].url");
    assertThat(field(() -> projects.archiveDocuments(key, List.of(new DocumentLink("Long",
        "https://x.example/" + "a".repeat(1000))), PM))).isEqualTo("documents[0].url");
    assertThat(field(() -> projects.archiveDocuments(key, List.of(new DocumentLink("None", null)), PM)))
        .isEqualTo("documents[0].url");
    assertThat(projects.details(key).archived()).isFalse();

    projects.archiveDocuments(key, DOCUMENTS, PM);
    ProjectDetails archived = projects.details(key);
    assertThat(archived.archived()).isTrue();
    assertThat(archived.documents()).extracting(ProjectDetails.DocumentView::url)
        .containsExactly("https://docs.example/plan", "http://docs.example/tests?id=4");
    assertThat(archived.documents()).allSatisfy(d -> {
      assertThat(d.archivedBy()).isEqualTo(PM);
      assertThat(d.archivedAt()).isNotNull();
    });
    assertThat(archived.history()).extracting(ProjectDetails.HistoryEntry::type).last()
        .isEqualTo("DOCUMENTS_ARCHIVED");

    long workPackage = projects.workPackages(key).get(0).id();
    List<ThrowingCallable> writes = List.of(
        () -> projects.recordPlan(key, plan(d -> { }), PM),
        () -> projects.recordExecutionUpdate(key, new ExecutionUpdate(List.of(), List.of(), List.of(), false,
            "late note"), PM),
        () -> projects.recordWorkPackageDone(key, workPackage, LocalDate.of(2027, 5, 1), BigDecimal.ONE, null,
            REQUESTER),
        () -> projects.recordCharter(key, charter(), PM),
        () -> projects.recordTeam(key, List.of(new TeamMember(PM, "PM", 10)), PM),
        () -> projects.recordInitialRisks(key, List.of(new RiskInput("Late", 1, 1, null)), PM));
    for (ThrowingCallable write : writes) {
      assertThatThrownBy(write).isInstanceOf(ForbiddenActionException.class)
          .hasMessage("Project " + key + " is archived and read-only");
    }
    assertThat(projects.details(key).history()).hasSize(archived.history().size());

    projects.recordLessons(key, List.of(new Lesson("QUALITY", "Reviews", "Test data", "Order test data early")),
        PM);
    assertThat(projects.details(key).lessons()).extracting(LessonView::recommendation)
        .containsExactly("Order test data early");
  }

  private static Charter charter() {
    return new Charter("o", "s", null, "d", "a", BigDecimal.ONE, null, null,
        List.of(new Charter.Milestone("m", LocalDate.of(2027, 1, 1))), List.of());
  }

  @Test
  void lessonsNeedACategoryAndAllThreeTexts() {
    String key = ProjectFixtures.inExecution(projects, "Lessons refused");
    assertThat(field(() -> projects.recordLessons(key, List.of(), PM))).isEqualTo("lessons");
    assertThat(field(() -> projects.recordLessons(key, List.of(new Lesson("LUCK", "a", "b", "c")), PM)))
        .isEqualTo("lessons[0].category");
    assertThat(field(() -> projects.recordLessons(key, List.of(new Lesson("COST", "a", "b", "c"),
        new Lesson("COST", " ", "b", "c")), PM))).isEqualTo("lessons[1].wentWell");
    assertThat(field(() -> projects.recordLessons(key, List.of(new Lesson("COST", "a", null, "c")), PM)))
        .isEqualTo("lessons[0].toImprove");
    assertThat(field(() -> projects.recordLessons(key, List.of(new Lesson("COST", "a", "b", "c".repeat(4001))),
        PM))).isEqualTo("lessons[0].recommendation");
    assertThat(projects.details(key).lessons()).isEmpty();
  }

  @Test
  void lessonsAreFoundByTextOrProjectNameInAnyCaseAndCategoryNewestFirst() {
    String token = "tok" + UUID.randomUUID().toString().substring(0, 8);
    String older = ProjectFixtures.inExecution(projects, "Older " + token);
    String newer = ProjectFixtures.inExecution(projects, "Newer project");
    projects.recordLessons(older, List.of(new Lesson("SCHEDULE", "Weekly demos", "Estimates", "Buffer 20 %")), PM);
    projects.recordLessons(newer, List.of(
        new Lesson("COST", "Tracked spend weekly", "Invoices came late: " + token.toUpperCase(), "Ask for accruals"),
        new Lesson("RISK", "Nothing", "Everything", "Unrelated")), PM);

    Page<LessonView> found = projects.searchLessons(token, null, 0, 20);
    assertThat(found.totalElements()).isEqualTo(2);
    assertThat(found.content()).extracting(LessonView::projectKey).containsExactly(newer, older);
    assertThat(found.content().get(0).projectName()).isEqualTo("Newer project");
    assertThat(found.content().get(0).recordedBy()).isEqualTo(PM);

    assertThat(projects.searchLessons(token.toUpperCase(), "SCHEDULE", 0, 20).content())
        .extracting(LessonView::category).containsExactly("SCHEDULE");
    assertThat(projects.searchLessons("  " + token + " ", "", 0, 20).totalElements()).isEqualTo(2);
    assertThat(projects.searchLessons("buffer 20 %", null, 0, 200).content()).extracting(LessonView::projectKey)
        .contains(older);
    assertThat(projects.searchLessons(token + "%", null, 0, 20).totalElements())
        .as("%% is a character, not a wildcard").isZero();
    assertThat(projects.searchLessons(token.substring(0, 4) + "_", null, 0, 20).totalElements())
        .as("_ is a character, not a wildcard").isZero();

    Page<LessonView> second = projects.searchLessons(token, null, 1, 1);
    assertThat(second.totalElements()).isEqualTo(2);
    assertThat(second.content()).extracting(LessonView::projectKey).containsExactly(older);
    assertThat(projects.searchLessons(null, null, 0, 200).totalElements()).isGreaterThanOrEqualTo(3);

    assertThat(field(() -> projects.searchLessons(token, "LUCK", 0, 20))).isEqualTo("category");
    assertThat(field(() -> projects.searchLessons(token, null, -1, 20))).isEqualTo("page");
    assertThat(field(() -> projects.searchLessons(token, null, 0, 201))).isEqualTo("size");
  }

  @Test
  void releasingFreesTeamAndPlanResourcesOnce() {
    String key = ProjectFixtures.inExecution(projects, "Released people");
    assertThat(projects.releaseResources(key, PM)).as("team first, then plan resources outside the team")
        .containsExactly(PM, REQUESTER, "pat.pmo");
    ProjectDetails details = projects.details(key);
    assertThat(details.team()).allSatisfy(m -> assertThat(m.releasedAt()).isNotNull());
    assertThat(details.plan().resources()).allSatisfy(r -> assertThat(r.releasedAt()).isNotNull());
    assertThat(details.history()).extracting(ProjectDetails.HistoryEntry::type, ProjectDetails.HistoryEntry::comment)
        .last().isEqualTo(org.assertj.core.groups.Tuple.tuple("RESOURCES_RELEASED",
            "mia.manager, rae.requester, pat.pmo"));
    assertThat(projects.releaseResources(key, PM)).as("nobody is released twice").isEmpty();
  }

  @Test
  void aProjectOnHoldShowsItInTheListAndKeepsItAcrossPhasesUntilResumed() {
    String key = ProjectFixtures.inPlanning(projects, "Held project");
    projects.setOnHold(key, SPONSOR, "Budget freeze");
    assertThat(listed(key).status()).isEqualTo(ProjectStatus.ON_HOLD);
    assertThat(projects.list(new ProjectFilter(Phase.PLANNING, null, null, null), 0, 200).content())
        .filteredOn(p -> p.key().equals(key)).extracting(ProjectSummary::status).containsExactly(ProjectStatus.ON_HOLD);
    assertThat(field(() -> projects.setOnHold(key, SPONSOR, null))).isEqualTo("status");

    projects.changePhase(key, Phase.EXECUTION, SPONSOR, null);
    assertThat(projects.require(key).status()).as("a phase change does not resume").isEqualTo(ProjectStatus.ON_HOLD);

    assertThat(field(() -> projects.resume(key, SPONSOR, " "))).isEqualTo("resumeComment");
    projects.resume(key, SPONSOR, "Budget released");
    assertThat(listed(key).status()).isEqualTo(ProjectStatus.ACTIVE);
    assertThat(field(() -> projects.resume(key, SPONSOR, "again"))).isEqualTo("status");
    assertThat(projects.details(key).history()).filteredOn(h -> h.type().equals("PUT_ON_HOLD")
            || h.type().equals("RESUMED"))
        .extracting(ProjectDetails.HistoryEntry::comment).containsExactly("Budget freeze", "Budget released");

    projects.setOnHold(key, SPONSOR, null);
    projects.changePhase(key, Phase.CANCELLED, SPONSOR, "Stopped");
    assertThat(projects.require(key).status()).isEqualTo(ProjectStatus.ENDED);
    assertThatThrownBy(() -> projects.setOnHold(key, SPONSOR, null)).isInstanceOf(ForbiddenActionException.class);
    assertThatThrownBy(() -> projects.resume(key, SPONSOR, "Back")).isInstanceOf(ForbiddenActionException.class);
  }

  private ProjectSummary listed(String key) {
    return projects.list(new ProjectFilter(null, null, null, null), 0, 200).content().stream()
        .filter(p -> p.key().equals(key)).findFirst().orElseThrow();
  }

  @Test
  void aProjectClosesOnlyAfterTheAcceptanceIsSigned() {
    String key = ProjectFixtures.inExecution(projects, "Closed project");
    GateCriteriaNotMetException refusal = catchThrowableOfType(GateCriteriaNotMetException.class,
        () -> projects.closeProject(key, SPONSOR));
    assertThat(refusal.field()).isEqualTo("acceptance");
    ProjectFixtures.signOff(projects, key, Gate.ACCEPTANCE, "REJECTED");
    assertThat(field(() -> projects.closeProject(key, SPONSOR))).isEqualTo("acceptance");
    assertThat(projects.require(key).phase()).isEqualTo(Phase.EXECUTION);

    ProjectFixtures.signOff(projects, key, Gate.ACCEPTANCE, "APPROVED");
    projects.closeProject(key, SPONSOR);
    ProjectSummary closed = projects.require(key);
    assertThat(closed.phase()).isEqualTo(Phase.CLOSED);
    assertThat(closed.status()).isEqualTo(ProjectStatus.ENDED);
    assertThat(projects.details(key).history()).last().satisfies(h -> {
      assertThat(h.type()).isEqualTo("PHASE_CHANGED");
      assertThat(h.phase()).isEqualTo(Phase.CLOSED);
      assertThat(h.actor()).isEqualTo(SPONSOR);
    });
    assertThatThrownBy(() -> projects.recordExecutionUpdate(key, new ExecutionUpdate(null, null, null, false, "x"),
        PM)).isInstanceOf(ForbiddenActionException.class).hasMessageContaining("CLOSED");
  }

  private static String field(ThrowingCallable call) {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, call);
    assertThat(e).as("refused with InvalidInputException").isNotNull();
    return e.field();
  }
}
