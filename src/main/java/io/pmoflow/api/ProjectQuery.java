package io.pmoflow.api;

import io.pmoflow.project.Phase;
import io.pmoflow.project.PmoType;
import io.pmoflow.project.ProjectFilter;
import io.pmoflow.project.ProjectSort;
import io.pmoflow.project.ProjectStatus;
import io.swagger.v3.oas.annotations.Parameter;

/** The project list's filters, search and order as query parameters, shared by the list and its CSV export. */
public record ProjectQuery(
    @Parameter(description = "only projects in this phase") Phase phase,
    @Parameter(description = "GREEN, AMBER, RED, or NONE for projects not assessed yet") String health,
    @Parameter(description = "only projects of this PMO type") PmoType pmoType,
    @Parameter(description = "only projects of this business unit (exact name)") String businessUnit,
    @Parameter(description = "only projects with this status") ProjectStatus status,
    @Parameter(description = "key or name contains this text, any case") String q,
    @Parameter(description = "key, name, updatedAt, budget, health or phase; a leading - for descending; "
        + "default -key (newest first)") String sort) {

  /** Refuses a health value it does not know with a 400 naming {@code health}. */
  ProjectFilter filter() {
    return new ProjectFilter(phase, health, pmoType, businessUnit, status, q);
  }

  /** Refuses an unknown field with a 400 naming {@code sort}. */
  ProjectSort order() {
    return ProjectSort.parse(sort);
  }
}
