package io.pmoflow.process.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.pmoflow.project.InvalidInputException;
import io.pmoflow.project.Level;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InputsTest {

  private final VariableScope scope = mock(VariableScope.class);
  private final Inputs inputs = Inputs.of(scope);

  private void given(String name, Object value) {
    when(scope.getVariable(name)).thenReturn(value);
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> invalid(ThrowingCallable call, String field) {
    return assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.field()).isEqualTo(field)).hasMessageStartingWith(field + ": ");
  }

  // amount

  @Test
  void amountFromLong() {
    given("estimatedBudget", 1_200_000L);
    assertThat(inputs.amount("estimatedBudget")).isEqualByComparingTo("1200000");
  }

  @Test
  void amountFromInteger() {
    given("estimatedBudget", 5000);
    assertThat(inputs.amount("estimatedBudget")).isEqualByComparingTo("5000");
  }

  @Test
  void amountFromDoubleKeepsTheDecimalValue() {
    given("estimatedBudget", 99999.99);
    assertThat(inputs.amount("estimatedBudget")).isEqualTo(new BigDecimal("99999.99"));
  }

  @Test
  void amountMissingIsNull() {
    assertThat(inputs.amount("estimatedBudget")).isNull();
  }

  @Test
  void amountFromTextIsAnErrorNamingTheField() {
    given("estimatedBudget", "abc");
    invalid(() -> inputs.amount("estimatedBudget"), "estimatedBudget").hasMessageContaining("number");
  }

  @Test
  void amountNotANumberIsAnError() {
    given("estimatedBudget", Double.NaN);
    invalid(() -> inputs.amount("estimatedBudget"), "estimatedBudget");
  }

  // whole

  @Test
  void wholeFromLong() {
    given("strategicAlignment", 4L);
    assertThat(inputs.whole("strategicAlignment")).isEqualTo(4);
  }

  @Test
  void wholeFromDoubleWithoutFraction() {
    given("strategicAlignment", 4.0);
    assertThat(inputs.whole("strategicAlignment")).isEqualTo(4);
  }

  @Test
  void wholeWithFractionIsAnError() {
    given("strategicAlignment", 4.5);
    invalid(() -> inputs.whole("strategicAlignment"), "strategicAlignment").hasMessageContaining("whole number");
  }

  @Test
  void wholeBeyondIntegerRangeIsAnError() {
    given("strategicAlignment", 1L + Integer.MAX_VALUE);
    invalid(() -> inputs.whole("strategicAlignment"), "strategicAlignment");
  }

  @Test
  void wholeFromTextIsAnError() {
    given("strategicAlignment", "4");
    invalid(() -> inputs.whole("strategicAlignment"), "strategicAlignment");
  }

  // flag

  @Test
  void flagMissingIsFalse() {
    given("regulatory", null);
    assertThat(inputs.flag("regulatory")).isFalse();
  }

  @Test
  void flagTrue() {
    given("regulatory", true);
    assertThat(inputs.flag("regulatory")).isTrue();
  }

  @Test
  void flagFromTextIsAnError() {
    given("regulatory", "yes");
    invalid(() -> inputs.flag("regulatory"), "regulatory").hasMessageContaining("true or false");
  }

  // text

  @Test
  void textFromNumberIsAnError() {
    given("projectName", 42);
    invalid(() -> inputs.text("projectName"), "projectName");
  }

  // date

  @Test
  void dateInIsoFormat() {
    given("requestedStart", "2027-01-31");
    assertThat(inputs.date("requestedStart")).isEqualTo(LocalDate.of(2027, 1, 31));
  }

  @Test
  void dateBlankIsNull() {
    given("requestedStart", " ");
    assertThat(inputs.date("requestedStart")).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"31/01/2027", "2027-02-30", "tomorrow"})
  void dateInOtherFormatIsAnErrorNamingTheField(String value) {
    given("requestedStart", value);
    invalid(() -> inputs.date("requestedStart"), "requestedStart").hasMessageContaining("yyyy-MM-dd");
  }

  @Test
  void dateFromNonTextIsAnError() {
    given("requestedStart", 20270131L);
    invalid(() -> inputs.date("requestedStart"), "requestedStart");
  }

  // choice

  @Test
  void choiceOfAnEnumConstant() {
    given("riskLevel", "HIGH");
    assertThat(inputs.choice("riskLevel", Level.class)).isEqualTo(Level.HIGH);
  }

  @Test
  void choiceBlankIsNull() {
    given("riskLevel", "");
    assertThat(inputs.choice("riskLevel", Level.class)).isNull();
  }

  @Test
  void invalidChoiceIsAnErrorListingTheValues() {
    given("riskLevel", "EXTREME");
    invalid(() -> inputs.choice("riskLevel", Level.class), "riskLevel")
        .hasMessageContaining(Arrays.toString(Level.values()));
  }

  // rows

  @Test
  void rowsFromAListOfMaps() {
    Map<String, Object> second = new LinkedHashMap<>();
    second.put("member", "bob");
    second.put("allocation", 50L);
    given("team", List.of(Map.of("member", "alice", "allocation", 100), second));

    List<Inputs.Row> rows = inputs.rows("team");

    assertThat(rows).extracting(Inputs.Row::path).containsExactly("team[0]", "team[1]");
    assertThat(rows.get(0).text("member")).isEqualTo("alice");
    assertThat(rows.get(0).whole("allocation")).isEqualTo(100);
    assertThat(rows.get(1).requiredWhole("allocation")).isEqualTo(50);
  }

  @Test
  void rowsFromAJsonString() {
    given("team", "[{\"member\":\"alice\",\"allocation\":100,\"from\":\"2027-01-31\"},null]");

    List<Inputs.Row> rows = inputs.rows("team");

    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).text("member")).isEqualTo("alice");
    assertThat(rows.get(0).whole("allocation")).isEqualTo(100);
    assertThat(rows.get(0).date("from")).isEqualTo(LocalDate.of(2027, 1, 31));
    assertThat(rows.get(1).values()).isEmpty();
  }

  @Test
  void rowsFromASpinJsonValue() {
    given("team", Spin.JSON("[{\"member\":\"alice\",\"allocation\":100}]"));

    List<Inputs.Row> rows = inputs.rows("team");

    assertThat(rows).singleElement().satisfies(row -> {
      assertThat(row.text("member")).isEqualTo("alice");
      assertThat(row.whole("allocation")).isEqualTo(100);
    });
  }

  @Test
  void rowsMissingIsEmpty() {
    assertThat(inputs.rows("team")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"not json", "{\"member\":\"alice\"}", "[1, 2]", "[{\"member\":"})
  void rowsFromInvalidJsonIsAnError(String json) {
    given("team", json);
    invalid(() -> inputs.rows("team"), "team").hasMessageContaining("list of rows");
  }

  @Test
  void rowsFromAListOfNonRowsIsAnError() {
    given("team", List.of("alice", "bob"));
    invalid(() -> inputs.rows("team"), "team");
  }

  @Test
  void rowErrorsNameSectionIndexAndField() {
    given("team", "[{\"member\":\"alice\",\"allocation\":100},"
        + "{\"member\":7,\"allocation\":\"half\",\"from\":\"31/01/2027\"},{}]");
    List<Inputs.Row> rows = inputs.rows("team");

    invalid(() -> rows.get(1).whole("allocation"), "team[1].allocation");
    invalid(() -> rows.get(1).text("member"), "team[1].member");
    invalid(() -> rows.get(1).date("from"), "team[1].from");
    invalid(() -> rows.get(2).requiredWhole("allocation"), "team[2].allocation").hasMessageContaining("required");
  }
}
