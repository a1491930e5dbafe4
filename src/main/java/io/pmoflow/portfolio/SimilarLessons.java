package io.pmoflow.portfolio;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lessons learned reused: for a project being initiated, the most recent lessons of ended projects in the same
 * business unit or under the same PMO type — same business unit first.
 */
@Service
public class SimilarLessons {

  static final int LIMIT = 5;

  private final JdbcClient jdbc;

  public SimilarLessons(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public record Lesson(String projectKey, String projectName, String category, String recommendation,
      String toImprove) {
  }

  @Transactional(readOnly = true)
  public List<Lesson> forProject(String projectKey) {
    return jdbc.sql("""
        select l.project_key, o.name, l.category, l.recommendation, l.to_improve
        from pmo_lesson l
        join pmo_project o on o.project_key = l.project_key
        join pmo_project p on p.project_key = :key
        where o.project_key <> p.project_key
          and o.phase in ('CLOSED', 'CANCELLED')
          and (o.business_unit = p.business_unit or o.pmo_type = p.pmo_type)
        order by case when o.business_unit = p.business_unit then 0 else 1 end, l.recorded_at desc, l.id desc
        """).param("key", projectKey)
        .query((rs, i) -> new Lesson(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5)))
        .list().stream().limit(LIMIT).toList();
  }
}
