package io.pmoflow.governance;

import static io.pmoflow.process.intake.IntakeProcess.*;

import io.pmoflow.project.Governance;
import io.pmoflow.project.InvalidInputException;
import io.pmoflow.project.RecordedRequest;
import io.pmoflow.project.RecordedRequestRepository;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.xml.ModelException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.SingletonSupplier;

/**
 * Replays every recorded project request against a candidate {@code pmoGovernance} table and reports what would
 * change. The candidate is parsed and evaluated by a DMN engine of its own, outside the process engine: nothing
 * is deployed, and no decision history is written.
 *
 * <p>"Before" is the route the project store recorded for each request (what governs the project today), not
 * the deployed table re-evaluated: a request routed under an older version of the table shows up as a change
 * even when the candidate equals today's table, which is what a PMO wants to know before going live.
 */
@Service
public class GovernanceDryRun {

  public static final String DECISION = "pmoGovernance";
  /** The outputs the intake stores (RecordGovernanceDelegate): a candidate without one of them cannot go live. */
  static final List<String> OUTPUTS = List.of(PMO_TYPE, INTAKE_APPROVER_GROUP, STATUS_REPORT_CADENCE);
  /** The key under which requests without a value (not routed yet, or no rule of the candidate matched) count. */
  static final String NONE = "(none)";
  /** Changed projects listed at most; {@code changed} always counts all of them. */
  static final int MAX_LISTED_CHANGES = 1000;

  /** {@code before} and {@code after} count, per output, the requests having each value. */
  public record Report(String decision, int requests, int changed, Map<String, Map<String, Integer>> before,
      Map<String, Map<String, Integer>> after, List<ChangedRequest> changes, boolean changesTruncated) {
  }

  /** A project whose route would change; {@code outputs} holds only the outputs that differ. */
  public record ChangedRequest(String projectKey, String name, String phase, Map<String, Change> outputs) {
  }

  public record Change(String before, String after) {
  }

  /**
   * A DMN engine of its own (nothing recorded, no history, no metrics), built at the first dry run and not at
   * start-up: its FEEL engine takes about a second of CPU to build (issue #7, footprint).
   */
  private final SingletonSupplier<DmnEngine> engine =
      SingletonSupplier.of(() -> DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine());
  private final RecordedRequestRepository requests;

  public GovernanceDryRun(RecordedRequestRepository requests) {
    this.requests = requests;
  }

  /**
   * @param field the request field the candidate came in, named in every refusal
   * @throws InvalidInputException when the candidate is not DMN, has no usable {@code pmoGovernance} decision,
   *     or fails on a recorded request (e.g. several rules match a single-result table)
   */
  @Transactional(readOnly = true)
  public Report run(byte[] candidate, String field) {
    DmnDecision decision = parse(candidate, field);
    Map<String, Map<String, Integer>> before = counts();
    Map<String, Map<String, Integer>> after = counts();
    List<ChangedRequest> changes = new ArrayList<>();
    int[] totals = new int[2];
    requests.forEach(recorded -> {
      Map<String, String> was = recorded(recorded.governance());
      Map<String, String> would = evaluate(decision, recorded, field);
      Map<String, Change> changed = new LinkedHashMap<>();
      for (String output : OUTPUTS) {
        count(before, output, was.get(output));
        count(after, output, would.get(output));
        if (!was.get(output).equals(would.get(output))) {
          changed.put(output, new Change(was.get(output), would.get(output)));
        }
      }
      totals[0]++;
      if (!changed.isEmpty()) {
        totals[1]++;
        if (changes.size() < MAX_LISTED_CHANGES) {
          changes.add(new ChangedRequest(recorded.key(), recorded.request().name(), recorded.phase().name(),
              changed));
        }
      }
    });
    return new Report(DECISION, totals[0], totals[1], before, after, changes, totals[1] > changes.size());
  }

