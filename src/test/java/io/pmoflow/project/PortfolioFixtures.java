package io.pmoflow.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Store rows written straight into the tables, for aggregate tests that need exact figures (a health, a pmo type,
 * a status report's EAC) without walking each project through the lifecycle. Each fixture works in a business
 * unit of its own, so tests sharing a database see only their projects through a unit filter.
 */
public final class PortfolioFixtures {

  public static final OffsetDateTime T0 = OffsetDateTime.of(2026, 3, 2, 8, 0, 0, 0, ZoneOffset.UTC);

  private final JdbcClient jdbc;
  private final ProjectRepository repository;
  public final String unit;
  private final String prefix;
  private int next;

  public PortfolioFixtures(JdbcClient jdbc, ProjectRepository repository) {
    this.jdbc = jdbc;
    this.repository = repository;
    String id = UUID.randomUUID().toString().substring(0, 8);
    this.unit = "Unit " + id;
    this.prefix = "T" + id + "-";
  }

  /** A project of this fixture's unit; returns its key. Null health or type: not assessed or routed yet. */
  public String project(String name, Phase phase, ProjectStatus status, PmoType type, Health health,
      String budget, String actualCost) {
    return project(unit, name, phase, status, type, health, budget, actualCost);
  }

  public String project(String businessUnit, String name, Phase phase, ProjectStatus status, PmoType type,
      Health health, String budget, String actualCost) {
    String key = prefix + (++next);
    jdbc.sql("""
        insert into pmo_project (project_key, name, description, business_unit, sponsor, requester, estimated_budget,
          strategic_alignment, complexity, risk_level, cross_departmental, regulatory, phase, status, pmo_type,
          health, budget, actual_cost, created_at, updated_at)
        values (:key, :name, 'fixture', :unit, 'sam.sponsor', 'rae.requester', 0, 3, 'LOW', 'LOW', false, false,
          :phase, :status, :type, :health, :budget, :actual, :now, :now)
        """)
        .param("key", key).param("name", name).param("unit", businessUnit).param("phase", phase.name())
        .param("status", status.name()).param("type", type == null ? null : type.name())
        .param("health", health == null ? null : health.name())
        .param("budget", budget == null ? null : new BigDecimal(budget)).param("actual", new BigDecimal(actualCost))
        .param("now", T0)
        .update();
    return key;
  }

  /** A status report; call them in report number order, the last one's EAC becomes the project's. */
  public void statusReport(String key, int number, String eac) {
    jdbc.sql("""
        insert into pmo_status_report (project_key, report_number, as_of, percent_complete, actual_cost, narrative,
          baseline_version, bac, pv, ev, eac, cost_variance_percent, schedule_variance_days, reported_by, reported_at)
        values (:key, :number, :asOf, 10, 0, 'fixture', 1, 0, 0, 0, :eac, 0, 0, 'mia.manager', :now)
        """)
        .param("key", key).param("number", number).param("asOf", T0.toLocalDate()).param("eac", new BigDecimal(eac))
        .param("now", T0)
        .update();
    // as ControlRepository.updateProgress does for the latest report
    jdbc.sql("update pmo_project set eac = :eac where project_key = :key")
        .param("eac", new BigDecimal(eac)).param("key", key)
        .update();
  }

  public void risk(String key, String severity, String status) {
    jdbc.sql("""
        insert into pmo_risk (project_key, title, probability, impact, score, status, source, created_at, severity)
        values (:key, 'fixture risk', 5, 5, 25, :status, 'ESCALATION', :now, :severity)
        """)
        .param("key", key).param("status", status).param("now", T0).param("severity", severity)
        .update();
  }

  public void milestone(String key, String status, LocalDate due, LocalDate actual) {
    jdbc.sql("""
        insert into pmo_milestone (project_key, position, name, due_date, actual_date, status)
        values (:key, 0, 'fixture milestone', :due, :actual, :status)
        """)
        .param("key", key).param("due", due).param("actual", actual).param("status", status)
        .update();
  }

  /**
   * The project's way through the phases, as the store records it (history entry and phase stay): the request at
   * {@link #T0} in INTAKE, then a phase change per pair of (hours after T0, phase), in the order given.
   */
  public void phases(String key, Object... hoursAndPhases) {
    enter(key, ProjectService.REQUESTED, Phase.INTAKE, T0);
    for (int i = 0; i < hoursAndPhases.length; i += 2) {
      enter(key, ProjectService.PHASE_CHANGED, (Phase) hoursAndPhases[i + 1],
          T0.plusMinutes(Math.round(((Number) hoursAndPhases[i]).doubleValue() * 60)));
    }
  }

  private void enter(String key, String type, Phase phase, OffsetDateTime at) {
    repository.appendHistory(key, type, phase, "fixture", null, null, at);
    repository.enterPhase(key, phase, at);
  }

  public void plannedDates(String key, LocalDate start, LocalDate end) {
    jdbc.sql("update pmo_project set planned_start = :start, planned_end = :end where project_key = :key")
        .param("start", start).param("end", end).param("key", key)
        .update();
  }

  public void resource(String key, String userId, String role, int percent, boolean released) {
    jdbc.sql("""
        insert into pmo_resource_assignment (project_key, position, role, user_id, allocation_percent, released_at)
        values (:key, 0, :role, :user, :percent, :released)
        """)
        .param("key", key).param("role", role).param("user", userId).param("percent", percent)
        .param("released", released ? T0 : null)
        .update();
  }
}
