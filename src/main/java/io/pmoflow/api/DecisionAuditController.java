package io.pmoflow.api;

import io.pmoflow.project.ProjectService;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Why a project was routed, gated, rated and escalated as it was: every decision evaluated in one of its process
 * instances (any process whose business key is the project key), from the engine's decision history. Part of
 * the project's record, which every authenticated user may read, so it is queried without the caller's history
 * authorizations.
 */
@RestController
@Tag(name = "Projects")
@RequestMapping("/api/projects")
public class DecisionAuditController {

  /**
   * One evaluated decision. Inputs are named by their column label (the id where a column has none), outputs by
   * their output name; with several matched rules (a COLLECT or RULE ORDER table) an output holds the list of
   * the values in rule order.
   */
  public record DecisionAudit(String decision, String decisionName, OffsetDateTime evaluatedAt, String activityId,
      String processDefinitionKey, Map<String, Object> inputs, Map<String, Object> outputs,
      List<String> matchedRules) {
  }

  private final ProjectService projects;
  private final HistoryService historyService;
  private final IdentityService identityService;

  public DecisionAuditController(ProjectService projects, HistoryService historyService,
      IdentityService identityService) {
    this.projects = projects;
    this.historyService = historyService;
    this.identityService = identityService;
  }

  /** Oldest first; 404 for an unknown project. */
  @GetMapping("/{key}/decisions")
  public List<DecisionAudit> decisions(@PathVariable String key) {
    projects.require(key);
    return WithoutCallerAuthorizations.query(identityService, () -> evaluatedFor(key));
  }

  /** One query per process instance (the decision query takes one instance id), merged in evaluation order. */
  private List<DecisionAudit> evaluatedFor(String key) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key).list().stream()
        .flatMap(p -> historyService.createHistoricDecisionInstanceQuery().processInstanceId(p.getId())
            .includeInputs().includeOutputs().list().stream())
        .sorted(Comparator.comparing(HistoricDecisionInstance::getEvaluationTime)
            .thenComparing(HistoricDecisionInstance::getId))
        .map(DecisionAuditController::audit).toList();
  }

  private static DecisionAudit audit(HistoricDecisionInstance d) {
    Map<String, Object> inputs = new LinkedHashMap<>();
    for (HistoricDecisionInputInstance input : d.getInputs()) {
      inputs.put(input.getClauseName() == null ? input.getClauseId() : input.getClauseName(), input.getValue());
    }
    Set<String> rules = new LinkedHashSet<>();
    Map<String, List<Object>> values = new LinkedHashMap<>();
    d.getOutputs().stream()
        .sorted((a, b) -> Integer.compare(orZero(a.getRuleOrder()), orZero(b.getRuleOrder())))
        .forEach(output -> {
          rules.add(output.getRuleId());
          values.computeIfAbsent(name(output), n -> new ArrayList<>()).add(output.getValue());
        });
    Map<String, Object> outputs = new LinkedHashMap<>();
    values.forEach((name, v) -> outputs.put(name, rules.size() > 1 ? v : v.get(0)));
    return new DecisionAudit(d.getDecisionDefinitionKey(), d.getDecisionDefinitionName(),
        d.getEvaluationTime().toInstant().atOffset(ZoneOffset.UTC), d.getActivityId(), d.getProcessDefinitionKey(),
        inputs, outputs, List.copyOf(rules));
  }

  private static String name(HistoricDecisionOutputInstance output) {
    return output.getVariableName() != null ? output.getVariableName()
        : output.getClauseName() != null ? output.getClauseName() : output.getClauseId();
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }
}
