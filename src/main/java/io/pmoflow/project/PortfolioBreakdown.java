package io.pmoflow.project;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * The portfolio by business unit and along the lifecycle: health per unit, the phase funnel from INTAKE to
 * CLOSED, and budget against actual cost per unit. Units are in alphabetical order.
 */
public record PortfolioBreakdown(List<HealthByUnit> healthByBusinessUnit, List<FunnelStep> phaseFunnel,
    List<BudgetByUnit> budgetByBusinessUnit) {

  /** Projects of a unit by health; NONE: not assessed yet. */
  public record HealthByUnit(String businessUnit, @JsonProperty("GREEN") long green,
      @JsonProperty("AMBER") long amber, @JsonProperty("RED") long red, @JsonProperty("NONE") long none) {
  }

  /**
   * One stage of the funnel. {@code count}: projects in the phase now; {@code reachedCount}: projects that ever
   * entered it (every project entered INTAKE); {@code conversion}: reachedCount over the previous stage's, null
   * for INTAKE or when no project reached the previous stage.
   */
  public record FunnelStep(Phase phase, long count, long reachedCount, BigDecimal conversion) {
  }

  public record BudgetByUnit(String businessUnit, long projects, BigDecimal budget, BigDecimal actualCost) {
  }
}
