package io.pmoflow.project;

import java.util.stream.Stream;

/**
 * Filters of the project list; null means "any". {@code health} is GREEN, AMBER, RED or NONE (not assessed yet),
 * anything else is refused here; {@code q} matches key or name, any case, literally.
 */
public record ProjectFilter(Phase phase, String health, PmoType pmoType, String businessUnit, ProjectStatus status,
    String q) {

  /** The health filter's value for projects not assessed yet. */
  public static final String NO_HEALTH = "NONE";

  public ProjectFilter {
    String value = health;
    if (value != null && !NO_HEALTH.equals(value)
        && Stream.of(Health.values()).noneMatch(h -> h.name().equals(value))) {
      throw new InvalidInputException("health", "must be one of "
          + Stream.concat(Stream.of(Health.values()).map(Enum::name), Stream.of(NO_HEALTH)).toList());
    }
  }

  public ProjectFilter(Phase phase, String health, PmoType pmoType, String businessUnit) {
    this(phase, health, pmoType, businessUnit, null, null);
  }
}
