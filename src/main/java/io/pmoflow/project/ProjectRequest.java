package io.pmoflow.project;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What a requester asks for (the start form of {@code projectIntake}), already converted to types. */
public record ProjectRequest(
    String name,
    String description,
    String businessUnit,
    String sponsor,
    BigDecimal estimatedBudget,
    Integer strategicAlignment,
    Level complexity,
    Level riskLevel,
    boolean crossDepartmental,
    boolean regulatory,
    LocalDate requestedStart,
    LocalDate requestedEnd) {
}
