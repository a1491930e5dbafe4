package io.pmoflow.project;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL of monitoring and controlling: status reports with their earned value and health, the change log, the
 * risk register's assessment and response, exception reports, recovery plans and delegations. Like
 * {@link ProjectRepository} it joins the caller's transaction.
 */
@Repository
public class ControlRepository {

  static final String SUBMITTED = "SUBMITTED";
  static final String OPEN = "OPEN";

  private final JdbcClient jdbc;

  public ControlRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Runs an insert and returns the generated id (portable: H2 and PostgreSQL both answer the named column). */
  private long insert(JdbcClient.StatementSpec statement) {
    KeyHolder keys = new GeneratedKeyHolder();
    statement.update(keys, "id");
    return keys.getKeyAs(Number.class).longValue();
  }

  /** The row {@code id} of {@code table} if it belongs to the project. */
  private <T> Optional<T> byId(String table, String key, long id, RowMapper<T> row) {
    return jdbc.sql("select * from " + table + " where project_key = :key and id = :id")
        .param("key", key).param("id", id).query(row).optional();
  }

  /** Every row of {@code table} of the project, in {@code order}. */
  private <T> List<T> ofProject(String table, String key, String order, RowMapper<T> row) {
    return jdbc.sql("select * from " + table + " where project_key = :key order by " + order)
        .param("key", key).query(row).list();
  }

  /**
   * The next number of a per-project sequence (reports, changes). The project row is locked first, so two
   * transactions numbering for the same project take turns instead of colliding on the unique constraint.
   */
  private int nextNumber(String table, String column, String key) {
    jdbc.sql("select project_key from pmo_project where project_key = :key for update").param("key", key)
        .query(String.class).single();
    return jdbc.sql("select coalesce(max(" + column + "), 0) + 1 from " + table + " where project_key = :key")
        .param("key", key).query(Integer.class).single();
  }

  // --- status reports and health

  public long insertStatusReport(String key, StatusReportInput input, int baselineVersion, EarnedValue ev,
      String actor, OffsetDateTime now) {
    return insert(jdbc.sql("""
        insert into pmo_status_report (project_key, report_number, as_of, percent_complete, actual_cost, narrative,
          next_steps, baseline_version, bac, pv, ev, spi, cpi, eac, planned_end, forecast_end, cost_variance_percent,
          schedule_variance_days, reported_by, reported_at)
        values (:key, :number, :asOf, :percent, :ac, :narrative, :nextSteps, :baseline, :bac, :pv, :ev, :spi, :cpi,
          :eac, :plannedEnd, :forecastEnd, :cvp, :svd, :actor, :now)
        """)
        .param("key", key).param("number", nextNumber("pmo_status_report", "report_number", key))
        .param("asOf", ev.asOf()).param("percent", input.percentComplete()).param("ac", ev.ac())
        .param("narrative", input.narrative()).param("nextSteps", input.nextSteps())
        .param("baseline", baselineVersion).param("bac", ev.bac()).param("pv", ev.pv()).param("ev", ev.ev())
        .param("spi", ev.spi()).param("cpi", ev.cpi()).param("eac", ev.eac()).param("plannedEnd", ev.plannedEnd())
        .param("forecastEnd", ev.forecastEnd()).param("cvp", ev.costVariancePercent())
        .param("svd", ev.scheduleVarianceDays()).param("actor", actor).param("now", now));
  }

  /**
   * The report's figures become the project's: the report is the authoritative word on progress and cost. Its
   * estimate at completion is kept on the project too, so the portfolio's EAC is a sum over projects.
   */
  public void updateProgress(String key, int percentComplete, BigDecimal actualCost, BigDecimal eac,
      OffsetDateTime now) {
    jdbc.sql("""
        update pmo_project set percent_complete = :percent, actual_cost = :cost, eac = :eac, updated_at = :now
        where project_key = :key
        """)
        .param("percent", percentComplete).param("cost", actualCost).param("eac", eac).param("now", now)
        .param("key", key)
        .update();
  }

  public Optional<Long> lastStatusReportId(String key) {
    return jdbc.sql("""
        select id from pmo_status_report where project_key = :key
        and report_number = (select max(report_number) from pmo_status_report where project_key = :key)
        """)
        .param("key", key).query(Long.class).optional();
  }

