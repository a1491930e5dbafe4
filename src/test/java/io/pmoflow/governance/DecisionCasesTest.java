package io.pmoflow.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The analysts' policy cases ({@code processes/tests/<decision>.csv}) against the shipped decision tables
 * ({@code processes/<decision>.dmn}). Each CSV row is one test, so a new row needs no Java. An empty cell is a
 * missing (null) input variable, or an output the row expects to stay empty.
 */
class DecisionCasesTest {

  private static final Path MODELS = Path.of("processes");
  private static final Path CASES = MODELS.resolve("tests");

  private static final String PMO_GOVERNANCE = "pmoGovernance";
  private static final String GATE_APPROVAL = "gateApproval";
  private static final String PROJECT_HEALTH = "projectHealth";
  private static final String CHANGE_APPROVAL = "changeApproval";
  private static final String RISK_ASSESSMENT = "riskAssessment";
  private static final String PROJECT_TOLERANCE = "projectTolerance";

  private static final Map<String, List<String>> OUTPUT_COLUMNS = Map.of(
      PMO_GOVERNANCE, List.of("pmoType", "intakeApproverGroup", "statusReportCadence"),
      GATE_APPROVAL, List.of("approvers"),
      PROJECT_HEALTH, List.of("health"),
      CHANGE_APPROVAL, List.of("approver"),
      RISK_ASSESSMENT, List.of("score", "severity", "ownerGroup"),
      PROJECT_TOLERANCE, List.of("costTolerancePercent", "scheduleToleranceDays", "toleranceOwner"));

  /** Decisions with a test class of their own: reviewAgenda is a COLLECT table (ReviewAgendaCasesTest). */
  private static final Set<String> TESTED_ELSEWHERE = Set.of("reviewAgenda");

  /** Decision outputs that explain the result to people: not in the CSV, but every rule must give one. */
  private static final Map<String, String> REASON_OUTPUTS = Map.of(
      PROJECT_HEALTH, "healthReason",
      CHANGE_APPROVAL, "approvalReason");

  /** Variable types as the process hands them to the engine; any other column is a String. */
  private static final Map<String, Class<?>> INPUT_TYPES = Map.ofEntries(
      Map.entry("estimatedBudget", Double.class),
      Map.entry("crossDepartmental", Boolean.class),
      Map.entry("regulatory", Boolean.class),
      Map.entry("strategicAlignment", Long.class),
      Map.entry("spi", Double.class),
      Map.entry("cpi", Double.class),
      Map.entry("openCriticalRisks", Long.class),
      Map.entry("budget", Double.class),
      Map.entry("costImpact", Double.class),
      Map.entry("scheduleImpactDays", Long.class),
      Map.entry("probability", Long.class),
      Map.entry("impact", Long.class));

  /** The rule ids the last evaluation matched (after the hit policy). */
  private static final List<String> MATCHED = new ArrayList<>();

  private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
      .customPostDecisionTableEvaluationListeners(List.of(new DmnDecisionTableEvaluationListener() {
        @Override
        public void notify(DmnDecisionTableEvaluationEvent event) {
          event.getMatchingRules().forEach(rule -> MATCHED.add(rule.getId()));
        }
      }))
      .buildEngine();

  private static final Map<String, DmnDecision> DECISIONS = new HashMap<>();

  record DecisionCase(int line, Map<String, Object> variables, Map<String, String> expected) {
  }

  static Stream<Named<DecisionCase>> pmoGovernanceCases() {
    return cases(PMO_GOVERNANCE);
  }

  static Stream<Named<DecisionCase>> gateApprovalCases() {
    return cases(GATE_APPROVAL);
  }

  static Stream<Named<DecisionCase>> projectHealthCases() {
    return cases(PROJECT_HEALTH);
  }

  static Stream<Named<DecisionCase>> changeApprovalCases() {
    return cases(CHANGE_APPROVAL);
  }

