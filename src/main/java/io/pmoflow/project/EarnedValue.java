package io.pmoflow.project;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Earned value figures at {@code asOf} against one baseline, as {@link EarnedValueCalculator} computes them.
 * Money with 2 decimals, ratios with 4; {@code spi} is null when nothing was planned yet (PV = 0), {@code cpi}
 * when nothing was spent yet (AC = 0).
 */
public record EarnedValue(LocalDate asOf, BigDecimal bac, BigDecimal pv, BigDecimal ev, BigDecimal ac,
    BigDecimal spi, BigDecimal cpi, BigDecimal eac, LocalDate plannedEnd, LocalDate forecastEnd,
    BigDecimal costVariancePercent, long scheduleVarianceDays) {
}
