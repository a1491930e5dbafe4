package io.pmoflow.project;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Earned value management against a baseline, as of the end of a day. Pure arithmetic, no rules about who may
 * report what (that is {@link ProjectService}'s); it never fails on edge cases, it answers them:
 *
 * <ul>
 *   <li><b>Planned duration</b> counts both the planned start and end day ({@code end − start + 1}, at least 1):
 *       a project planned for one day lasts one day. <b>Elapsed</b> days count from the planned start through
 *       {@code asOf}, clamped to 0 … planned duration.</li>
 *   <li>{@code PV = BAC × elapsed / duration}; before the start it is 0, from the planned end on it is BAC.</li>
 *   <li>{@code EV = percentComplete / 100 × BAC}; {@code AC} is the actual cost as reported.</li>
 *   <li>{@code SPI = EV / PV}, null when PV = 0; {@code CPI = EV / AC}, null when AC = 0.</li>
 *   <li>{@code EAC = BAC / CPI}, computed exactly as {@code BAC × AC / EV} so the rounding of CPI does not leak
 *       into it; BAC when CPI is null or 0 (nothing spent, or nothing earned yet).</li>
 *   <li>Forecast duration {@code = duration / SPI} whole days (half up), {@code forecastEnd = plannedStart +
 *       forecast duration − 1}; the planned end when SPI is null or 0. Capped at {@value #MAX_SCHEDULE_FACTOR}
 *       times the planned duration (an SPI below 0.1 says "far late", not a date in the next century), and an
 *       unfinished project (below 100 %) is never forecast to end before {@code asOf}.</li>
 *   <li>{@code costVariancePercent = (EAC − BAC) / BAC × 100}, 0 when BAC = 0; {@code scheduleVarianceDays =
 *       forecastEnd − plannedEnd} (positive = late).</li>
 * </ul>
 *
 * Money is rounded to 2 decimals and ratios to 4, half up; the ratios are computed from the rounded money
 * figures, so a reader can check them from the report. Without planned dates nothing is planned: PV = 0.
 */
public final class EarnedValueCalculator {

  static final int MONEY_SCALE = 2;
  static final int RATIO_SCALE = 4;
  static final int MAX_SCHEDULE_FACTOR = 10;
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private EarnedValueCalculator() {
  }

  public static EarnedValue compute(Baseline baseline, LocalDate asOf, int percentComplete, BigDecimal actualCost) {
    BigDecimal bac = money(baseline.budget());
    LocalDate start = baseline.plannedStart();
    LocalDate end = baseline.plannedEnd();
    boolean scheduled = start != null && end != null;
    long duration = scheduled ? Math.max(1, ChronoUnit.DAYS.between(start, end) + 1) : 1;
    long elapsed = scheduled ? Math.max(0, Math.min(duration, ChronoUnit.DAYS.between(start, asOf) + 1)) : 0;

    BigDecimal pv = bac.multiply(BigDecimal.valueOf(elapsed)).divide(BigDecimal.valueOf(duration), MONEY_SCALE,
        RoundingMode.HALF_UP);
    BigDecimal ev = bac.multiply(BigDecimal.valueOf(percentComplete)).divide(HUNDRED, MONEY_SCALE,
        RoundingMode.HALF_UP);
    BigDecimal ac = money(actualCost);
    BigDecimal spi = pv.signum() == 0 ? null : ev.divide(pv, RATIO_SCALE, RoundingMode.HALF_UP);
    BigDecimal cpi = ac.signum() == 0 ? null : ev.divide(ac, RATIO_SCALE, RoundingMode.HALF_UP);
    BigDecimal eac = cpi == null || cpi.signum() == 0 ? bac
        : bac.multiply(ac).divide(ev, MONEY_SCALE, RoundingMode.HALF_UP);

    LocalDate forecastEnd = end;
    if (scheduled && spi != null && spi.signum() != 0) {
      long forecastDays = BigDecimal.valueOf(duration).multiply(pv).divide(ev, 0, RoundingMode.HALF_UP)
          .min(BigDecimal.valueOf(duration * MAX_SCHEDULE_FACTOR)).longValueExact();
      forecastEnd = start.plusDays(forecastDays - 1);
    }
    if (forecastEnd != null && percentComplete < 100 && forecastEnd.isBefore(asOf)) {
      forecastEnd = asOf;
    }
    BigDecimal costVariancePercent = bac.signum() == 0 ? BigDecimal.ZERO.setScale(MONEY_SCALE)
        : eac.subtract(bac).multiply(HUNDRED).divide(bac, MONEY_SCALE, RoundingMode.HALF_UP);
    long scheduleVarianceDays = end == null || forecastEnd == null ? 0 : ChronoUnit.DAYS.between(end, forecastEnd);
    return new EarnedValue(asOf, bac, pv, ev, ac, spi, cpi, eac, end, forecastEnd, costVariancePercent,
        scheduleVarianceDays);
  }

  private static BigDecimal money(BigDecimal amount) {
    return (amount == null ? BigDecimal.ZERO : amount).setScale(MONEY_SCALE, RoundingMode.HALF_UP);
  }
}
