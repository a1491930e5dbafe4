package io.pmoflow.process.review;

import static io.pmoflow.process.review.ReviewProcess.*;

import io.pmoflow.notify.NotificationKind;
import io.pmoflow.notify.NotificationRequest;
import io.pmoflow.notify.NotificationService;
import io.pmoflow.notify.Recipient;
import io.pmoflow.portfolio.PortfolioReview;
import io.pmoflow.portfolio.PortfolioReviewService;
import io.pmoflow.portfolio.ReviewCandidate;
import io.pmoflow.portfolio.ReviewDecision;
import io.pmoflow.process.support.Inputs;
import io.pmoflow.process.support.JsonVariables;
import io.pmoflow.process.support.Links;
import io.pmoflow.process.support.ProcessContext;
import io.pmoflow.project.ProjectService;
import io.pmoflow.project.ProjectStatus;
import io.pmoflow.project.ProjectSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Glue of {@code portfolioReview}: snapshot, an agenda put together by the reviewAgenda decision for every
 * active project, the board's decisions, and acting on them — cancel (Msg_ProjectCancelled), pause (on hold),
 * re-plan (a task for the project manager), continue.
 */
@Configuration
public class ReviewDelegates {

  static final String AGENDA_DECISION = "reviewAgenda";
  static final List<String> GATE_TASKS = List.of("Task_ReviewGate", "Task_SignOffGateBySponsor",
      "Task_SignOffGateByGroup");

  @Bean
  JavaDelegate openPortfolioReviewDelegate(PortfolioReviewService reviews) {
    return execution -> {
      Object requester = execution.getVariable(REVIEW_REQUESTER);
      execution.setVariable(REVIEW_ID, reviews.openReview(requester == null ? "SCHEDULED" : "MANUAL",
          requester == null ? ProcessContext.SYSTEM_ACTOR : requester.toString()));
    };
  }

  @Bean
  JavaDelegate buildReviewAgendaDelegate(PortfolioReviewService reviews, DecisionService decisions,
      TaskService tasks) {
    return execution -> {
      long reviewId = ((Number) execution.getVariable(REVIEW_ID)).longValue();
      List<Map<String, Object>> rows = new ArrayList<>();
      StringBuilder md = new StringBuilder();
      for (ReviewCandidate c : reviews.candidates()) {
        boolean overdueGate = tasks.createTaskQuery().processInstanceBusinessKey(c.projectKey())
            .taskDefinitionKeyIn(GATE_TASKS.toArray(String[]::new)).dueBefore(Date.from(Instant.now())).count() > 0;
        List<String> reasons = decisions.evaluateDecisionTableByKey(AGENDA_DECISION, Variables.createVariables()
                .putValue("health", c.health()).putValue("exceptionOpen", c.exceptionOpen())
                .putValue("overdueGate", overdueGate)
                .putValue("budgetOverrunPercent", c.budgetOverrunPercent() == null ? null
                    : c.budgetOverrunPercent().doubleValue())
                .putValue("strategicAlignment", (long) c.strategicAlignment()))
            .collectEntries("reason");
        if (reasons.isEmpty()) {
          continue;
        }
        reviews.addAgendaItem(reviewId, c.projectKey(), reasons);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("projectKey", c.projectKey());
        row.put("projectName", c.name());
        row.put("reasons", String.join("; ", reasons));
        row.put("decision", null);
        row.put("comment", null);
        rows.add(row);
        md.append("- **").append(c.projectKey()).append("** ").append(c.name()).append(": ")
            .append(String.join("; ", reasons)).append('\n');
      }
      execution.setVariable(AGENDA_HAS_ITEMS, !rows.isEmpty());
      execution.setVariable(AGENDA_DECISIONS, JsonVariables.rows(rows));
      execution.setVariable(AGENDA_SUMMARY, rows.isEmpty() ? "Nothing needs the board's decision."
          : "**" + rows.size() + " projects need a decision**\n\n" + md);
    };
  }

