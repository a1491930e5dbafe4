package io.pmoflow.project;

import static io.pmoflow.project.Fields.MAX_NAME;
import static io.pmoflow.project.Fields.MAX_TEXT;
import static io.pmoflow.project.Fields.optionalText;
import static io.pmoflow.project.Fields.orEmpty;
import static io.pmoflow.project.Fields.requireAmount;
import static io.pmoflow.project.Fields.requireOneOf;
import static io.pmoflow.project.Fields.requireScale;
import static io.pmoflow.project.Fields.requireText;
import static io.pmoflow.project.Fields.requireUser;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * What a valid plan, execution update, archive and lesson list is. Each check throws before anything is written,
 * naming the field with its index ({@code workPackages[0].owner}).
 */
final class DeliveryInputs {

  static final int MAX_CATEGORY = 60;
  static final int MAX_URL = 1000;

  private final UserDirectory directory;

  DeliveryInputs(UserDirectory directory) {
    this.directory = directory;
  }

  /** Validates a plan; returns the total of its budget lines. */
  BigDecimal plan(Plan plan) {
    requireDate("plannedStart", plan.plannedStart());
    requireDate("plannedEnd", plan.plannedEnd());
    requireNotBefore("plannedEnd", plan.plannedEnd(), plan.plannedStart(), "plannedStart");
    requireSome("workPackages", plan.workPackages(), "at least one work package is required");
    each("workPackages", plan.workPackages(), (field, w) -> {
      requireText(field + ".name", w.name(), MAX_NAME);
      requireUser(directory, field + ".owner", w.owner());
      if (w.estimateDays() != null && w.estimateDays().signum() <= 0) {
        throw new InvalidInputException(field + ".estimateDays", "must be more than 0");
      }
      requireAmount(field + ".estimateDays", w.estimateDays());
      requireDate(field + ".start", w.start());
      requireDate(field + ".end", w.end());
      requireNotBefore(field + ".end", w.end(), w.start(), "start");
    });
    requireSome("milestones", plan.milestones(), "at least one milestone is required");
    each("milestones", plan.milestones(), (field, m) -> {
      requireText(field + ".name", m.name(), MAX_NAME);
      requireDate(field + ".dueDate", m.dueDate());
    });
    requireSome("budget", plan.budget(), "at least one budget line is required");
    each("budget", plan.budget(), (field, line) -> {
      requireText(field + ".category", line.category(), MAX_CATEGORY);
      requireAmount(field + ".amount", line.amount());
    });
    BigDecimal total = plan.budget().stream().map(Plan.BudgetLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (total.signum() == 0) {
      throw new InvalidInputException("budget", "the budget lines must total more than 0");
    }
    requireAmount("budget", total);
    each("resources", orEmpty(plan.resources()), (field, r) -> {
      requireText(field + ".role", r.role(), MAX_NAME);
      requireUser(directory, field + ".userId", r.userId());
      if (r.allocationPercent() == null) {
        throw new InvalidInputException(field + ".allocationPercent", "is required");
      }
      if (r.allocationPercent() < 1 || r.allocationPercent() > 100) {
        throw new InvalidInputException(field + ".allocationPercent", "must be between 1 and 100");
      }
    });
    each("communications", orEmpty(plan.communications()), (field, c) -> {
      requireText(field + ".audience", c.audience(), MAX_NAME);
      requireText(field + ".content", c.content(), MAX_TEXT);
      requireText(field + ".channel", c.channel(), MAX_NAME);
      requireText(field + ".frequency", c.frequency(), MAX_NAME);
    });
    each("risks", orEmpty(plan.risks()), (field, r) -> {
      requireText(field + ".title", r.title(), MAX_NAME);
      requireScale(field + ".probability", r.probability());
      requireScale(field + ".impact", r.impact());
      requireText(field + ".response", r.response(), MAX_TEXT);
    });
    requireText("qualityStandards", plan.qualityStandards(), MAX_TEXT);
    requireText("qualityAcceptanceCriteria", plan.qualityAcceptanceCriteria(), MAX_TEXT);
    return total;
  }

  /**
   * Validates an execution update against the project's milestones and issues; returns each updated
   * milestone's new status.
   */
  Map<Long, MilestoneStatus> executionUpdate(ExecutionUpdate update, Set<Long> milestoneIds, Set<Long> issueIds) {
    Map<Long, MilestoneStatus> statuses = new HashMap<>();
    each("milestoneUpdates", orEmpty(update.milestones()), (field, m) -> {
      if (!milestoneIds.contains(m.milestoneId())) {
        throw new InvalidInputException(field + ".milestoneId", "no milestone " + m.milestoneId() + " in this project");
      }
      MilestoneStatus status = requireOneOf(field + ".status", m.status(), MilestoneStatus.class);
      if (statuses.put(m.milestoneId(), status) != null) {
        throw new InvalidInputException(field + ".milestoneId", "milestone " + m.milestoneId() + " is listed twice");
      }
      if (status == MilestoneStatus.DONE) {
        requireDate(field + ".actualDate", m.actualDate());
      } else if (status == MilestoneStatus.WAIVED) {
        requireText(field + ".waiverReason", m.waiverReason(), MAX_TEXT);
      }
    });
    each("newIssues", orEmpty(update.newIssues()), (field, issue) -> {
      requireText(field + ".title", issue.title(), MAX_NAME);
      requireOneOf(field + ".severity", issue.severity(), IssueSeverity.class);
      requireUser(directory, field + ".owner", issue.owner());
    });
    Set<Long> updatedIssues = new HashSet<>();
    each("issueUpdates", orEmpty(update.issueUpdates()), (field, u) -> {
      if (!issueIds.contains(u.issueId())) {
        throw new InvalidInputException(field + ".issueId", "no issue " + u.issueId() + " in this project");
      }
      if (!updatedIssues.add(u.issueId())) {
        throw new InvalidInputException(field + ".issueId", "issue " + u.issueId() + " is listed twice");
      }
      requireOneOf(field + ".status", u.status(), IssueStatus.class);
    });
    optionalText("progressNote", update.progressNote());
    return statuses;
  }

  void documents(List<DocumentLink> documents) {
    requireSome("documents", documents, "at least one document is required");
    each("documents", documents, (field, d) -> {
      requireText(field + ".title", d.title(), MAX_NAME);
      requireText(field + ".url", d.url(), MAX_URL);
      if (!isWebAddress(d.url())) {
        throw new InvalidInputException(field + ".url", "must be an http:// or https:// address");
      }
    });
  }

  void lessons(List<Lesson> lessons) {
    requireSome("lessons", lessons, "at least one lesson is required");
    each("lessons", lessons, (field, l) -> {
      requireOneOf(field + ".category", l.category(), LessonCategory.class);
      requireText(field + ".wentWell", l.wentWell(), MAX_TEXT);
      requireText(field + ".toImprove", l.toImprove(), MAX_TEXT);
      requireText(field + ".recommendation", l.recommendation(), MAX_TEXT);
    });
  }

  /** Checks every item of a list, naming it by list and index: {@code workPackages[2]}. */
  private static <T> void each(String list, List<T> items, BiConsumer<String, T> check) {
    for (int i = 0; i < items.size(); i++) {
      check.accept(list + "[" + i + "]", items.get(i));
    }
  }

  private static boolean isWebAddress(String url) {
    try {
      URI uri = new URI(url);
      return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static void requireSome(String field, List<?> list, String problem) {
    if (list == null || list.isEmpty()) {
      throw new InvalidInputException(field, problem);
    }
  }

  private static void requireDate(String field, LocalDate date) {
    if (date == null) {
      throw new InvalidInputException(field, "is required");
    }
  }

  private static void requireNotBefore(String field, LocalDate date, LocalDate earliest, String earliestField) {
    if (date.isBefore(earliest)) {
      throw new InvalidInputException(field, "must not be before " + earliestField);
    }
  }
}
