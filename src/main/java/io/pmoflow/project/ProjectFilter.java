package io.pmoflow.project;

/** Filters of the project list; null means "any". */
public record ProjectFilter(Phase phase, String health, PmoType pmoType, String businessUnit) {
}
