package io.pmoflow.portfolio;

import java.math.BigDecimal;

/** What the reviewAgenda decision is asked about one active project. */
public record ReviewCandidate(String projectKey, String name, String projectManager, String sponsor, String health,
    boolean exceptionOpen, BigDecimal budgetOverrunPercent, int strategicAlignment) {
}
