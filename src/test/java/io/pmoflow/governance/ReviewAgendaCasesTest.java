package io.pmoflow.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reviewAgenda policy cases ({@code processes/tests/reviewAgenda.csv}): a COLLECT table, so each row lists
 * every reason expected (separated by |), none for a project that stays off the agenda. Every rule must be hit.
 */
class ReviewAgendaCasesTest {

  private static final Set<String> MATCHED = new HashSet<>();
  private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
      .customPostDecisionTableEvaluationListeners(List.of(new DmnDecisionTableEvaluationListener() {
        @Override
        public void notify(DmnDecisionTableEvaluationEvent event) {
          event.getMatchingRules().forEach(rule -> MATCHED.add(rule.getId()));
        }
      }))
      .buildEngine();
  private static final DmnDecision DECISION = parse();

  static Stream<String> cases() throws IOException {
    return Files.readAllLines(Path.of("processes/tests/reviewAgenda.csv")).stream().skip(1)
        .filter(l -> !l.isBlank());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void agendaReasons(String line) {
    String[] c = line.split(",", -1);
    Map<String, Object> v = new HashMap<>();
    v.put("health", c[0].isEmpty() ? null : c[0]);
    v.put("exceptionOpen", Boolean.parseBoolean(c[1]));
    v.put("overdueGate", Boolean.parseBoolean(c[2]));
    v.put("budgetOverrunPercent", c[3].isEmpty() ? null : Double.valueOf(c[3]));
    v.put("strategicAlignment", Long.valueOf(c[4]));
    List<String> reasons = ENGINE.evaluateDecisionTable(DECISION, v).collectEntries("reason");
    List<String> expected = c[5].isEmpty() ? List.of() : Arrays.asList(c[5].split("\\|"));
    assertThat(reasons).containsExactlyElementsOf(expected);
  }

  @AfterAll
  static void everyRuleIsHitByACase() {
    assertThat(MATCHED).containsExactlyInAnyOrder("Rule_RedHealth", "Rule_OpenException", "Rule_OverdueGate",
        "Rule_BudgetOverrun", "Rule_LowAlignment");
  }

  private static DmnDecision parse() {
    try (InputStream in = Files.newInputStream(Path.of("processes/reviewAgenda.dmn"))) {
      return ENGINE.parseDecision("reviewAgenda", in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
