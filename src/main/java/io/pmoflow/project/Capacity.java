package io.pmoflow.project;

import java.time.LocalDate;
import java.util.List;

/**
 * Resource capacity by ISO week: what every project not ENDED plans for each person and role (its resource plan's
 * assignments not released, over the project's planned start to end). A project counts in every week its planned
 * dates touch, with the full allocation. {@code weeks} are the Mondays from the week of {@code from} to the week
 * of {@code to}; every person's and role's {@code weeks} list is aligned with it, zeros included. People come a
 * page at a time in user id order ({@code totalPeople} in all); roles all at once.
 */
public record Capacity(LocalDate from, LocalDate to, List<LocalDate> weeks, int page, int size, long totalPeople,
    List<Person> people, List<Role> roles) {

  /** More than this in a week is an over-allocation. */
  public static final int FULL_TIME_PERCENT = 100;

  public record Person(String userId, int peakAllocationPercent, boolean overAllocated, List<PersonWeek> weeks) {
  }

  /** A person's week: allocation summed over projects, and the projects that contribute to it. */
  public record PersonWeek(LocalDate week, int allocationPercent, boolean overAllocated,
      List<Contribution> projects) {
  }

  public record Contribution(String projectKey, String projectName, String role, int allocationPercent) {
  }

  public record Role(String role, List<RoleWeek> weeks) {
  }

  /** A role's week: allocation summed over people and projects (200 = two full-time people), and how many people. */
  public record RoleWeek(LocalDate week, int allocationPercent, int people) {
  }
}
