package io.pmoflow.project;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The project report as one self-contained HTML page, rendered from the store: plan against actual dates and
 * cost (against baseline version 1, what the plan gate approved), then everything recorded about delivery.
 * Every text a person typed is escaped.
 */
final class ProjectReport {

  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");
  private static final String NONE = "—";
  private static final Pattern FIGURE = Pattern.compile("[+-]?[\\d,.]+( %| days?)?");
  private static final String STYLE = """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:72rem;\
      padding:0 1rem;color:#1d2733;line-height:1.4}
      h1{margin-bottom:.2rem}h2{margin-top:2rem;border-bottom:2px solid #d5dde5;padding-bottom:.2rem}
      .generated{color:#5a6b7c;margin-top:0}
      table{border-collapse:collapse;width:100%;margin:.5rem 0}
      th,td{border:1px solid #d5dde5;padding:.35rem .5rem;text-align:left;vertical-align:top}
      th{background:#f0f4f8}td.number{text-align:right;white-space:nowrap}
      table.facts{width:auto}table.facts th{width:12rem}
      """;

  private final ProjectDetails project;
  private final StringBuilder html = new StringBuilder();

  private ProjectReport(ProjectDetails project) {
    this.project = project;
  }

  static String html(ProjectDetails project, OffsetDateTime generatedAt) {
    return new ProjectReport(project).render(generatedAt);
  }

  private String render(OffsetDateTime generatedAt) {
    ProjectSummary p = project.summary();
    String title = (p.phase().isEnded() ? "Final report" : "Project report (interim)") + ": " + p.name();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(escape(title + " (" + p.key() + ")")).append("</title>\n")
        .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
        .append("<h1>").append(escape(title)).append("</h1>\n")
        .append("<p class=\"generated\">Generated from the project store on ")
        .append(escape(timestamp(generatedAt))).append("</p>\n");
    facts(p);
    schedule();
    cost(p);
    milestones();
    workPackages();
    issues();
    risks();
    statusReports();
    changes();
    exceptionReports();
    lessons();
    documents();
    gateDecisions();
    html.append("</body>\n</html>\n");
    return html.toString();
  }

  private void facts(ProjectSummary p) {
    html.append("<table class=\"facts\">\n");
    fact("Project key", p.key());
    fact("Name", p.name());
    fact("Sponsor", p.sponsor());
    fact("Project manager", p.projectManager());
    fact("PMO type", p.pmoType() == null ? null : p.pmoType().name());
    fact("Business unit", p.businessUnit());
    fact("Phase", p.phase().name());
    fact("Status", p.status().name() + (project.archived() ? " (archived, read-only)" : ""));
    fact("Percent complete", p.percentComplete() + " %");
    fact("Health", p.health() == null ? null
        : p.health() + (project.healthExplanation() == null ? "" : ": " + project.healthExplanation()));
    html.append("</table>\n");
  }

  private void fact(String name, String value) {
    html.append("<tr><th scope=\"row\">").append(escape(name)).append("</th><td>")
        .append(escape(value == null ? NONE : value)).append("</td></tr>\n");
  }

  private void schedule() {
    Baseline baseline = firstBaseline();
    LocalDate plannedStart = baseline == null ? null : baseline.plannedStart();
    LocalDate plannedEnd = baseline == null ? null : baseline.plannedEnd();
    LocalDate actualStart = phaseEntered(Phase.EXECUTION);
    LocalDate actualEnd = actualEnd();
    section("Schedule: plan vs actual", List.of("", "Planned (baseline 1)", "Actual", "Variance"), List.of(
            List.of("Start", date(plannedStart), date(actualStart), dayVariance(plannedStart, actualStart)),
            List.of("End", date(plannedEnd), date(actualEnd), dayVariance(plannedEnd, actualEnd))),
        null);
    if (baseline == null) {
      html.append("<p>No baseline has been frozen yet.</p>\n");
    }
  }

  private void cost(ProjectSummary p) {
    Baseline baseline = firstBaseline();
    BigDecimal planned = baseline == null ? null : baseline.budget();
    BigDecimal actual = p.actualCost() == null ? BigDecimal.ZERO : p.actualCost();
    String variance = NONE;
    String percent = NONE;
    if (planned != null) {
      BigDecimal difference = actual.subtract(planned);
      variance = signed(difference, money(difference.abs()));
      if (planned.signum() != 0) {
        BigDecimal share = difference.multiply(BigDecimal.valueOf(100)).divide(planned, 1, RoundingMode.HALF_UP);
        percent = signed(share, share.abs().toPlainString()) + " %";
      }
    }
    section("Cost: baseline vs actual", List.of("Baseline budget (version 1)", "Actual cost", "Variance",
        "Variance %"), List.of(List.of(money(planned), money(actual), variance, percent)), null);
  }