  public List<StatusReportView> statusReports(String key) {
    return ofProject("pmo_status_report", key, "report_number", (rs, n) -> statusReport(rs));
  }

  public Optional<StatusReportView> statusReport(String key, long id) {
    return byId("pmo_status_report", key, id, (rs, n) -> statusReport(rs));
  }

  private static StatusReportView statusReport(ResultSet rs) throws SQLException {
    LocalDate asOf = rs.getObject("as_of", LocalDate.class);
    EarnedValue ev = new EarnedValue(asOf, rs.getBigDecimal("bac"), rs.getBigDecimal("pv"), rs.getBigDecimal("ev"),
        rs.getBigDecimal("actual_cost"), rs.getBigDecimal("spi"), rs.getBigDecimal("cpi"), rs.getBigDecimal("eac"),
        rs.getObject("planned_end", LocalDate.class), rs.getObject("forecast_end", LocalDate.class),
        rs.getBigDecimal("cost_variance_percent"), rs.getLong("schedule_variance_days"));
    return new StatusReportView(rs.getLong("id"), rs.getInt("report_number"), asOf, rs.getInt("percent_complete"),
        rs.getBigDecimal("actual_cost"), rs.getString("narrative"), rs.getString("next_steps"), ev,
        rs.getString("health"), rs.getString("health_explanation"), rs.getString("reported_by"),
        rs.getObject("reported_at", OffsetDateTime.class));
  }

  /** Health on the project, and on the status report it was assessed from unless {@code statusReportId} is null. */
  public void updateHealth(String key, Long statusReportId, Health health, String explanation, OffsetDateTime now) {
    if (statusReportId != null) {
      jdbc.sql("""
          update pmo_status_report set health = :health, health_explanation = :explanation
          where project_key = :key and id = :id
          """)
          .param("health", health.name()).param("explanation", explanation).param("key", key)
          .param("id", statusReportId)
          .update();
    }
    jdbc.sql("""
        update pmo_project set health = :health, health_explanation = :explanation, updated_at = :now
        where project_key = :key
        """)
        .param("health", health.name()).param("explanation", explanation).param("now", now).param("key", key)
        .update();
  }

  // --- changes

  public long insertChange(String key, ChangeInput c, String requester, OffsetDateTime now) {
    return insert(jdbc.sql("""
        insert into pmo_change (project_key, change_number, title, reason, cost_impact, schedule_impact_days,
          scope_impact, status, requested_by, requested_at)
        values (:key, :number, :title, :reason, :cost, :days, :scope, 'REQUESTED', :requester, :now)
        """)
        .param("key", key).param("number", nextNumber("pmo_change", "change_number", key))
        .param("title", c.title()).param("reason", c.reason()).param("cost", c.costImpact())
        .param("days", c.scheduleImpactDays()).param("scope", c.scopeImpact()).param("requester", requester)
        .param("now", now));
  }

  public void assessChange(String key, long id, BigDecimal costImpact, long scheduleImpactDays, String scopeImpact,
      String assessment) {
    jdbc.sql("""
        update pmo_change set cost_impact = :cost, schedule_impact_days = :days, scope_impact = :scope,
          assessment = :assessment, status = 'ASSESSED'
        where project_key = :key and id = :id
        """)
        .param("cost", costImpact).param("days", scheduleImpactDays).param("scope", scopeImpact)
        .param("assessment", assessment).param("key", key).param("id", id)
        .update();
  }

  public void decideChange(String key, long id, Decision decision, String approver, String actor, String comment,
      Integer baselineVersion, OffsetDateTime now) {
    jdbc.sql("""
        update pmo_change set status = :status, approver = :approver, decided_by = :actor,
          decision_comment = :comment, baseline_version = :baseline, decided_at = :now
        where project_key = :key and id = :id
        """)
        .param("status", decision.name()).param("approver", approver).param("actor", actor)
        .param("comment", comment).param("baseline", baselineVersion).param("now", now).param("key", key)
        .param("id", id)
        .update();
  }

  public Optional<ChangeView> change(String key, long id) {
    return byId("pmo_change", key, id, (rs, n) -> change(rs));
  }

  public List<ChangeView> changes(String key) {
    return ofProject("pmo_change", key, "change_number", (rs, n) -> change(rs));
  }