  private DmnDecision parse(byte[] candidate, String field) {
    DmnModelInstance model;
    List<DmnDecision> decisions;
    try {
      model = Dmn.readModelFromStream(new ByteArrayInputStream(candidate));
      decisions = engine.obtain().parseDecisions(model);
    } catch (ModelException | DmnEngineException e) {
      throw new InvalidInputException(field, "not a valid DMN model: " + causes(e));
    }
    DmnDecision decision = decisions.stream().filter(d -> DECISION.equals(d.getKey())).findFirst()
        .orElseThrow(() -> new InvalidInputException(field, "the DMN has no decision with id '" + DECISION
            + "' (it has " + decisions.stream().map(DmnDecision::getKey).toList() + ")"));
    Decision element = model.getModelElementById(DECISION);
    if (!(element.getExpression() instanceof DecisionTable table)) {
      throw new InvalidInputException(field, "decision '" + DECISION + "' must be a decision table");
    }
    List<String> outputs = table.getOutputs().stream().map(Output::getName).toList();
    List<String> missing = OUTPUTS.stream().filter(o -> !outputs.contains(o)).toList();
    if (!missing.isEmpty()) {
      throw new InvalidInputException(field, "decision '" + DECISION + "' lacks the output(s) " + missing
          + "; the intake needs " + OUTPUTS);
    }
    return decision;
  }

  private Map<String, String> evaluate(DmnDecision decision, RecordedRequest recorded, String field) {
    DmnDecisionResultEntries result;
    try {
      result = engine.obtain().evaluateDecision(decision, variables(recorded)).getSingleResult();
    } catch (RuntimeException e) {
      // whatever the candidate's expressions throw (FEEL errors, several hits on a single-result table) is the
      // candidate's fault, found before it goes live
      throw new InvalidInputException(field, "evaluating '" + DECISION + "' for " + recorded.key() + " failed: "
          + causes(e));
    }
    Map<String, String> values = new HashMap<>();
    for (String output : OUTPUTS) {
      Object value = result == null ? null : result.get(output);
      values.put(output, value == null ? NONE : value.toString());
    }
    return values;
  }

  /** The variables the intake's business rule task sees: the start form's fields, requester and project key. */
  private static Map<String, Object> variables(RecordedRequest recorded) {
    var r = recorded.request();
    Map<String, Object> v = new HashMap<>();
    v.put(PROJECT_KEY, recorded.key());
    v.put(REQUESTER, recorded.requester());
    v.put(PROJECT_NAME, r.name());
    v.put(DESCRIPTION, r.description());
    v.put(BUSINESS_UNIT, r.businessUnit());
    v.put(SPONSOR, r.sponsor());
    v.put(ESTIMATED_BUDGET, r.estimatedBudget().doubleValue());
    v.put(STRATEGIC_ALIGNMENT, r.strategicAlignment().longValue());
    v.put(COMPLEXITY, r.complexity().name());
    v.put(RISK_LEVEL, r.riskLevel().name());
    v.put(CROSS_DEPARTMENTAL, r.crossDepartmental());
    v.put(REGULATORY, r.regulatory());
    v.put(REQUESTED_START, r.requestedStart() == null ? null : r.requestedStart().toString());
    v.put(REQUESTED_END, r.requestedEnd() == null ? null : r.requestedEnd().toString());
    return v;
  }

  private static Map<String, String> recorded(Governance g) {
    return Map.of(PMO_TYPE, g == null ? NONE : g.pmoType().name(),
        INTAKE_APPROVER_GROUP, g == null || g.intakeApproverGroup() == null ? NONE : g.intakeApproverGroup(),
        STATUS_REPORT_CADENCE, g == null || g.statusReportCadence() == null ? NONE : g.statusReportCadence());
  }

  private static Map<String, Map<String, Integer>> counts() {
    Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
    OUTPUTS.forEach(o -> counts.put(o, new TreeMap<>()));
    return counts;
  }

  private static void count(Map<String, Map<String, Integer>> counts, String output, String value) {
    counts.get(output).merge(value, 1, Integer::sum);
  }

  /** The parser's own words: a wrapping exception's message alone often says only "unable to transform". */
  private static String causes(Throwable e) {
    StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      if (cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
        message.append(": ").append(cause.getMessage());
      }
    }
    return message.toString();
  }
}
