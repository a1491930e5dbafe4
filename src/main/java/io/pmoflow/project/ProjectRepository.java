package io.pmoflow.project;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

/** SQL of the project store. Runs inside whatever transaction the caller (usually an engine command) has open. */
@Repository
public class ProjectRepository {

  private static final String SUMMARY_COLUMNS = "project_key, name, phase, status, pmo_type, health, sponsor, "
      + "project_manager, business_unit, budget, actual_cost, percent_complete, planned_start, planned_end, updated_at";

  /** Rows fetched per round trip when the whole list is exported. */
  private static final int EXPORT_FETCH_SIZE = 500;

  private final JdbcClient jdbc;
  private final JdbcClient streaming;
  private final DeliveryRepository delivery;
  private final ControlRepository control;
  private final String nextKeySql;

  public ProjectRepository(JdbcClient jdbc, DataSource dataSource, DeliveryRepository delivery,
      ControlRepository control) {
    this.jdbc = jdbc;
    JdbcTemplate fetching = new JdbcTemplate(dataSource);
    fetching.setFetchSize(EXPORT_FETCH_SIZE);
    this.streaming = JdbcClient.create(fetching);
    this.delivery = delivery;
    this.control = control;
    this.nextKeySql = isPostgres(dataSource)
        ? "select nextval('pmo_project_seq')"
        : "select next value for pmo_project_seq";
  }

  private static boolean isPostgres(DataSource dataSource) {
    try {
      String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
      return product.toLowerCase().contains("postgres");
    } catch (MetaDataAccessException e) {
      throw new IllegalStateException("Cannot tell the database product of the project store", e);
    }
  }

  /** The next number from the database sequence: unique across transactions and nodes. */
  public long nextProjectNumber() {
    return jdbc.sql(nextKeySql).query(Long.class).single();
  }

  public void insert(String key, ProjectRequest r, String requester, Phase phase, OffsetDateTime now) {
    jdbc.sql("""
        insert into pmo_project (project_key, name, description, business_unit, sponsor, requester, estimated_budget,
          strategic_alignment, complexity, risk_level, cross_departmental, regulatory, requested_start, requested_end,
          phase, status, budget, planned_start, planned_end, created_at, updated_at)
        values (:key, :name, :description, :businessUnit, :sponsor, :requester, :budget, :alignment, :complexity,
          :riskLevel, :cross, :regulatory, :start, :end, :phase, :status, :budget, :start, :end, :now, :now)
        """)
        .param("key", key).param("requester", requester).param("phase", phase.name())
        .param("status", phase.status().name()).param("now", now)
        .params(requestParams(r))
        .update();
  }

  public void updateRequest(String key, ProjectRequest r, OffsetDateTime now) {
    jdbc.sql("""
        update pmo_project set name = :name, description = :description, business_unit = :businessUnit,
          sponsor = :sponsor, estimated_budget = :budget, strategic_alignment = :alignment, complexity = :complexity,
          risk_level = :riskLevel, cross_departmental = :cross, regulatory = :regulatory, requested_start = :start,
          requested_end = :end, budget = :budget, planned_start = :start, planned_end = :end, updated_at = :now
        where project_key = :key
        """)
        .param("key", key).param("now", now).params(requestParams(r))
        .update();
  }

  private static Map<String, Object> requestParams(ProjectRequest r) {
    Map<String, Object> p = new HashMap<>();
    p.put("name", r.name());
    p.put("description", r.description());
    p.put("businessUnit", r.businessUnit());
    p.put("sponsor", r.sponsor());
    p.put("budget", r.estimatedBudget());
    p.put("alignment", r.strategicAlignment());
    p.put("complexity", r.complexity().name());
    p.put("riskLevel", r.riskLevel().name());
    p.put("cross", r.crossDepartmental());
    p.put("regulatory", r.regulatory());
    p.put("start", r.requestedStart());
    p.put("end", r.requestedEnd());
    return p;
  }

  public void updateGovernance(String key, Governance g, OffsetDateTime now) {
    jdbc.sql("""
        update pmo_project set pmo_type = :type, intake_approver_group = :group, status_report_cadence = :cadence,
          updated_at = :now where project_key = :key
        """)
        .param("type", g.pmoType().name()).param("group", g.intakeApproverGroup())
        .param("cadence", g.statusReportCadence()).param("now", now).param("key", key)
        .update();
  }

  public void updatePhase(String key, Phase phase, ProjectStatus status, OffsetDateTime now) {
    jdbc.sql("update pmo_project set phase = :phase, status = :status, updated_at = :now where project_key = :key")
        .param("phase", phase.name()).param("status", status.name()).param("now", now).param("key", key)
        .update();
  }

