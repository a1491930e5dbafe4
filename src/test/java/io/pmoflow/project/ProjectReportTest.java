package io.pmoflow.project;

import static io.pmoflow.project.ProjectFixtures.GO_KILL;
import static io.pmoflow.project.ProjectFixtures.PM;
import static io.pmoflow.project.ProjectFixtures.REQUESTER;
import static io.pmoflow.project.ProjectFixtures.SPONSOR;
import static io.pmoflow.project.ProjectFixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pmoflow.TestProfiles;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The project report rendered from the real store: figures against baseline 1, and every user text escaped. */
@SpringBootTest
@ActiveProfiles(resolver = TestProfiles.class)
class ProjectReportTest {

  @Autowired ProjectService projects;

  @Test
  void theReportComparesActualDatesAndCostWithTheFirstBaselineAndEscapesUserText() {
    String key = ProjectFixtures.inExecution(projects, "Portal <b>relaunch</b> & 'more'");
    LocalDate executionStarted = LocalDate.now(ZoneOffset.UTC);
    projects.recordGovernance(key, new Governance(PmoType.CONTROLLING, "pmo", "P14D"));
    projects.recordPlan(key, plan(d -> d.budget.add(new Plan.BudgetLine("Contingency", new BigDecimal("30000")))),
        PM);
    assertThat(projects.freezeBaseline(key, SPONSOR).budget()).isEqualByComparingTo("80000");

    List<WorkPackageView> packages = projects.workPackages(key);
    projects.recordWorkPackageDone(key, packages.get(0).id(), LocalDate.of(2027, 2, 10), new BigDecimal("12000"),
        "Went <fine>", REQUESTER);
    projects.recordWorkPackageDone(key, packages.get(1).id(), LocalDate.of(2027, 5, 28), new BigDecimal("35000"),
        null, PM);
    projects.recordWorkPackageDone(key, packages.get(2).id(), LocalDate.of(2027, 7, 5), new BigDecimal("5500"),
        null, PM);
    List<ProjectDetails.MilestoneView> milestones = projects.milestones(key);
    projects.recordExecutionUpdate(key, new ExecutionUpdate(List.of(
            new MilestoneUpdate(milestones.get(0).id(), "DONE", LocalDate.of(2027, 2, 12), null),
            new MilestoneUpdate(milestones.get(1).id(), "WAIVED", null, "Go-live <moved>")),
        List.of(new NewIssue("<img src=x onerror=alert(1)>", "CRITICAL", PM)), List.of(), true, null), PM);
    projects.recordGateDecision(key, "PLAN", "REVIEW", "pat.pmo", "REJECTED", "Needs <more> detail", GO_KILL);
    ProjectFixtures.signOff(projects, key, Gate.PLAN, "APPROVED");
    projects.recordLessons(key, List.of(new Lesson("COST", "<b>Tracked</b> weekly", "Estimates", "Add buffer")),
        PM);

    String html = projects.finalReport(key);
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">").endsWith("</html>\n");
    assertThat(html).contains("<h1>Project report (interim): Portal &lt;b&gt;relaunch&lt;/b&gt; &amp; &#39;more&#39;</h1>")
        .contains(key, SPONSOR, PM, "CONTROLLING", "EXECUTION", "ACTIVE", "100 %");

    assertThat(section(html, "Schedule: plan vs actual"))
        .contains("<td>Start</td><td>2027-01-04</td><td>" + executionStarted + "</td>")
        .contains("<td>End</td><td>2027-06-30</td><td>2027-07-05</td><td class=\"number\">+5 days</td>");
    assertThat(section(html, "Cost: baseline vs actual")).as("against version 1, not version 2")
        .contains("<td class=\"number\">50,000.00</td><td class=\"number\">52,500.00</td>"
            + "<td class=\"number\">+2,500.00</td><td class=\"number\">+5.0 %</td>");
    assertThat(section(html, "Milestones")).contains("Design signed off", "2027-02-12")
        .contains("WAIVED: Go-live &lt;moved&gt;");
    assertThat(section(html, "Work packages")).contains("Design", "12,000.00", "Went &lt;fine&gt;", "Roll-out");
    assertThat(section(html, "Issues")).contains("&lt;img src=x onerror=alert(1)&gt;", "CRITICAL");
    assertThat(section(html, "Risks")).contains("Vendor late", "Key developer leaves");
    assertThat(section(html, "Changes")).contains("No changes were decided.");
    assertThat(section(html, "Status reports and health")).contains("No status reports.");
    assertThat(section(html, "Lessons learned")).contains("&lt;b&gt;Tracked&lt;/b&gt; weekly");
    assertThat(section(html, "Gate decisions")).contains("PLAN_REVIEW", "Needs &lt;more&gt; detail", "PLAN_SIGN_OFF")
        .doesNotContain("BASELINE_FROZEN");
    assertThat(html).doesNotContain("<img", "<b>", "<more>", "<fine>", "<moved>");

