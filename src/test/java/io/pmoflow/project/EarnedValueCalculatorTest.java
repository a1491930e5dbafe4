package io.pmoflow.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Earned value by hand. The baseline of most cases: BAC 100,000.00, planned 2027-01-01 to 2027-04-10, which is
 * 31 + 28 + 31 + 10 = 100 days counting both ends; 2027-02-19 is its day 31 + 19 = 50.
 */
class EarnedValueCalculatorTest {

  static final LocalDate START = LocalDate.of(2027, 1, 1);
  static final LocalDate END = LocalDate.of(2027, 4, 10);
  static final LocalDate DAY_50 = LocalDate.of(2027, 2, 19);
  static final Baseline BASELINE = baseline("100000", START, END);

  static Baseline baseline(String budget, LocalDate start, LocalDate end) {
    return new Baseline(1, budget == null ? null : new BigDecimal(budget), start, end, "Scope", List.of(),
        "sam.sponsor", OffsetDateTime.parse("2026-12-20T10:00:00Z"));
  }

  @Test
  void behindScheduleAndOverBudget() {
    // PV = 100,000 × 50 / 100 = 50,000.00; EV = 40 % × 100,000 = 40,000.00; AC = 50,000.00
    // SPI = 40,000 / 50,000 = 0.8000; CPI = 40,000 / 50,000 = 0.8000
    // EAC = 100,000 × 50,000 / 40,000 = 125,000.00; cost variance = 25,000 / 100,000 = +25.00 %
    // forecast duration = 100 / 0.8 = 125 days → 2027-01-01 + 124 days = 2027-05-05 (Jan 31 + Feb 28 + Mar 31
    // + Apr 30 = 120 days to May 1, + 4); the planned end is day 99 after the start: 124 − 99 = 25 days late
    EarnedValue ev = EarnedValueCalculator.compute(BASELINE, DAY_50, 40, new BigDecimal("50000"));
    assertThat(ev.asOf()).isEqualTo(DAY_50);
    assertThat(ev.bac()).isEqualByComparingTo("100000.00");
    assertThat(ev.pv()).isEqualByComparingTo("50000.00");
    assertThat(ev.ev()).isEqualByComparingTo("40000.00");
    assertThat(ev.ac()).isEqualByComparingTo("50000.00");
    assertThat(ev.spi()).isEqualByComparingTo("0.8000");
    assertThat(ev.cpi()).isEqualByComparingTo("0.8000");
    assertThat(ev.eac()).isEqualByComparingTo("125000.00");
    assertThat(ev.plannedEnd()).isEqualTo(END);
    assertThat(ev.forecastEnd()).isEqualTo(LocalDate.of(2027, 5, 5));
    assertThat(ev.costVariancePercent()).isEqualByComparingTo("25.00");
    assertThat(ev.scheduleVarianceDays()).isEqualTo(25);
  }

  @Test
  void scalesAreFourDecimalsForRatiosAndTwoForMoney() {
    // EV = 30,000.00, PV = 50,000.00, AC = 45,000.00: SPI = 0.6 → 0.6000; CPI = 0.6666… → 0.6667 (half up)
    // EAC = 100,000 × 45,000 / 30,000 = 150,000.00; forecast = 100 / 0.6 = 166.67 → 167 days (half up):
    // 2027-01-01 + 166 days = 2027-06-16 (May 1 is +120, June 1 +151, +15); 166 − 99 = 67 days late
    EarnedValue ev = EarnedValueCalculator.compute(BASELINE, DAY_50, 30, new BigDecimal("45000"));
    assertThat(ev.spi()).isEqualByComparingTo("0.6000").hasToString("0.6000");
    assertThat(ev.cpi()).hasToString("0.6667");
    assertThat(ev.eac()).hasToString("150000.00");
    assertThat(ev.pv()).hasToString("50000.00");
    assertThat(ev.forecastEnd()).isEqualTo(LocalDate.of(2027, 6, 16));
    assertThat(ev.scheduleVarianceDays()).isEqualTo(67);
    assertThat(ev.costVariancePercent()).hasToString("50.00");
  }

