package io.pmoflow.project;

import java.time.LocalDate;

/** While {@code from} ≤ day ≤ {@code to} (both inclusive), new tasks for {@code userId} go to {@code substitute}. */
public record Delegation(String userId, String substitute, LocalDate from, LocalDate to) {
}
