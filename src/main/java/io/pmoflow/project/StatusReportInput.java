package io.pmoflow.project;

import java.math.BigDecimal;

/** What the project manager reports: progress and cost to date, in words what happened and what comes next. */
public record StatusReportInput(Integer percentComplete, BigDecimal actualCostToDate, String narrative,
    String nextSteps) {
}
