package io.pmoflow.process.change;

import static io.pmoflow.process.change.ChangeProcess.*;

import io.pmoflow.notify.NotificationKind;
import io.pmoflow.notify.Recipient;
import io.pmoflow.process.support.Inputs;
import io.pmoflow.process.support.ProcessContext;
import io.pmoflow.process.support.ProjectContextVariables;
import io.pmoflow.process.support.ProjectNotifier;
import io.pmoflow.project.Baseline;
import io.pmoflow.project.ChangeInput;
import io.pmoflow.project.InvalidInputException;
import io.pmoflow.project.ProjectService;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Glue of {@code changeRequest}: the request is validated and registered in the start transaction (the project
 * key becomes the business key), the manager assesses it, changeApproval picks who decides by its impact
 * against the current baseline, and an approval re-baselines the project.
 */
@Configuration
public class ChangeDelegates {

  static final String MANAGER = "PROJECT_MANAGER";

  @Bean
  JavaDelegate registerChangeDelegate(ProjectService projects) {
    return execution -> {
      Inputs in = Inputs.of(execution);
      String requester = in.text(CHANGE_REQUESTER);
      if (requester == null) {
        throw new InvalidInputException(CHANGE_REQUESTER, "a change must be requested by a logged-in user");
      }
      String key = in.text(PROJECT_KEY);
      if (key == null || key.isBlank()) {
        throw new InvalidInputException(PROJECT_KEY, "is required");
      }
      long id = projects.registerChange(key.trim(), changeInput(in, in.text(TITLE), in.text(REASON)), requester);
      ProjectContextVariables.bind(execution, projects.require(key.trim()));
      execution.setVariable(CHANGE_ID, id);
    };
  }

  @Bean
  JavaDelegate recordImpactAssessmentDelegate(ProjectService projects, ProcessContext context) {
    return execution -> {
      Inputs in = Inputs.of(execution);
      projects.assessChange(in.text(PROJECT_KEY), changeId(execution), in.amount(COST_IMPACT),
          wholeLong(in, SCHEDULE_IMPACT_DAYS), in.text(SCOPE_IMPACT), in.text(IMPACT_ASSESSMENT), context.actor());
      Baseline baseline = projects.currentBaseline(in.text(PROJECT_KEY));
      execution.setVariable(BUDGET, baseline.budget().doubleValue());
    };
  }

  @Bean
  JavaDelegate prepareChangeApprovalDelegate() {
    return execution -> {
      @SuppressWarnings("unchecked")
      Map<String, Object> approval = (Map<String, Object>) execution.getVariable(CHANGE_APPROVAL);
      if (approval == null || approval.get("approver") == null) {
        throw new IllegalStateException("Decision changeApproval matched no rule for " + execution.getBusinessKey());
      }
      String approver = (String) approval.get("approver");
      execution.removeVariable(CHANGE_APPROVAL);
      execution.setVariable(CHANGE_APPROVER, approver);
      execution.setVariable(CHANGE_APPROVER_IS_MANAGER, MANAGER.equals(approver));
      execution.setVariable(CHANGE_APPROVER_GROUP, MANAGER.equals(approver) ? null : approver);
      execution.setVariable(APPROVAL_REASON, approval.get("approvalReason"));
    };
  }

  @Bean
  JavaDelegate recordChangeDecisionDelegate(ProjectService projects, ProcessContext context,
      ProjectNotifier notifier) {
    return execution -> {
      Inputs in = Inputs.of(execution);
      String key = in.text(PROJECT_KEY);
      String decision = in.text(DECISION);
      Integer version = projects.decideChange(key, changeId(execution), decision, in.text(DECISION_COMMENT),
          in.text(CHANGE_APPROVER), context.actor());
      execution.setVariable(CHANGE_APPROVED, version != null);
      String comment = in.text(DECISION_COMMENT);
      notifier.notify(execution, key, NotificationKind.CHANGE_DECIDED,
          List.of(Recipient.user(in.text(CHANGE_REQUESTER)), Recipient.user(in.text(PROJECT_MANAGER)),
              Recipient.user(in.text(SPONSOR))), null, Map.of(
          "title", in.text(TITLE), "decision", decision, "baseline", version == null ? "unchanged" : "version " + version,
          "comment", comment == null || comment.isBlank() ? "none" : comment));
    };
  }

  static ChangeInput changeInput(Inputs in, String title, String reason) {
    return new ChangeInput(title, reason, in.amount(COST_IMPACT), wholeLong(in, SCHEDULE_IMPACT_DAYS),
        in.text(SCOPE_IMPACT));
  }

  private static Long wholeLong(Inputs in, String name) {
    Integer value = in.whole(name);
    return value == null ? null : value.longValue();
  }

  private static long changeId(DelegateExecution execution) {
    return ((Number) execution.getVariable(CHANGE_ID)).longValue();
  }
}