  @Bean
  JavaDelegate recordReviewDecisionsDelegate(PortfolioReviewService reviews, ProcessContext context) {
    return execution -> {
      Inputs in = Inputs.of(execution);
      reviews.recordDecisions(((Number) execution.getVariable(REVIEW_ID)).longValue(), in.rows(AGENDA_DECISIONS)
          .stream().map(r -> new ReviewDecision(r.text("projectKey"), r.text("decision"), r.text("comment")))
          .toList(), context.actor());
    };
  }

  @Bean
  JavaDelegate actOnReviewDecisionsDelegate(PortfolioReviewService reviews, ProjectService projects,
      RuntimeService runtime, NotificationService notifications) {
    return execution -> {
      PortfolioReview review = reviews.review(((Number) execution.getVariable(REVIEW_ID)).longValue());
      List<Map<String, Object>> replans = new ArrayList<>();
      for (PortfolioReview.Item item : review.agenda()) {
        ProjectSummary project = projects.require(item.projectKey());
        String reason = "Portfolio review #" + review.id() + ": " + (item.comment() == null ? "" : item.comment());
        switch (ReviewDecision.Kind.valueOf(item.decision())) {
          case CANCEL -> runtime.createMessageCorrelation("Msg_ProjectCancelled")
              .processInstanceBusinessKey(item.projectKey()).setVariable("cancellationReason", reason)
              .correlateAllWithResult();
          case PAUSE -> {
            if (project.status() == ProjectStatus.ACTIVE) {
              projects.setOnHold(item.projectKey(), item.decidedBy(), reason);
            }
            // a paused project's work stops: its instances (lifecycle, gate, monitoring, changes) are suspended
            suspension(runtime, item.projectKey(), true);
          }
          case REPLAN -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("projectKey", item.projectKey());
            row.put("projectName", item.projectName());
            row.put("projectManager", project.projectManager());
            row.put("comment", item.comment());
            replans.add(row);
          }
          case CONTINUE -> {
            if (project.status() == ProjectStatus.ON_HOLD && suspension(runtime, item.projectKey(), false)) {
              projects.resume(item.projectKey(), item.decidedBy(), reason.isBlank() ? "Continued by the board" : reason);
            }
          }
          default -> throw new IllegalStateException("unknown decision " + item.decision());
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("projectName", project.name());
        model.put("review", review.id());
        model.put("decision", item.decision());
        model.put("comment", item.comment() == null ? "none" : item.comment());
        notifications.notify(new NotificationRequest("review:" + review.id() + ":" + item.projectKey(),
            NotificationKind.PORTFOLIO_DECISION,
            List.of(Recipient.user(project.sponsor()), Recipient.user(project.projectManager())), item.projectKey(),
            Links.project(item.projectKey()), model));
      }
      execution.setVariable(REPLAN_ITEMS, JsonVariables.rows(replans));
    };
  }

  /** Suspends or activates every instance of the project; true when there was one to change. */
  static boolean suspension(RuntimeService runtime, String projectKey, boolean suspend) {
    List<String> ids = runtime.createProcessInstanceQuery().processInstanceBusinessKey(projectKey)
        .list().stream().filter(p -> p.isSuspended() != suspend).map(p -> p.getId()).toList();
    if (ids.isEmpty()) {
      return false;
    }
    var update = runtime.updateProcessInstanceSuspensionState().byProcessInstanceIds(ids);
    if (suspend) {
      update.suspend();
    } else {
      update.activate();
    }
    return true;
  }

  @Bean
  JavaDelegate recordReplanDelegate(PortfolioReviewService reviews, ProcessContext context) {
    return execution -> {
      Inputs in = Inputs.of(execution);
      reviews.recordReplan(((Number) execution.getVariable(REVIEW_ID)).longValue(), in.text(REPLAN_PROJECT_KEY),
          in.text(REPLAN_NOTE), context.actor());
    };
  }

  @Bean
  JavaDelegate completePortfolioReviewDelegate(PortfolioReviewService reviews) {
    return execution -> reviews.complete(((Number) execution.getVariable(REVIEW_ID)).longValue());
  }
}
