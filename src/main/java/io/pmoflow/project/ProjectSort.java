package io.pmoflow.project;

import java.util.Map;

/**
 * The order of the project list: a field, ascending or (with a leading {@code -}) descending; ties by key in the
 * same direction. Health sorts by severity (none, GREEN, AMBER, RED), phase along the lifecycle; empty values
 * come last either way.
 */
public record ProjectSort(String field, boolean descending) {

  /** Newest request first: the list's order before sorting was offered. */
  public static final ProjectSort DEFAULT = new ProjectSort("key", true);

  private static final Map<String, String> EXPRESSIONS = Map.of(
      "key", "project_key",
      "name", "lower(name)",
      "updatedAt", "updated_at",
      "budget", "budget",
      "health", "case health when 'GREEN' then 1 when 'AMBER' then 2 when 'RED' then 3 end",
      "phase", "case phase when 'INTAKE' then 1 when 'INITIATION' then 2 when 'PLANNING' then 3"
          + " when 'EXECUTION' then 4 when 'CLOSURE' then 5 when 'CLOSED' then 6 when 'REJECTED' then 7 else 8 end");

  /** Reads {@code sort} as the API takes it, e.g. {@code -budget}; null or blank is the default order. */
  public static ProjectSort parse(String sort) {
    if (sort == null || sort.isBlank()) {
      return DEFAULT;
    }
    String s = sort.strip();
    boolean descending = s.startsWith("-");
    String field = descending ? s.substring(1) : s;
    if (!EXPRESSIONS.containsKey(field)) {
      throw new InvalidInputException("sort", "'" + sort + "' is not a field to sort by; use one of "
          + EXPRESSIONS.keySet().stream().sorted().toList() + ", with a leading - for descending");
    }
    return new ProjectSort(field, descending);
  }

  /** The SQL order by clause (without the keywords) on pmo_project. */
  String orderBy() {
    String direction = descending ? " desc" : " asc";
    String expression = EXPRESSIONS.get(field);
    return field.equals("key") ? expression + direction
        : expression + direction + " nulls last, project_key" + direction;
  }
}
