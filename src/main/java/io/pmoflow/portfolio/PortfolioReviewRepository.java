package io.pmoflow.portfolio;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of the portfolio reviews; reads the project store's tables for the snapshot and the candidates. */
@Repository
public class PortfolioReviewRepository {

  static final String ACTIVE_PHASES = "('INITIATION', 'PLANNING', 'EXECUTION', 'CLOSURE')";

  private final JdbcClient jdbc;

  public PortfolioReviewRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Map<String, Long> countBy(String column) {
    return jdbc.sql("select coalesce(" + column + ", 'NONE') k, count(*) n from pmo_project group by " + column)
        .query((rs, i) -> Map.entry(rs.getString("k"), rs.getLong("n"))).list().stream()
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
            java.util.TreeMap::new));
  }

  Map<String, Object> totals() {
    return jdbc.sql("select coalesce(sum(budget), 0) budget, coalesce(sum(actual_cost), 0) actual from pmo_project"
        + " where phase in " + ACTIVE_PHASES).query((rs, i) -> Map.<String, Object>of(
            "budget", rs.getBigDecimal("budget"), "actualCost", rs.getBigDecimal("actual"))).single();
  }

  List<ReviewCandidate> candidates() {
    return jdbc.sql("""
        select p.project_key, p.name, p.project_manager, p.sponsor, p.health, p.budget, p.actual_cost,
               p.strategic_alignment,
               (select count(*) from pmo_exception_report e
                 where e.project_key = p.project_key and e.status = 'SUBMITTED') open_exceptions
        from pmo_project p where p.phase in """ + ACTIVE_PHASES + " order by p.project_key")
        .query((rs, i) -> {
          BigDecimal budget = rs.getBigDecimal("budget");
          BigDecimal actual = rs.getBigDecimal("actual_cost");
          BigDecimal overrun = budget == null || budget.signum() == 0 ? null
              : actual.subtract(budget).multiply(BigDecimal.valueOf(100))
                  .divide(budget, 2, java.math.RoundingMode.HALF_UP);
          return new ReviewCandidate(rs.getString("project_key"), rs.getString("name"),
              rs.getString("project_manager"), rs.getString("sponsor"), rs.getString("health"),
              rs.getLong("open_exceptions") > 0, overrun, rs.getInt("strategic_alignment"));
        }).list();
  }

  long insertReview(String trigger, String actor, OffsetDateTime now, String snapshot) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
        insert into pmo_portfolio_review (trigger_kind, opened_by, opened_at, snapshot, status)
        values (:trigger, :actor, :now, :snapshot, 'OPEN')
        """).param("trigger", trigger).param("actor", actor).param("now", now).param("snapshot", snapshot)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  void insertItem(long reviewId, String projectKey, String reasons) {
    jdbc.sql("insert into pmo_review_item (review_id, project_key, reasons) values (:id, :key, :reasons)")
        .param("id", reviewId).param("key", projectKey).param("reasons", reasons).update();
  }

  void decideItem(long reviewId, String projectKey, String decision, String comment, String actor,
      OffsetDateTime now) {
    jdbc.sql("""
        update pmo_review_item set decision = :decision, comment = :comment, decided_by = :actor, decided_at = :now
        where review_id = :id and project_key = :key
        """).param("decision", decision).param("comment", comment).param("actor", actor).param("now", now)
        .param("id", reviewId).param("key", projectKey).update();
  }

  /** The review's decisions belong in each project's append-only history too. */
  void appendProjectHistory(String projectKey, String type, String decision, String comment, String actor,
      OffsetDateTime now) {
    jdbc.sql("""
        insert into pmo_project_history (project_key, entry_type, phase, actor, decision, comment, occurred_at)
        select project_key, :type, phase, :actor, :decision, :comment, :now
        from pmo_project where project_key = :key
        """).param("type", type).param("actor", actor).param("decision", decision).param("comment", comment).param("now", now)
        .param("key", projectKey).update();
  }

  void complete(long reviewId, OffsetDateTime now) {
    jdbc.sql("update pmo_portfolio_review set status = 'COMPLETED', completed_at = :now where id = :id")
        .param("now", now).param("id", reviewId).update();
  }

  Optional<PortfolioReview> review(long id) {
    List<PortfolioReview.Item> items = jdbc.sql("""
        select i.project_key, p.name, i.reasons, i.decision, i.comment, i.decided_by, i.decided_at
        from pmo_review_item i join pmo_project p on p.project_key = i.project_key
        where i.review_id = :id order by i.id
        """).param("id", id).query((rs, n) -> new PortfolioReview.Item(rs.getString("project_key"),
            rs.getString("name"), rs.getString("reasons"), rs.getString("decision"), rs.getString("comment"),
            rs.getString("decided_by"), rs.getObject("decided_at", OffsetDateTime.class))).list();
    return jdbc.sql("select * from pmo_portfolio_review where id = :id").param("id", id)
        .query((rs, n) -> new PortfolioReview(rs.getLong("id"), rs.getString("trigger_kind"),
            rs.getString("opened_by"), rs.getObject("opened_at", OffsetDateTime.class), rs.getString("status"),
            rs.getObject("completed_at", OffsetDateTime.class), rs.getString("snapshot"), items)).optional();
  }
}