  private static ChangeView change(ResultSet rs) throws SQLException {
    return new ChangeView(rs.getLong("id"), rs.getInt("change_number"), rs.getString("title"),
        rs.getString("reason"), rs.getBigDecimal("cost_impact"), rs.getLong("schedule_impact_days"),
        rs.getString("scope_impact"), rs.getString("status"), rs.getString("assessment"),
        rs.getString("approver"), rs.getString("decided_by"), rs.getString("decision_comment"),
        rs.getObject("baseline_version", Integer.class), rs.getString("requested_by"),
        rs.getObject("requested_at", OffsetDateTime.class), rs.getObject("decided_at", OffsetDateTime.class));
  }

  /** A new baseline's budget and planned end become the project's. */
  public void updatePlannedFigures(String key, BigDecimal budget, LocalDate plannedEnd, OffsetDateTime now) {
    jdbc.sql("update pmo_project set budget = :budget, planned_end = :end, updated_at = :now where project_key = :key")
        .param("budget", budget).param("end", plannedEnd).param("now", now).param("key", key)
        .update();
  }

  // --- risk register

  public long insertEscalatedRisk(String key, String title, int probability, int impact, String mitigation,
      String source, OffsetDateTime now) {
    return insert(jdbc.sql("""
        insert into pmo_risk (project_key, title, probability, impact, score, response, status, source, created_at)
        values (:key, :title, :probability, :impact, :score, :response, :status, :source, :now)
        """)
        .param("key", key).param("title", title).param("probability", probability).param("impact", impact)
        .param("score", probability * impact).param("response", mitigation).param("status", OPEN)
        .param("source", source).param("now", now));
  }

  public Optional<ProjectDetails.RiskView> risk(String key, long id) {
    return byId("pmo_risk", key, id, (rs, n) -> ProjectRepository.risk(rs));
  }

  public void assessRisk(String key, long id, RiskSeverity severity, String owner) {
    jdbc.sql("update pmo_risk set severity = :severity, owner = :owner where project_key = :key and id = :id")
        .param("severity", severity.name()).param("owner", owner).param("key", key).param("id", id)
        .update();
  }

  public void recordRiskResponse(String key, long id, RiskResponseStrategy strategy, LocalDate due, String note) {
    jdbc.sql("""
        update pmo_risk set response_strategy = :strategy, response_due = :due, response_note = :note
        where project_key = :key and id = :id
        """)
        .param("strategy", strategy.name()).param("due", due).param("note", note).param("key", key)
        .param("id", id)
        .update();
  }

  public int openRisks(String key, RiskSeverity severity) {
    return jdbc.sql("""
        select count(*) from pmo_risk where project_key = :key and severity = :severity and status = :open
        """)
        .param("key", key).param("severity", severity.name()).param("open", OPEN).query(Integer.class).single();
  }

  public List<Long> unassessedRisks(String key) {
    return jdbc.sql("select id from pmo_risk where project_key = :key and severity is null order by id")
        .param("key", key).query(Long.class).list();
  }

  // --- exception reports

  public long insertExceptionReport(String key, String cause, String options, ExceptionRecommendation recommendation,
      BigDecimal proposedBudget, LocalDate proposedEnd, String actor, OffsetDateTime now) {
    return insert(jdbc.sql("""
        insert into pmo_exception_report (project_key, cause, options_text, recommendation, proposed_budget,
          proposed_end, status, reported_by, created_at)
        values (:key, :cause, :options, :recommendation, :budget, :end, :status, :actor, :now)
        """)
        .param("key", key).param("cause", cause).param("options", options)
        .param("recommendation", recommendation.name()).param("budget", proposedBudget).param("end", proposedEnd)
        .param("status", SUBMITTED).param("actor", actor).param("now", now));
  }

  public void decideExceptionReport(String key, long id, Decision decision, String actor, String comment,
      Integer baselineVersion, OffsetDateTime now) {
    jdbc.sql("""
        update pmo_exception_report set status = :status, decided_by = :actor, decision_comment = :comment,
          baseline_version = :baseline, decided_at = :now
        where project_key = :key and id = :id
        """)
        .param("status", decision.name()).param("actor", actor).param("comment", comment)
        .param("baseline", baselineVersion).param("now", now).param("key", key).param("id", id)
        .update();
  }

