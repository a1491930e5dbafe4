package io.pmoflow.project;

/** Narrows portfolio figures to one business unit and/or one PMO type; null means "any". */
public record PortfolioFilter(String businessUnit, PmoType pmoType) {

  public static final PortfolioFilter ALL = new PortfolioFilter(null, null);
}
