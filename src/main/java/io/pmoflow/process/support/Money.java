package io.pmoflow.process.support;

import java.math.BigDecimal;
import java.util.Locale;

/** Amounts and ratios as task forms, gate summaries and explanations print them. */
public final class Money {
  private Money() {
  }

  public static String format(BigDecimal amount) {
    return amount == null ? "—" : String.format(Locale.ROOT, "%,.2f", amount);
  }

  public static String ratio(Object value) {
    return value == null ? "not computable" : String.format(Locale.ROOT, "%.2f", ((Number) value).doubleValue());
  }
}