    ProjectFixtures.signOff(projects, key, Gate.ACCEPTANCE, "APPROVED");
    projects.closeProject(key, SPONSOR);
    String closed = projects.finalReport(key);
    assertThat(closed).contains("<h1>Final report: Portal").contains("<td>CLOSED</td>").contains("<td>ENDED</td>");
    assertThat(section(closed, "Schedule: plan vs actual")).as("the last finished work still marks the end")
        .contains("<td>2027-07-05</td>");
  }

  @Test
  void withoutFinishedWorkTheClosingDayEndsTheProjectAndUnderspendIsNegative() {
    String key = ProjectFixtures.inExecution(projects, "Cancelled early");
    ProjectFixtures.signOff(projects, key, Gate.ACCEPTANCE, "APPROVED");
    projects.closeProject(key, SPONSOR);
    String html = projects.finalReport(key);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    assertThat(section(html, "Schedule: plan vs actual")).contains("<td>End</td><td>2027-06-30</td><td>" + today);
    assertThat(section(html, "Cost: baseline vs actual"))
        .contains("<td class=\"number\">-50,000.00</td><td class=\"number\">-100.0 %</td>");
    assertThat(section(html, "Issues")).contains("No issues were raised.");
  }

  @Test
  void aRequestWithoutPlanOrBaselineStillHasAReport() {
    String key = ProjectFixtures.requested(projects, "Just an idea");
    String html = projects.finalReport(key);
    assertThat(html).contains("Project report (interim): Just an idea").contains("No baseline has been frozen yet.")
        .contains("No work packages.").contains("No gate decisions yet.");
    assertThat(section(html, "Cost: baseline vs actual")).contains("<td>—</td><td class=\"number\">0.00</td>");
    assertThatThrownBy(() -> projects.finalReport("PRJ-1999-0002")).isInstanceOf(ProjectNotFoundException.class);
  }

  @Test
  void theReportListsStatusReportsWithHealthTheDecidedChangesAndExceptionReports() {
    String key = ProjectFixtures.inExecution(projects, "Controlled <project>");
    projects.recordStatusReport(key, new StatusReportInput(30, new BigDecimal("12000"), "Vendor <late>", null), PM);
    projects.recordHealth(key, projects.lastStatusReportId(key), "AMBER", "SPI 0.9000 < 0.95", "projectHealth");
    long approved = projects.registerChange(key, new ChangeInput("Add <SSO>", "Audit", new BigDecimal("5000"), 3L,
        "MINOR"), PM);
    projects.assessChange(key, approved, null, null, null, "Small", PM);
    projects.decideChange(key, approved, "APPROVED", null, "PROJECT_MANAGER", PM);
    long rejected = projects.registerChange(key, new ChangeInput("Gold plating", "Nice", new BigDecimal("-250"), 0L,
        "NONE"), PM);
    projects.assessChange(key, rejected, null, null, null, "No value", PM);
    projects.decideChange(key, rejected, "REJECTED", "Not in the charter", "pmo", "pat.pmo");
    projects.registerChange(key, new ChangeInput("Still open", "Later", BigDecimal.ONE, 0L, "NONE"), PM);
    projects.recordExceptionReport(key, "Vendor <bankrupt>", "Replan", "CONTINUE", null, null, PM);

    String html = projects.finalReport(key);
    assertThat(html).contains("AMBER: SPI 0.9000 &lt; 0.95");
    assertThat(section(html, "Status reports and health")).contains("<td class=\"number\">1</td>")
        .contains("30 %", "12,000.00", "AMBER: SPI 0.9000 &lt; 0.95", "Vendor &lt;late&gt;");
    assertThat(section(html, "Changes"))
        .contains("Add &lt;SSO&gt;", "+5,000.00", "+3 days", "MINOR", "APPROVED", "mia.manager (PROJECT_MANAGER)",
            "version 2")
        .contains("Gold plating", "-250.00", "+0 days", "REJECTED", "pat.pmo (pmo)", "Not in the charter")
        .as("undecided changes are not in the log yet").doesNotContain("Still open");
    assertThat(section(html, "Exception reports")).contains("Vendor &lt;bankrupt&gt;", "CONTINUE", "SUBMITTED");
    assertThat(html).doesNotContain("<SSO>", "<late>", "<bankrupt>");
  }

  /** The HTML from a section's heading to the next heading. */
  private static String section(String html, String heading) {
    int start = html.indexOf("<h2>" + heading + "</h2>");
    assertThat(start).as("section %s", heading).isNotNegative();
    int end = html.indexOf("<h2>", start + 4);
    return html.substring(start, end < 0 ? html.length() : end);
  }
}
