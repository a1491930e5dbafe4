package io.pmoflow.portfolio;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Over-allocation a new plan would cause: for every person in the project's resource plan, the allocations of
 * the same person in other active projects whose planned period overlaps this one, when together they exceed
 * 100 %. Overlap anywhere in the period counts (the weekly view is {@code GET /api/resources/capacity}).
 */
@Service
public class ResourceConflicts {

  private final JdbcClient jdbc;

  public ResourceConflicts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One over-allocated person: this project's share, the total, and the other projects involved. */
  public record Conflict(String userId, int allocationHere, int totalAllocation, List<String> otherProjects) {
  }

  @Transactional(readOnly = true)
  public List<Conflict> of(String projectKey) {
    record Row(String userId, int here, String other, int otherAllocation) {
    }
    List<Row> rows = jdbc.sql("""
        select r.user_id, r.allocation_percent here, o.project_key other, o.allocation_percent other_allocation
        from pmo_resource_assignment r
        join pmo_project p on p.project_key = r.project_key
        join pmo_resource_assignment o on o.user_id = r.user_id and o.project_key <> r.project_key
             and o.released_at is null
        join pmo_project q on q.project_key = o.project_key
        where r.project_key = :key and r.released_at is null
          and q.phase in ('INITIATION', 'PLANNING', 'EXECUTION', 'CLOSURE')
          and q.planned_start <= p.planned_end and q.planned_end >= p.planned_start
        order by r.user_id, o.project_key
        """).param("key", projectKey)
        .query((rs, i) -> new Row(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getInt(4))).list();
    return rows.stream().collect(java.util.stream.Collectors.groupingBy(Row::userId, java.util.TreeMap::new,
            java.util.stream.Collectors.toList())).entrySet().stream()
        .map(e -> new Conflict(e.getKey(), e.getValue().get(0).here(),
            e.getValue().get(0).here() + e.getValue().stream().mapToInt(Row::otherAllocation).sum(),
            e.getValue().stream().map(Row::other).distinct().toList()))
        .filter(c -> c.totalAllocation() > 100).toList();
  }

  /** The PMO's resolution is recorded in the history of the project and of every project it conflicts with. */
  @Transactional
  public void recordResolution(String projectKey, List<String> otherProjects, String resolution, String note,
      String actor, OffsetDateTime now) {
    for (String key : java.util.stream.Stream.concat(java.util.stream.Stream.of(projectKey), otherProjects.stream())
        .distinct().toList()) {
      jdbc.sql("""
          insert into pmo_project_history (project_key, entry_type, phase, actor, decision, comment, occurred_at)
          select project_key, 'RESOURCE_CONFLICT', phase, :actor, :decision, :comment, :now
          from pmo_project where project_key = :key
          """).param("actor", actor).param("decision", resolution)
          .param("comment", (key.equals(projectKey) ? "" : "With " + projectKey + ": ") + note)
          .param("now", now).param("key", key).update();
    }
  }
}
