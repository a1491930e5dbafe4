package io.pmoflow.process.gate;

import io.pmoflow.process.support.Money;
import io.pmoflow.project.Gate;
import io.pmoflow.project.IssueView;
import io.pmoflow.project.ProjectDetails;
import io.pmoflow.project.ProjectService;
import io.pmoflow.project.ProjectSummary;
import io.pmoflow.project.WorkPackageView;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What a gate's deciders need on their form, as Markdown for a form-js text component: the charter for the
 * charter gate, the plan for the plan gate, progress for the closure-readiness gate, the acceptance criteria for
 * the acceptance gate. Read from the project store when the gate opens.
 */
@Component
public class GateSummary {

  private final ProjectService projects;

  public GateSummary(ProjectService projects) {
    this.projects = projects;
  }

  public String of(String key, Gate gate) {
    ProjectDetails details = projects.details(key);
    ProjectSummary p = details.summary();
    StringBuilder md = new StringBuilder();
    ProjectDetails.CharterView charter = details.charter();
    switch (gate) {
      case CHARTER -> {
        if (charter != null) {
          md.append("**Objectives:** ").append(oneLine(charter.objectives())).append("\n\n")
              .append("**Scope:** ").append(oneLine(charter.scopeIn())).append("\n\n")
              .append("**Deliverables:** ").append(oneLine(charter.deliverables())).append("\n\n")
              .append("**Budget estimate:** ").append(Money.format(charter.budgetEstimate())).append(" EUR\n\n");
        }
        md.append("**Milestones:** ").append(milestones(details)).append("\n\n")
            .append("**Team:** ").append(details.team().size()).append(" members · **Initial risks:** ")
            .append(details.risks().size());
      }
      case PLAN -> {
        List<WorkPackageView> packages = projects.workPackages(key);
        md.append("**Schedule:** ").append(p.plannedStart()).append(" to ").append(p.plannedEnd()).append("\n\n")
            .append("**Budget:** ").append(Money.format(p.budget())).append(" EUR\n\n")
            .append("**Work packages:** ").append(packages.size()).append(" · **Estimate:** ")
            .append(packages.stream().map(WorkPackageView::estimateDays).reduce(BigDecimal.ZERO, BigDecimal::add)
                .stripTrailingZeros().toPlainString()).append(" days\n\n")
            .append("**Milestones:** ").append(milestones(details));
      }
      case CLOSURE_READINESS -> {
        List<WorkPackageView> packages = projects.workPackages(key);
        List<IssueView> issues = projects.issues(key);
        long open = issues.stream().filter(i -> "OPEN".equals(i.status()) || "IN_PROGRESS".equals(i.status()))
            .count();
        md.append("**Milestones:** ").append(milestones(details)).append("\n\n")
            .append("**Work packages done:** ")
            .append(packages.stream().filter(w -> "DONE".equals(w.status())).count()).append(" of ")
            .append(packages.size()).append(" · **Complete:** ").append(p.percentComplete()).append(" %\n\n")
            .append("**Cost:** ").append(Money.format(p.actualCost())).append(" of ").append(Money.format(p.budget()))
            .append(" EUR · **Open issues:** ").append(open);
      }
      case ACCEPTANCE -> {
        if (charter != null) {
          md.append("**Acceptance criteria:** ").append(oneLine(charter.acceptanceCriteria())).append("\n\n")
              .append("**Deliverables:** ").append(oneLine(charter.deliverables())).append("\n\n");
        }
        md.append("**Milestones:** ").append(milestones(details));
      }
      default -> throw new IllegalArgumentException("unknown gate " + gate);
    }
    return md.toString();
  }

  private static String milestones(ProjectDetails details) {
    if (details.milestones().isEmpty()) {
      return "none";
    }
    return String.join("; ", details.milestones().stream()
        .map(m -> m.name() + " (" + m.dueDate() + ", " + m.status() + ")").toList());
  }

  // keeps an author's line breaks from turning into Markdown structure
  private static String oneLine(String text) {
    return text == null ? "—" : text.replaceAll("\\s+", " ").replaceAll("([*_#`\\[\\]<>|])", "\\\\$1");
  }
}