  static Stream<Named<DecisionCase>> riskAssessmentCases() {
    return cases(RISK_ASSESSMENT);
  }

  static Stream<Named<DecisionCase>> projectToleranceCases() {
    return cases(PROJECT_TOLERANCE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pmoGovernanceCases")
  void pmoGovernance(DecisionCase c) {
    assertOutputs(PMO_GOVERNANCE, c);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("projectHealthCases")
  void projectHealth(DecisionCase c) {
    assertOutputs(PROJECT_HEALTH, c);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changeApprovalCases")
  void changeApproval(DecisionCase c) {
    assertOutputs(CHANGE_APPROVAL, c);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("riskAssessmentCases")
  void riskAssessment(DecisionCase c) {
    assertOutputs(RISK_ASSESSMENT, c);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("projectToleranceCases")
  void projectTolerance(DecisionCase c) {
    assertOutputs(PROJECT_TOLERANCE, c);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("gateApprovalCases")
  void gateApproval(DecisionCase c) {
    Map<String, Object> out = evaluate(GATE_APPROVAL, c.variables());

    assertThat(approvers(out)).as("approvers for line %d of %s.csv (decision output %s)", c.line(),
        GATE_APPROVAL, out).isEqualTo(c.expected().get("approvers"));
  }

  @ParameterizedTest(name = "every rule of {0} is hit by a case")
  @ValueSource(strings = {PMO_GOVERNANCE, GATE_APPROVAL, PROJECT_HEALTH, CHANGE_APPROVAL, RISK_ASSESSMENT,
      PROJECT_TOLERANCE})
  void everyRuleIsHitByACase(String decisionId) {
    Set<String> hit = new TreeSet<>();
    cases(decisionId).forEach(c -> {
      evaluate(decisionId, c.getPayload().variables());
      hit.addAll(MATCHED);
    });

    Set<String> rules = ruleIds(decisionId);
    assertThat(rules).as("rules of %s", decisionId).isNotEmpty();
    assertThat(hit).as("rules of %s hit by %s.csv", decisionId, decisionId).containsAll(rules);
  }

  /** A new decision table needs its cases file, and its outputs named here (or a test of its own). */
  @Test
  void everyDecisionHasItsCases() throws IOException {
    List<String> decisions;
    try (Stream<Path> files = Files.list(MODELS)) {
      decisions = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".dmn"))
          .map(f -> f.substring(0, f.length() - ".dmn".length())).sorted().toList();
    }
    assertThat(decisions).isNotEmpty().allSatisfy(decision -> {
      assertThat(CASES.resolve(decision + ".csv")).as("cases of %s", decision).exists();
      assertThat(decision).as("decision tested by DecisionCasesTest (OUTPUT_COLUMNS) or a class of its own")
          .isIn(Stream.concat(OUTPUT_COLUMNS.keySet().stream(), TESTED_ELSEWHERE.stream()).toList());
    });
  }

  /** Compares the CSV's output columns one to one; an empty cell expects no value. */
  private static void assertOutputs(String decisionId, DecisionCase c) {
    Map<String, Object> out = evaluate(decisionId, c.variables());

    Map<String, String> actual = new LinkedHashMap<>();
    Map<String, String> expected = new LinkedHashMap<>();
    for (String column : OUTPUT_COLUMNS.get(decisionId)) {
      actual.put(column, text(out.get(column)));
      expected.put(column, comparable(c.expected().get(column)));
    }
    assertThat(actual).as("outputs for line %d of %s.csv (decision output %s)", c.line(), decisionId, out)
        .isEqualTo(expected);
    String reason = REASON_OUTPUTS.get(decisionId);
    if (reason != null) {
      assertThat(out.get(reason)).as("%s for line %d of %s.csv", reason, c.line(), decisionId)
          .isInstanceOf(String.class).asString().isNotBlank();
    }
  }

  /** The CSV notation: {@code [review group[(advice)]>]approver}, approver = SPONSOR or a group. */
  private static String approvers(Map<String, Object> out) {
    Object reviewGroup = out.get("reviewGroup");
    String review = reviewGroup == null ? ""
        : reviewGroup + (Boolean.TRUE.equals(out.get("reviewAdvisory")) ? "(advice)" : "") + ">";
    String approver = "SPONSOR".equals(out.get("approverRole")) ? "SPONSOR" : text(out.get("approverGroup"));
    return review + approver;
  }

  private static Map<String, Object> evaluate(String decisionId, Map<String, Object> variables) {
    MATCHED.clear();
    DmnDecisionResult result = ENGINE.evaluateDecision(decision(decisionId), variables);
    assertThat(MATCHED).as("rules of %s matched by %s (hit policy FIRST)", decisionId, variables).hasSize(1);
    DmnDecisionResultEntries entries = result.getSingleResult();
    // empty output cells are absent from the entry map
    return entries == null ? Map.of() : entries.getEntryMap();
  }

  /** Numbers compare by value, so the CSV may write {@code 15} for the double 15.0. */
  private static String text(Object value) {
    if (value instanceof Number number) {
      return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
    }
    return value == null ? "" : value.toString();
  }

  private static String comparable(String cell) {
    try {
      return text(new BigDecimal(cell));
    } catch (NumberFormatException notANumber) {
      return cell;
    }
  }

  private static DmnModelInstance model(String decisionId) {
    try (InputStream in = Files.newInputStream(MODELS.resolve(decisionId + ".dmn"))) {
      return Dmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static DmnDecision decision(String decisionId) {
    return DECISIONS.computeIfAbsent(decisionId, id -> ENGINE.parseDecision(id, model(id)));
  }

  private static Set<String> ruleIds(String decisionId) {
    Decision decision = model(decisionId).getModelElementById(decisionId);
    DecisionTable table = (DecisionTable) decision.getExpression();
    return table.getRules().stream().map(Rule::getId).collect(Collectors.toCollection(TreeSet::new));
  }

  private static Stream<Named<DecisionCase>> cases(String decisionId) {
    Path file = CASES.resolve(decisionId + ".csv");
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> header = split(lines.get(0));
    List<String> outputs = OUTPUT_COLUMNS.get(decisionId);
    assertThat(header).as("header of %s", file).containsAll(outputs);

    List<Named<DecisionCase>> cases = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      int line = i + 1;
      List<String> cells = split(lines.get(i));
      assertThat(cells).as("cells in line %d of %s", line, file).hasSameSizeAs(header);
      Map<String, Object> variables = new LinkedHashMap<>();
      Map<String, String> expected = new LinkedHashMap<>();
      for (int col = 0; col < header.size(); col++) {
        String name = header.get(col);
        if (outputs.contains(name)) {
          expected.put(name, cells.get(col));
        } else {
          variables.put(name, typed(name, cells.get(col)));
        }
      }
      String label = "line " + line + ": " + join(variables) + " -> " + join(expected);
      cases.add(Named.of(label, new DecisionCase(line, variables, expected)));
    }
    return cases.stream();
  }

  private static Object typed(String column, String cell) {
    if (cell.isEmpty()) {
      return null;
    }
    Class<?> type = INPUT_TYPES.getOrDefault(column, String.class);
    if (type == Double.class) {
      return Double.valueOf(cell);
    }
    if (type == Long.class) {
      return Long.valueOf(cell);
    }
    if (type == Boolean.class) {
      if (!cell.equals("true") && !cell.equals("false")) {
        throw new IllegalArgumentException(column + " must be true or false, was " + cell);
      }
      return Boolean.valueOf(cell);
    }
    return cell;
  }

  private static List<String> split(String line) {
    return Stream.of(line.split(",", -1)).map(String::strip).toList();
  }

  private static String join(Map<String, ?> values) {
    return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
  }
}