  @Test
  void nothingSpentYetLeavesCpiOpenAndTheForecastAtTheBudget() {
    // AC = 0: CPI = EV / 0 is undefined → null; EAC = BAC = 100,000.00; cost variance 0.00 %
    // the schedule side is unchanged: SPI = 40,000 / 50,000 = 0.8000, 25 days late
    EarnedValue ev = EarnedValueCalculator.compute(BASELINE, DAY_50, 40, BigDecimal.ZERO);
    assertThat(ev.ac()).isEqualByComparingTo("0");
    assertThat(ev.cpi()).isNull();
    assertThat(ev.eac()).isEqualByComparingTo("100000.00");
    assertThat(ev.costVariancePercent()).isEqualByComparingTo("0");
    assertThat(ev.spi()).isEqualByComparingTo("0.8000");
    assertThat(ev.scheduleVarianceDays()).isEqualTo(25);
  }

  @Test
  void beforeThePlannedStartNothingIsPlannedYet() {
    // 2026-12-20 is 12 days before the start: elapsed = −12 + 1 = −11 → 0, so PV = 0.00 and SPI is undefined
    // (null); the forecast stays at the planned end. Work done early still counts: EV = 5 % = 5,000.00,
    // AC = 3,000.00 → CPI = 5,000 / 3,000 = 1.6666… → 1.6667; EAC = 100,000 × 3,000 / 5,000 = 60,000.00,
    // cost variance = (60,000 − 100,000) / 100,000 = −40.00 %
    EarnedValue ev = EarnedValueCalculator.compute(BASELINE, LocalDate.of(2026, 12, 20), 5, new BigDecimal("3000"));
    assertThat(ev.pv()).isEqualByComparingTo("0");
    assertThat(ev.spi()).isNull();
    assertThat(ev.forecastEnd()).isEqualTo(END);
    assertThat(ev.scheduleVarianceDays()).isZero();
    assertThat(ev.cpi()).isEqualByComparingTo("1.6667");
    assertThat(ev.eac()).isEqualByComparingTo("60000.00");
    assertThat(ev.costVariancePercent()).isEqualByComparingTo("-40.00");
  }

  @Test
  void theStartDayCountsAsOneDayOfTheSchedule() {
    // on 2027-01-01 (day 1 of 100): PV = 100,000 × 1 / 100 = 1,000.00; nothing done: EV = 0 → SPI = 0.0000,
    // whose forecast would be infinite: the planned end stands, and CPI is undefined (AC = 0)
    EarnedValue ev = EarnedValueCalculator.compute(BASELINE, START, 0, BigDecimal.ZERO);
    assertThat(ev.pv()).isEqualByComparingTo("1000.00");
    assertThat(ev.spi()).isEqualByComparingTo("0");
    assertThat(ev.forecastEnd()).isEqualTo(END);
    assertThat(ev.eac()).isEqualByComparingTo("100000.00");
  }

  @Test
  void afterThePlannedEndEverythingIsPlannedAndAnUnfinishedProjectEndsNoEarlierThanToday() {
    // 2027-05-20 is past the end: PV = BAC = 100,000.00; EV = 80 % = 80,000.00; AC = 90,000.00
    // SPI = 0.8000; CPI = 80,000 / 90,000 = 0.8888… → 0.8889; EAC = 100,000 × 90,000 / 80,000 = 112,500.00 (+12.50 %)
    // the formula forecasts 100 / 0.8 = 125 days → 2027-05-05, already past: the project is not done, so the
    // forecast is today, 2027-05-20 = 2027-04-10 + 20 (rest of April) + 20 = 40 days late
    EarnedValue ev = EarnedValueCalculator.compute(BASELINE, LocalDate.of(2027, 5, 20), 80, new BigDecimal("90000"));
    assertThat(ev.pv()).isEqualByComparingTo("100000.00");
    assertThat(ev.spi()).isEqualByComparingTo("0.8000");
    assertThat(ev.cpi()).isEqualByComparingTo("0.8889");
    assertThat(ev.eac()).isEqualByComparingTo("112500.00");
    assertThat(ev.costVariancePercent()).isEqualByComparingTo("12.50");
    assertThat(ev.forecastEnd()).isEqualTo(LocalDate.of(2027, 5, 20));
    assertThat(ev.scheduleVarianceDays()).isEqualTo(40);
  }

  @Test
  void aFinishedProjectAfterTheEndIsForecastAtItsPlannedEnd() {
    // 100 % on 2027-05-20: EV = PV = 100,000.00 → SPI = 1.0000 → 100 days → the planned end; no floor at today
    EarnedValue ev = EarnedValueCalculator.compute(BASELINE, LocalDate.of(2027, 5, 20), 100, new BigDecimal("100000"));
    assertThat(ev.spi()).isEqualByComparingTo("1.0000");
    assertThat(ev.cpi()).isEqualByComparingTo("1.0000");
    assertThat(ev.forecastEnd()).isEqualTo(END);
    assertThat(ev.scheduleVarianceDays()).isZero();
    assertThat(ev.costVariancePercent()).isEqualByComparingTo("0");
  }