  /**
   * Records that the project entered {@code phase} at {@code now}: the stay in its previous phase, if any, ends
   * then (with its length in hours), and a stay in the new one begins, marked if it is the project's first there.
   */
  public void enterPhase(String key, Phase phase, OffsetDateTime now) {
    jdbc.sql("""
        update pmo_phase_stay set left_at = :now,
          hours = cast((extract(epoch from cast(:now as timestamp with time zone)) - extract(epoch from entered_at))
            / 3600.0 as numeric(19, 4))
        where project_key = :key and left_at is null
        """)
        .param("now", now).param("key", key)
        .update();
    jdbc.sql("""
        insert into pmo_phase_stay (project_key, phase, entered_at, first_entry)
        select :key, :phase, :now, case when exists
          (select 1 from pmo_phase_stay e where e.project_key = :key and e.phase = :phase) then false else true end
        """)
        .param("key", key).param("phase", phase.name()).param("now", now)
        .update();
  }

  public void updateStatus(String key, ProjectStatus status, OffsetDateTime now) {
    jdbc.sql("update pmo_project set status = :status, updated_at = :now where project_key = :key")
        .param("status", status.name()).param("now", now).param("key", key)
        .update();
  }

  public void updateProjectManager(String key, String projectManager, OffsetDateTime now) {
    jdbc.sql("update pmo_project set project_manager = :pm, updated_at = :now where project_key = :key")
        .param("pm", projectManager).param("now", now).param("key", key)
        .update();
  }

  public void replaceCharter(String key, Charter c, String actor, OffsetDateTime now) {
    replaceMilestones(key, c.milestones());
    jdbc.sql("delete from pmo_stakeholder where project_key = :key").param("key", key).update();
    jdbc.sql("delete from pmo_charter where project_key = :key").param("key", key).update();
    jdbc.sql("""
        insert into pmo_charter (project_key, objectives, scope_in, scope_out, deliverables, acceptance_criteria,
          budget_estimate, assumptions, constraints_text, recorded_by, recorded_at)
        values (:key, :objectives, :scopeIn, :scopeOut, :deliverables, :criteria, :budget, :assumptions,
          :constraints, :actor, :now)
        """)
        .param("key", key).param("objectives", c.objectives()).param("scopeIn", c.scopeIn())
        .param("scopeOut", c.scopeOut()).param("deliverables", c.deliverables())
        .param("criteria", c.acceptanceCriteria()).param("budget", c.budgetEstimate())
        .param("assumptions", c.assumptions()).param("constraints", c.constraints())
        .param("actor", actor).param("now", now)
        .update();
    int position = 0;
    for (Charter.Stakeholder s : c.stakeholders()) {
      jdbc.sql("insert into pmo_stakeholder (project_key, position, name, role) values (:key, :position, :name, :role)")
          .param("key", key).param("position", position++).param("name", s.name()).param("role", s.role())
          .update();
    }
    jdbc.sql("update pmo_project set budget = :budget, updated_at = :now where project_key = :key")
        .param("budget", c.budgetEstimate()).param("now", now).param("key", key)
        .update();
  }

  /** Replaces the milestones with new ones, all PLANNED: the charter's first, later the plan's. */
  public void replaceMilestones(String key, List<Charter.Milestone> milestones) {
    jdbc.sql("delete from pmo_milestone where project_key = :key").param("key", key).update();
    int position = 0;
    for (Charter.Milestone m : milestones) {
      jdbc.sql("""
          insert into pmo_milestone (project_key, position, name, due_date, status)
          values (:key, :position, :name, :due, 'PLANNED')
          """)
          .param("key", key).param("position", position++).param("name", m.name()).param("due", m.dueDate())
          .update();
    }
  }

  public void updateMilestone(String key, long id, String status, LocalDate actualDate, String waiverReason) {
    jdbc.sql("""
        update pmo_milestone set status = :status, actual_date = :actual, waiver_reason = :reason
        where project_key = :key and id = :id
        """)
        .param("status", status).param("actual", actualDate).param("reason", waiverReason).param("key", key)
        .param("id", id)
        .update();
  }

  public void replaceTeam(String key, List<TeamMember> team, OffsetDateTime now) {
    jdbc.sql("delete from pmo_team_member where project_key = :key").param("key", key).update();
    for (TeamMember m : team) {
      jdbc.sql("""
          insert into pmo_team_member (project_key, user_id, role, allocation_percent)
          values (:key, :user, :role, :allocation)
          """)
          .param("key", key).param("user", m.userId()).param("role", m.role())
          .param("allocation", m.allocationPercent())
          .update();
    }
    touch(key, now);
  }

  public void insertRisk(String key, RiskInput r, String source, OffsetDateTime now) {
    jdbc.sql("""
        insert into pmo_risk (project_key, title, probability, impact, score, response, status, source, created_at)
        values (:key, :title, :probability, :impact, :score, :response, 'OPEN', :source, :now)
        """)
        .param("key", key).param("title", r.title()).param("probability", r.probability())
        .param("impact", r.impact()).param("score", r.probability() * r.impact()).param("response", r.response())
        .param("source", source).param("now", now)
        .update();
  }