  private void milestones() {
    Baseline baseline = firstBaseline();
    Map<String, LocalDate> baselineDue = baseline == null ? Map.of() : baseline.milestones().stream()
        .collect(Collectors.toMap(Charter.Milestone::name, Charter.Milestone::dueDate, (a, b) -> a));
    section("Milestones", List.of("Milestone", "Baseline due", "Due", "Actual date", "Status"),
        project.milestones().stream().map(m -> List.of(m.name(), date(baselineDue.get(m.name())), date(m.dueDate()),
            date(m.actualDate()), m.waiverReason() == null ? m.status() : m.status() + ": " + m.waiverReason()))
            .toList(),
        "No milestones.");
  }

  private void workPackages() {
    section("Work packages", List.of("Work package", "Owner", "Estimate (days)", "Planned", "Status",
            "Completed on", "Actual cost", "Note"),
        project.workPackages().stream().map(w -> List.of(w.name(), w.owner(), w.estimateDays().toPlainString(),
            date(w.plannedStart()) + " – " + date(w.plannedEnd()), w.status(), date(w.completedOn()),
            money(w.actualCost()), text(w.note()))).toList(),
        "No work packages.");
  }

  private void issues() {
    section("Issues", List.of("Issue", "Severity", "Owner", "Status", "Raised", "Last change"),
        project.issues().stream().map(i -> List.of(i.title(), i.severity(), i.owner(), i.status(),
            timestamp(i.createdAt()), timestamp(i.updatedAt()))).toList(),
        "No issues were raised.");
  }

  private void risks() {
    section("Risks", List.of("Risk", "Probability", "Impact", "Score", "Response", "Status", "Source"),
        project.risks().stream().map(r -> List.of(r.title(), String.valueOf(r.probability()),
            String.valueOf(r.impact()), String.valueOf(r.score()), text(r.response()), r.status(), r.source()))
            .toList(),
        "No risks were recorded.");
  }

  /** Every status report with its earned value and the health it was given. */
  private void statusReports() {
    section("Status reports and health", List.of("#", "As of", "Complete", "Actual cost", "SPI", "CPI", "EAC",
            "Forecast end", "Health", "Narrative"),
        project.statusReports().stream().map(r -> List.of(String.valueOf(r.number()), date(r.asOf()),
            r.percentComplete() + " %", money(r.actualCost()), ratio(r.earnedValue().spi()),
            ratio(r.earnedValue().cpi()), money(r.earnedValue().eac()), date(r.earnedValue().forecastEnd()),
            r.health() == null ? NONE : r.health() + (r.healthExplanation() == null ? "" : ": "
                + r.healthExplanation()), r.narrative())).toList(),
        "No status reports.");
  }

  /** The change log as decided: approved changes with the baseline they produced, rejected ones with why. */
  private void changes() {
    section("Changes", List.of("#", "Change", "Cost impact", "Schedule impact", "Scope", "Decision", "Decided by",
            "Comment", "Baseline"),
        project.changes().stream().filter(c -> c.decidedAt() != null).map(c -> List.of(
            String.valueOf(c.number()), c.title(), signed(c.costImpact(), money(c.costImpact().abs())),
            "+" + c.scheduleImpactDays() + (c.scheduleImpactDays() == 1 ? " day" : " days"), c.scopeImpact(),
            c.status(), c.decidedBy() + " (" + c.approver() + ")", text(c.decisionComment()),
            c.baselineVersion() == null ? NONE : "version " + c.baselineVersion())).toList(),
        "No changes were decided.");
  }

  private void exceptionReports() {
    section("Exception reports", List.of("Reported", "Cause", "Recommendation", "Proposed budget", "Proposed end",
            "Decision", "Decided by", "Comment"),
        project.exceptionReports().stream().map(e -> List.of(timestamp(e.createdAt()), e.cause(),
            e.recommendation(), money(e.proposedBudget()), date(e.proposedEnd()), e.status(), text(e.decidedBy()),
            text(e.decisionComment()))).toList(),
        "No exception reports.");
  }

