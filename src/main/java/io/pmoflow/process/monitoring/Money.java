package io.pmoflow.process.monitoring;

import java.math.BigDecimal;
import java.util.Locale;

/** Amounts and ratios as the monitoring forms and explanations print them. */
final class Money {
  private Money() {
  }

  static String format(BigDecimal amount) {
    return amount == null ? "—" : String.format(Locale.ROOT, "%,.2f", amount);
  }

  static String ratio(Object value) {
    return value == null ? "not computable" : String.format(Locale.ROOT, "%.2f", ((Number) value).doubleValue());
  }
}