  /** Replaces the risks of one source (e.g. the plan's when a recycled plan is submitted again). */
  public void replaceRisks(String key, String source, List<RiskInput> risks, OffsetDateTime now) {
    jdbc.sql("delete from pmo_risk where project_key = :key and source = :source")
        .param("key", key).param("source", source).update();
    for (RiskInput r : risks) {
      insertRisk(key, r, source, now);
    }
  }

  public void touch(String key, OffsetDateTime now) {
    jdbc.sql("update pmo_project set updated_at = :now where project_key = :key")
        .param("now", now).param("key", key).update();
  }

  public void appendHistory(String key, String type, Phase phase, String actor, String decision, String comment,
      OffsetDateTime now) {
    jdbc.sql("""
        insert into pmo_project_history (project_key, entry_type, phase, actor, decision, comment, occurred_at)
        values (:key, :type, :phase, :actor, :decision, :comment, :now)
        """)
        .param("key", key).param("type", type).param("phase", phase.name()).param("actor", actor)
        .param("decision", decision).param("comment", comment).param("now", now)
        .update();
  }

  public Optional<ProjectSummary> findSummary(String key) {
    return jdbc.sql("select " + SUMMARY_COLUMNS + " from pmo_project where project_key = :key")
        .param("key", key).query(ProjectRepository::summary).optional();
  }

  /** The requester of a project, for separation-of-duties checks. */
  public Optional<String> findRequester(String key) {
    return jdbc.sql("select requester from pmo_project where project_key = :key")
        .param("key", key).query(String.class).optional();
  }

  public Page<ProjectSummary> list(ProjectFilter filter, ProjectSort sort, int page, int size) {
    Map<String, Object> params = new HashMap<>();
    String where = where(filter, params);
    long total = jdbc.sql("select count(*) from pmo_project" + where).params(params).query(Long.class).single();
    params.put("limit", size);
    params.put("offset", (long) page * size);
    List<ProjectSummary> content = jdbc.sql("select " + SUMMARY_COLUMNS + " from pmo_project" + where
            + " order by " + sort.orderBy() + " limit :limit offset :offset")
        .params(params).query(ProjectRepository::summary).list();
    return new Page<>(content, page, size, total);
  }

  /**
   * Every project the filter matches, in order, one at a time: rows are fetched in batches (a cursor on
   * PostgreSQL inside the caller's transaction), so an export of the whole portfolio is never held in memory.
   */
  public void forEach(ProjectFilter filter, ProjectSort sort, Consumer<ProjectSummary> action) {
    Map<String, Object> params = new HashMap<>();
    String where = where(filter, params);
    streaming.sql("select " + SUMMARY_COLUMNS + " from pmo_project" + where + " order by " + sort.orderBy())
        .params(params).query((RowCallbackHandler) rs -> action.accept(summary(rs, 0)));
  }