  public Optional<ExceptionReportView> exceptionReport(String key, long id) {
    return byId("pmo_exception_report", key, id, (rs, n) -> exceptionReport(rs));
  }

  public List<ExceptionReportView> exceptionReports(String key) {
    return ofProject("pmo_exception_report", key, "id", (rs, n) -> exceptionReport(rs));
  }

  private static ExceptionReportView exceptionReport(ResultSet rs) throws SQLException {
    return new ExceptionReportView(rs.getLong("id"), rs.getString("cause"), rs.getString("options_text"),
        rs.getString("recommendation"), rs.getBigDecimal("proposed_budget"),
        rs.getObject("proposed_end", LocalDate.class), rs.getString("status"), rs.getString("decided_by"),
        rs.getString("decision_comment"), rs.getObject("baseline_version", Integer.class),
        rs.getObject("created_at", OffsetDateTime.class));
  }

  // --- recovery plans

  public void insertRecoveryPlan(String key, String actions, LocalDate targetDate, String actor,
      OffsetDateTime now) {
    jdbc.sql("""
        insert into pmo_recovery_plan (project_key, actions, target_date, status, planned_by, planned_at)
        values (:key, :actions, :target, :status, :actor, :now)
        """)
        .param("key", key).param("actions", actions).param("target", targetDate).param("status", SUBMITTED)
        .param("actor", actor).param("now", now)
        .update();
  }

  /** The recovery plan waiting for its review, if any: the latest submitted one. */
  public Optional<RecoveryPlanView> pendingRecoveryPlan(String key) {
    return jdbc.sql("""
        select * from pmo_recovery_plan where project_key = :key and status = :status order by id desc limit 1
        """)
        .param("key", key).param("status", SUBMITTED).query((rs, n) -> recoveryPlan(rs)).optional();
  }

  public void reviewRecoveryPlan(String key, long id, Decision decision, String actor, String comment,
      OffsetDateTime now) {
    jdbc.sql("""
        update pmo_recovery_plan set status = :status, reviewed_by = :actor, review_comment = :comment,
          reviewed_at = :now
        where project_key = :key and id = :id
        """)
        .param("status", decision.name()).param("actor", actor).param("comment", comment).param("now", now)
        .param("key", key).param("id", id)
        .update();
  }

  public List<RecoveryPlanView> recoveryPlans(String key) {
    return ofProject("pmo_recovery_plan", key, "id", (rs, n) -> recoveryPlan(rs));
  }

  private static RecoveryPlanView recoveryPlan(ResultSet rs) throws SQLException {
    return new RecoveryPlanView(rs.getLong("id"), rs.getString("actions"),
        rs.getObject("target_date", LocalDate.class), rs.getString("status"), rs.getString("planned_by"),
        rs.getObject("planned_at", OffsetDateTime.class), rs.getString("reviewed_by"),
        rs.getString("review_comment"), rs.getObject("reviewed_at", OffsetDateTime.class));
  }

  // --- delegations

  public void saveDelegation(Delegation d, OffsetDateTime now) {
    int updated = jdbc.sql("""
        update pmo_delegation set substitute = :substitute, valid_from = :from, valid_to = :to, updated_at = :now
        where user_id = :user
        """)
        .param("substitute", d.substitute()).param("from", d.from()).param("to", d.to()).param("now", now)
        .param("user", d.userId())
        .update();
    if (updated == 0) {
      jdbc.sql("""
          insert into pmo_delegation (user_id, substitute, valid_from, valid_to, updated_at)
          values (:user, :substitute, :from, :to, :now)
          """)
          .param("user", d.userId()).param("substitute", d.substitute()).param("from", d.from())
          .param("to", d.to()).param("now", now)
          .update();
    }
  }

  public Optional<Delegation> delegation(String userId) {
    return jdbc.sql("select * from pmo_delegation where user_id = :user").param("user", userId)
        .query((rs, n) -> new Delegation(rs.getString("user_id"), rs.getString("substitute"),
            rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class)))
        .optional();
  }

  public void deleteDelegation(String userId) {
    jdbc.sql("delete from pmo_delegation where user_id = :user").param("user", userId).update();
  }
}
