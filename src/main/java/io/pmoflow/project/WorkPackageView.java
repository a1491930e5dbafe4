package io.pmoflow.project;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A work package of the plan as it stands: PLANNED until its owner reports it DONE. */
public record WorkPackageView(long id, int position, String name, String owner, BigDecimal estimateDays,
    LocalDate plannedStart, LocalDate plannedEnd, String status, LocalDate completedOn, BigDecimal actualCost,
    String note) {
}