  private void lessons() {
    section("Lessons learned", List.of("Category", "Went well", "To improve", "Recommendation"),
        project.lessons().stream().map(l -> List.of(l.category(), l.wentWell(), l.toImprove(), l.recommendation()))
            .toList(),
        "No lessons were recorded.");
  }

  private void documents() {
    html.append("<h2>Archived documents</h2>\n");
    if (project.documents().isEmpty()) {
      html.append("<p>No documents are archived.</p>\n");
      return;
    }
    html.append("<ul>\n");
    for (ProjectDetails.DocumentView d : project.documents()) {
      html.append("<li><a href=\"").append(escape(d.url())).append("\">").append(escape(d.title()))
          .append("</a> (archived by ").append(escape(d.archivedBy())).append(", ")
          .append(escape(timestamp(d.archivedAt()))).append(")</li>\n");
    }
    html.append("</ul>\n");
  }

  private void gateDecisions() {
    section("Gate decisions", List.of("When", "Decision point", "By", "Decision", "Comment"),
        project.history().stream()
            .filter(h -> Stream.of("_REVIEW", "_ADVICE", "_SIGN_OFF").anyMatch(h.type()::endsWith))
            .map(h -> List.of(timestamp(h.at()), h.type(), text(h.actor()), text(h.decision()), text(h.comment())))
            .toList(),
        "No gate decisions yet.");
  }

  /**
   * A section with a table of plain-text cells (escaped here), or {@code empty} when there are no rows. Cells
   * holding only a figure (an amount, a percentage, days) are right-aligned so columns of figures line up.
   */
  private void section(String heading, List<String> headers, List<List<String>> rows, String empty) {
    html.append("<h2>").append(escape(heading)).append("</h2>\n");
    if (rows.isEmpty()) {
      html.append("<p>").append(escape(empty)).append("</p>\n");
      return;
    }
    html.append("<table>\n<thead><tr>");
    headers.forEach(h -> html.append("<th scope=\"col\">").append(escape(h)).append("</th>"));
    html.append("</tr></thead>\n<tbody>\n");
    for (List<String> row : rows) {
      html.append("<tr>");
      for (String cell : row) {
        boolean number = FIGURE.matcher(cell).matches();
        html.append(number ? "<td class=\"number\">" : "<td>").append(escape(cell)).append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table>\n");
  }

  private Baseline firstBaseline() {
    return project.baselines().isEmpty() ? null : project.baselines().get(0);
  }

  /** The day the project first entered {@code phase}, from the history. */
  private LocalDate phaseEntered(Phase phase) {
    return project.history().stream()
        .filter(h -> h.type().equals("PHASE_CHANGED") && h.phase() == phase)
        .map(h -> h.at().withOffsetSameInstant(ZoneOffset.UTC).toLocalDate())
        .findFirst().orElse(null);
  }

  /** The latest work package or milestone actually finished, else the day the project was closed. */
  private LocalDate actualEnd() {
    List<LocalDate> finished = new ArrayList<>();
    project.workPackages().stream().map(WorkPackageView::completedOn).forEach(finished::add);
    project.milestones().stream().map(ProjectDetails.MilestoneView::actualDate).forEach(finished::add);
    return finished.stream().filter(Objects::nonNull).max(LocalDate::compareTo)
        .orElseGet(() -> phaseEntered(Phase.CLOSED));
  }

  private static String dayVariance(LocalDate planned, LocalDate actual) {
    if (planned == null || actual == null) {
      return NONE;
    }
    long days = ChronoUnit.DAYS.between(planned, actual);
    if (days == 0) {
      return "on plan";
    }
    return (days > 0 ? "+" : "-") + Math.abs(days) + (Math.abs(days) == 1 ? " day" : " days");
  }

  private static String signed(BigDecimal value, String magnitude) {
    return (value.signum() > 0 ? "+" : value.signum() < 0 ? "-" : "") + magnitude;
  }

  private static String money(BigDecimal amount) {
    return amount == null ? NONE : String.format(Locale.ENGLISH, "%,.2f", amount);
  }

  private static String ratio(BigDecimal ratio) {
    return ratio == null ? NONE : ratio.toPlainString();
  }

  private static String date(LocalDate date) {
    return date == null ? NONE : date.toString();
  }

  private static String timestamp(OffsetDateTime at) {
    return at == null ? NONE : at.withOffsetSameInstant(ZoneOffset.UTC).format(TIMESTAMP);
  }

  private static String text(String s) {
    return s == null || s.isBlank() ? NONE : s;
  }

  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