  private static String where(ProjectFilter filter, Map<String, Object> params) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    if (filter.phase() != null) {
      where.append(" and phase = :phase");
      params.put("phase", filter.phase().name());
    }
    if (ProjectFilter.NO_HEALTH.equals(filter.health())) {
      where.append(" and health is null");
    } else if (filter.health() != null) {
      where.append(" and health = :health");
      params.put("health", filter.health());
    }
    if (filter.pmoType() != null) {
      where.append(" and pmo_type = :pmoType");
      params.put("pmoType", filter.pmoType().name());
    }
    if (filter.businessUnit() != null) {
      where.append(" and business_unit = :businessUnit");
      params.put("businessUnit", filter.businessUnit());
    }
    if (filter.status() != null) {
      where.append(" and status = :status");
      params.put("status", filter.status().name());
    }
    if (filter.q() != null && !filter.q().isBlank()) {
      where.append(" and (lower(name) like :q escape '!' or lower(project_key) like :q escape '!')");
      params.put("q", "%" + Fields.likeLiteral(filter.q()) + "%");
    }
    return where.toString();
  }

  public Optional<ProjectDetails> findDetails(String key) {
    return jdbc.sql("select * from pmo_project where project_key = :key").param("key", key)
        .query((rs, n) -> details(rs)).optional();
  }

  private ProjectDetails details(ResultSet rs) throws SQLException {
    String key = rs.getString("project_key");
    ProjectDetails.Request request = new ProjectDetails.Request(rs.getString("description"),
        rs.getBigDecimal("estimated_budget"), rs.getInt("strategic_alignment"),
        Level.valueOf(rs.getString("complexity")), Level.valueOf(rs.getString("risk_level")),
        rs.getBoolean("cross_departmental"), rs.getBoolean("regulatory"),
        rs.getObject("requested_start", LocalDate.class), rs.getObject("requested_end", LocalDate.class));
    return new ProjectDetails(summary(rs, 0), rs.getString("health_explanation"), request, rs.getString("requester"),
        rs.getString("intake_approver_group"), rs.getString("status_report_cadence"),
        rs.getObject("created_at", OffsetDateTime.class), charter(key), milestones(key), team(key), risks(key),
        history(key), control.changes(key), control.statusReports(key), control.exceptionReports(key),
        control.recoveryPlans(key), delivery.plan(key).orElse(null), delivery.workPackages(key),
        delivery.baselines(key), delivery.issues(key), delivery.documents(key), delivery.lessons(key),
        rs.getBoolean("archived"));
  }

  public ProjectDetails.CharterView charter(String key) {
    List<Charter.Stakeholder> stakeholders = jdbc.sql(
            "select name, role from pmo_stakeholder where project_key = :key order by position")
        .param("key", key).query((rs, n) -> new Charter.Stakeholder(rs.getString("name"), rs.getString("role")))
        .list();
    return jdbc.sql("select * from pmo_charter where project_key = :key").param("key", key)
        .query((rs, n) -> new ProjectDetails.CharterView(rs.getString("objectives"), rs.getString("scope_in"),
            rs.getString("scope_out"), rs.getString("deliverables"), rs.getString("acceptance_criteria"),
            rs.getBigDecimal("budget_estimate"), rs.getString("assumptions"), rs.getString("constraints_text"),
            stakeholders, rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class)))
        .optional().orElse(null);
  }

  public List<ProjectDetails.MilestoneView> milestones(String key) {
    return jdbc.sql("select * from pmo_milestone where project_key = :key order by position")
        .param("key", key)
        .query((rs, n) -> new ProjectDetails.MilestoneView(rs.getLong("id"), rs.getString("name"),
            rs.getObject("due_date", LocalDate.class), rs.getObject("actual_date", LocalDate.class),
            rs.getString("status"), rs.getString("waiver_reason")))
        .list();
  }

  public List<ProjectDetails.TeamMemberView> team(String key) {
    return jdbc.sql("select * from pmo_team_member where project_key = :key order by id")
        .param("key", key)
        .query((rs, n) -> new ProjectDetails.TeamMemberView(rs.getString("user_id"), rs.getString("role"),
            rs.getInt("allocation_percent"), rs.getObject("released_at", OffsetDateTime.class)))
        .list();
  }

  public boolean hasCharter(String key) {
    return jdbc.sql("select count(*) from pmo_charter where project_key = :key")
        .param("key", key).query(Long.class).single() > 0;
  }

  public List<ProjectDetails.RiskView> risks(String key) {
    return jdbc.sql("select * from pmo_risk where project_key = :key order by id")
        .param("key", key).query((rs, n) -> risk(rs)).list();
  }

  static ProjectDetails.RiskView risk(ResultSet rs) throws SQLException {
    return new ProjectDetails.RiskView(rs.getLong("id"), rs.getString("title"), rs.getInt("probability"),
        rs.getInt("impact"), rs.getInt("score"), rs.getString("response"), rs.getString("status"),
        rs.getString("source"), rs.getObject("created_at", OffsetDateTime.class), rs.getString("severity"),
        rs.getString("owner"), rs.getString("response_strategy"), rs.getObject("response_due", LocalDate.class),
        rs.getString("response_note"));
  }

  public List<ProjectDetails.HistoryEntry> history(String key) {
    return jdbc.sql("select * from pmo_project_history where project_key = :key order by id")
        .param("key", key)
        .query((rs, n) -> new ProjectDetails.HistoryEntry(rs.getString("entry_type"),
            Phase.valueOf(rs.getString("phase")), rs.getString("actor"), rs.getString("decision"),
            rs.getString("comment"), rs.getObject("occurred_at", OffsetDateTime.class)))
        .list();
  }

  private static ProjectSummary summary(ResultSet rs, int rowNum) throws SQLException {
    String pmoType = rs.getString("pmo_type");
    return new ProjectSummary(rs.getString("project_key"), rs.getString("name"), Phase.valueOf(rs.getString("phase")),
        ProjectStatus.valueOf(rs.getString("status")), pmoType == null ? null : PmoType.valueOf(pmoType),
        rs.getString("health"), rs.getString("sponsor"), rs.getString("project_manager"),
        rs.getString("business_unit"), rs.getBigDecimal("budget"), rs.getBigDecimal("actual_cost"),
        rs.getInt("percent_complete"), rs.getObject("planned_start", LocalDate.class),
        rs.getObject("planned_end", LocalDate.class), rs.getObject("updated_at", OffsetDateTime.class));
  }
}