  @Test
  void aheadOfScheduleAndUnderBudget() {
    // day 50, 100 % done for 80,000: EV = 100,000.00, PV = 50,000.00 → SPI = 2.0000; CPI = 100,000 / 80,000 = 1.2500
    // EAC = 100,000 × 80,000 / 100,000 = 80,000.00 (−20.00 %); forecast = 100 / 2 = 50 days → 2027-01-01 + 49
    // = 2027-02-19; 49 − 99 = −50 days (early)
    EarnedValue ev = EarnedValueCalculator.compute(BASELINE, DAY_50, 100, new BigDecimal("80000"));
    assertThat(ev.spi()).isEqualByComparingTo("2.0000");
    assertThat(ev.cpi()).isEqualByComparingTo("1.2500");
    assertThat(ev.eac()).isEqualByComparingTo("80000.00");
    assertThat(ev.costVariancePercent()).isEqualByComparingTo("-20.00");
    assertThat(ev.forecastEnd()).isEqualTo(DAY_50);
    assertThat(ev.scheduleVarianceDays()).isEqualTo(-50);
  }

  @Test
  void aVeryLowSpiIsCappedAtTenTimesThePlannedDuration() {
    // day 50, 1 % done: EV = 1,000.00, PV = 50,000.00 → SPI = 0.0200 → 100 / 0.02 = 5,000 days, capped at
    // 10 × 100 = 1,000 days → 2027-01-01 + 999 days = 2029-09-26 (365 days to 2028-01-01, 366 more to
    // 2029-01-01 = 731, + 268 = Sep 26); 999 − 99 = 900 days late
    EarnedValue ev = EarnedValueCalculator.compute(BASELINE, DAY_50, 1, new BigDecimal("100"));
    assertThat(ev.spi()).isEqualByComparingTo("0.0200");
    assertThat(ev.forecastEnd()).isEqualTo(LocalDate.of(2029, 9, 26));
    assertThat(ev.scheduleVarianceDays()).isEqualTo(900);
  }

  @Test
  void aZeroBudgetYieldsNoRatiosToDivideBy() {
    // BAC = 0: PV = EV = 0 → SPI null; AC = 500 → CPI = 0 / 500 = 0.0000 → EAC = BAC = 0.00; cost variance 0
    EarnedValue ev = EarnedValueCalculator.compute(baseline("0", START, END), DAY_50, 50, new BigDecimal("500"));
    assertThat(ev.pv()).isEqualByComparingTo("0");
    assertThat(ev.ev()).isEqualByComparingTo("0");
    assertThat(ev.spi()).isNull();
    assertThat(ev.cpi()).isEqualByComparingTo("0");
    assertThat(ev.eac()).isEqualByComparingTo("0");
    assertThat(ev.costVariancePercent()).isEqualByComparingTo("0");
    assertThat(ev.forecastEnd()).isEqualTo(END);
  }

  @Test
  void aOneDayProjectAndABaselineWithoutDatesDoNotBreak() {
    // start = end: 1 day; on that day PV = BAC = 1,000.00, 50 % → SPI 0.5000 → 2 days → start + 1
    LocalDate day = LocalDate.of(2027, 3, 1);
    EarnedValue oneDay = EarnedValueCalculator.compute(baseline("1000", day, day), day, 50, new BigDecimal("500"));
    assertThat(oneDay.pv()).isEqualByComparingTo("1000.00");
    assertThat(oneDay.spi()).isEqualByComparingTo("0.5000");
    assertThat(oneDay.forecastEnd()).isEqualTo(day.plusDays(1));
    assertThat(oneDay.scheduleVarianceDays()).isEqualTo(1);

    EarnedValue undated = EarnedValueCalculator.compute(baseline(null, null, null), day, 10, null);
    assertThat(undated.bac()).isEqualByComparingTo("0");
    assertThat(undated.pv()).isEqualByComparingTo("0");
    assertThat(undated.spi()).isNull();
    assertThat(undated.cpi()).isNull();
    assertThat(undated.forecastEnd()).isNull();
    assertThat(undated.scheduleVarianceDays()).isZero();
  }
}
