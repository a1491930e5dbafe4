package io.pmoflow.project;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of planning, execution and closure: plan, work packages, baselines, issues, archived documents, lessons
 * and the release of resources. Like {@link ProjectRepository} it joins the caller's transaction.
 */
@Repository
public class DeliveryRepository {

  static final String PLANNED = "PLANNED";
  static final String DONE = "DONE";
  private static final String LESSON_SELECT = """
      select l.*, p.name as project_name from pmo_lesson l join pmo_project p on p.project_key = l.project_key""";

  private final JdbcClient jdbc;

  public DeliveryRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Replaces the plan rows (not milestones and risks, which have their own tables) and the project's figures. */
  public void replacePlan(String key, Plan plan, BigDecimal budgetTotal, String actor, OffsetDateTime now) {
    for (String table : List.of("pmo_plan", "pmo_budget_line", "pmo_resource_assignment", "pmo_communication",
        "pmo_work_package")) {
      jdbc.sql("delete from " + table + " where project_key = :key").param("key", key).update();
    }
    jdbc.sql("""
        insert into pmo_plan (project_key, planned_start, planned_end, quality_standards, quality_acceptance_criteria,
          recorded_by, recorded_at)
        values (:key, :start, :end, :standards, :criteria, :actor, :now)
        """)
        .param("key", key).param("start", plan.plannedStart()).param("end", plan.plannedEnd())
        .param("standards", plan.qualityStandards()).param("criteria", plan.qualityAcceptanceCriteria())
        .param("actor", actor).param("now", now)
        .update();
    int position = 0;
    for (Plan.BudgetLine line : plan.budget()) {
      jdbc.sql("""
          insert into pmo_budget_line (project_key, position, category, amount)
          values (:key, :position, :category, :amount)
          """)
          .param("key", key).param("position", position++).param("category", line.category())
          .param("amount", line.amount())
          .update();
    }
    position = 0;
    for (Plan.ResourceAssignment r : plan.resources()) {
      jdbc.sql("""
          insert into pmo_resource_assignment (project_key, position, role, user_id, allocation_percent)
          values (:key, :position, :role, :user, :allocation)
          """)
          .param("key", key).param("position", position++).param("role", r.role()).param("user", r.userId())
          .param("allocation", r.allocationPercent())
          .update();
    }
    position = 0;
    for (Plan.Communication c : plan.communications()) {
      jdbc.sql("""
          insert into pmo_communication (project_key, position, audience, content, channel, frequency)
          values (:key, :position, :audience, :content, :channel, :frequency)
          """)
          .param("key", key).param("position", position++).param("audience", c.audience())
          .param("content", c.content()).param("channel", c.channel()).param("frequency", c.frequency())
          .update();
    }
    position = 0;
    for (Plan.WorkPackage w : plan.workPackages()) {
      jdbc.sql("""
          insert into pmo_work_package (project_key, position, name, owner, estimate_days, planned_start, planned_end,
            status)
          values (:key, :position, :name, :owner, :estimate, :start, :end, :status)
          """)
          .param("key", key).param("position", position++).param("name", w.name()).param("owner", w.owner())
          .param("estimate", w.estimateDays()).param("start", w.start()).param("end", w.end())
          .param("status", PLANNED)
          .update();
    }
    jdbc.sql("""
        update pmo_project set budget = :budget, planned_start = :start, planned_end = :end, updated_at = :now
        where project_key = :key
        """)
        .param("budget", budgetTotal).param("start", plan.plannedStart()).param("end", plan.plannedEnd())
        .param("now", now).param("key", key)
        .update();
  }

  public Optional<ProjectDetails.PlanView> plan(String key) {
    List<Plan.BudgetLine> budget = jdbc.sql(
            "select category, amount from pmo_budget_line where project_key = :key order by position")
        .param("key", key)
        .query((rs, n) -> new Plan.BudgetLine(rs.getString("category"), rs.getBigDecimal("amount")))
        .list();
    BigDecimal total = budget.stream().map(Plan.BudgetLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    List<ProjectDetails.ResourceView> resources = jdbc.sql(
            "select * from pmo_resource_assignment where project_key = :key order by position")
        .param("key", key)
        .query((rs, n) -> new ProjectDetails.ResourceView(rs.getString("role"), rs.getString("user_id"),
            rs.getInt("allocation_percent"), rs.getObject("released_at", OffsetDateTime.class)))
        .list();
    List<Plan.Communication> communications = jdbc.sql(
            "select * from pmo_communication where project_key = :key order by position")
        .param("key", key)
        .query((rs, n) -> new Plan.Communication(rs.getString("audience"), rs.getString("content"),
            rs.getString("channel"), rs.getString("frequency")))
        .list();
    return jdbc.sql("select * from pmo_plan where project_key = :key").param("key", key)
        .query((rs, n) -> new ProjectDetails.PlanView(rs.getObject("planned_start", LocalDate.class),
            rs.getObject("planned_end", LocalDate.class), budget, total, resources, communications,
            rs.getString("quality_standards"), rs.getString("quality_acceptance_criteria"),
            rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class)))
        .optional();
  }

  public List<WorkPackageView> workPackages(String key) {
    return jdbc.sql("select * from pmo_work_package where project_key = :key order by position")
        .param("key", key).query((rs, n) -> workPackage(rs)).list();
  }

  public Optional<WorkPackageView> workPackage(String key, long id) {
    return jdbc.sql("select * from pmo_work_package where project_key = :key and id = :id")
        .param("key", key).param("id", id).query((rs, n) -> workPackage(rs)).optional();
  }

  private static WorkPackageView workPackage(ResultSet rs) throws SQLException {
    return new WorkPackageView(rs.getLong("id"), rs.getInt("position"), rs.getString("name"), rs.getString("owner"),
        rs.getBigDecimal("estimate_days"), rs.getObject("planned_start", LocalDate.class),
        rs.getObject("planned_end", LocalDate.class), rs.getString("status"),
        rs.getObject("completed_on", LocalDate.class), rs.getBigDecimal("actual_cost"), rs.getString("note"));
  }

  /** Marks a package done and adds its cost to the project; percent complete follows the share of done packages. */
  public void completeWorkPackage(String key, long id, LocalDate completedOn, BigDecimal actualCost, String note,
      OffsetDateTime now) {
    jdbc.sql("""
        update pmo_work_package set status = :done, completed_on = :completedOn, actual_cost = :cost, note = :note
        where project_key = :key and id = :id
        """)
        .param("done", DONE).param("completedOn", completedOn).param("cost", actualCost).param("note", note)
        .param("key", key).param("id", id)
        .update();
    long total = jdbc.sql("select count(*) from pmo_work_package where project_key = :key")
        .param("key", key).query(Long.class).single();
    long done = jdbc.sql("select count(*) from pmo_work_package where project_key = :key and status = :done")
        .param("key", key).param("done", DONE).query(Long.class).single();
    jdbc.sql("""
        update pmo_project set actual_cost = actual_cost + :cost, percent_complete = :percent, updated_at = :now
        where project_key = :key
        """)
        .param("cost", actualCost).param("percent", (int) (done * 100 / total)).param("now", now).param("key", key)
        .update();
  }

  public int nextBaselineVersion(String key) {
    return jdbc.sql("select coalesce(max(version), 0) + 1 from pmo_baseline where project_key = :key")
        .param("key", key).query(Integer.class).single();
  }

  public void insertBaseline(String key, Baseline b) {
    jdbc.sql("""
        insert into pmo_baseline (project_key, version, budget, planned_start, planned_end, scope, frozen_by,
          frozen_at)
        values (:key, :version, :budget, :start, :end, :scope, :actor, :now)
        """)
        .param("key", key).param("version", b.version()).param("budget", b.budget())
        .param("start", b.plannedStart()).param("end", b.plannedEnd()).param("scope", b.scope())
        .param("actor", b.frozenBy()).param("now", b.frozenAt())
        .update();
    long id = jdbc.sql("select id from pmo_baseline where project_key = :key and version = :version")
        .param("key", key).param("version", b.version()).query(Long.class).single();
    int position = 0;
    for (Charter.Milestone m : b.milestones()) {
      jdbc.sql("""
          insert into pmo_baseline_milestone (baseline_id, position, name, due_date)
          values (:id, :position, :name, :due)
          """)
          .param("id", id).param("position", position++).param("name", m.name()).param("due", m.dueDate())
          .update();
    }
  }

  /** Every baseline of a project, version 1 first. */
  public List<Baseline> baselines(String key) {
    Map<Long, List<Charter.Milestone>> milestones = new HashMap<>();
    jdbc.sql("""
            select m.baseline_id, m.name, m.due_date from pmo_baseline_milestone m
            join pmo_baseline b on b.id = m.baseline_id
            where b.project_key = :key order by m.baseline_id, m.position
            """)
        .param("key", key)
        .query((ResultSet rs) -> {
          milestones.computeIfAbsent(rs.getLong("baseline_id"), id -> new ArrayList<>())
              .add(new Charter.Milestone(rs.getString("name"), rs.getObject("due_date", LocalDate.class)));
        });
    return jdbc.sql("select * from pmo_baseline where project_key = :key order by version")
        .param("key", key)
        .query((rs, n) -> new Baseline(rs.getInt("version"), rs.getBigDecimal("budget"),
            rs.getObject("planned_start", LocalDate.class), rs.getObject("planned_end", LocalDate.class),
            rs.getString("scope"), List.copyOf(milestones.getOrDefault(rs.getLong("id"), List.of())),
            rs.getString("frozen_by"), rs.getObject("frozen_at", OffsetDateTime.class)))
        .list();
  }

  public List<IssueView> issues(String key) {
    return jdbc.sql("select * from pmo_issue where project_key = :key order by id")
        .param("key", key)
        .query((rs, n) -> new IssueView(rs.getLong("id"), rs.getString("title"), rs.getString("severity"),
            rs.getString("owner"), rs.getString("status"), rs.getObject("created_at", OffsetDateTime.class),
            rs.getObject("updated_at", OffsetDateTime.class)))
        .list();
  }

  public void insertIssue(String key, NewIssue issue, OffsetDateTime now) {
    jdbc.sql("""
        insert into pmo_issue (project_key, title, severity, owner, status, created_at, updated_at)
        values (:key, :title, :severity, :owner, 'OPEN', :now, :now)
        """)
        .param("key", key).param("title", issue.title()).param("severity", issue.severity())
        .param("owner", issue.owner()).param("now", now)
        .update();
  }

  public void updateIssueStatus(String key, long id, String status, OffsetDateTime now) {
    jdbc.sql("update pmo_issue set status = :status, updated_at = :now where project_key = :key and id = :id")
        .param("status", status).param("now", now).param("key", key).param("id", id)
        .update();
  }

  public List<ProjectDetails.DocumentView> documents(String key) {
    return jdbc.sql("select * from pmo_document where project_key = :key order by id")
        .param("key", key)
        .query((rs, n) -> new ProjectDetails.DocumentView(rs.getLong("id"), rs.getString("title"),
            rs.getString("url"), rs.getString("archived_by"), rs.getObject("archived_at", OffsetDateTime.class)))
        .list();
  }

  /** Stores the documents as archived and makes the project read-only. */
  public void archive(String key, List<DocumentLink> documents, String actor, OffsetDateTime now) {
    for (DocumentLink d : documents) {
      jdbc.sql("""
          insert into pmo_document (project_key, title, url, archived_by, archived_at)
          values (:key, :title, :url, :actor, :now)
          """)
          .param("key", key).param("title", d.title()).param("url", d.url()).param("actor", actor)
          .param("now", now)
          .update();
    }
    jdbc.sql("update pmo_project set archived = :archived, updated_at = :now where project_key = :key")
        .param("archived", true).param("now", now).param("key", key)
        .update();
  }

  public boolean isArchived(String key) {
    return jdbc.sql("select archived from pmo_project where project_key = :key")
        .param("key", key).query(Boolean.class).single();
  }

  public void insertLesson(String key, Lesson lesson, String actor, OffsetDateTime now) {
    jdbc.sql("""
        insert into pmo_lesson (project_key, category, went_well, to_improve, recommendation, recorded_by,
          recorded_at)
        values (:key, :category, :wentWell, :toImprove, :recommendation, :actor, :now)
        """)
        .param("key", key).param("category", lesson.category()).param("wentWell", lesson.wentWell())
        .param("toImprove", lesson.toImprove()).param("recommendation", lesson.recommendation())
        .param("actor", actor).param("now", now)
        .update();
  }

  public List<LessonView> lessons(String key) {
    return jdbc.sql(LESSON_SELECT + " where l.project_key = :key order by l.id")
        .param("key", key).query((rs, n) -> lesson(rs)).list();
  }

  /**
   * Lessons whose texts or project name contain {@code text} (any case), of one category or all; newest first.
   * {@code text} is matched literally: {@code %} and {@code _} in it are no wildcards.
   */
  public Page<LessonView> searchLessons(String text, LessonCategory category, int page, int size) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (text != null && !text.isBlank()) {
      where.append(" and (lower(l.went_well) like :text escape '!' or lower(l.to_improve) like :text escape '!'"
          + " or lower(l.recommendation) like :text escape '!' or lower(p.name) like :text escape '!')");
      params.put("text", "%" + Fields.likeLiteral(text) + "%");
    }
    if (category != null) {
      where.append(" and l.category = :category");
      params.put("category", category.name());
    }
    long total = jdbc.sql("select count(*) from pmo_lesson l join pmo_project p on p.project_key = l.project_key"
        + where).params(params).query(Long.class).single();
    params.put("limit", size);
    params.put("offset", (long) page * size);
    List<LessonView> content = jdbc.sql(LESSON_SELECT + where
            + " order by l.recorded_at desc, l.id desc limit :limit offset :offset")
        .params(params).query((rs, n) -> lesson(rs)).list();
    return new Page<>(content, page, size, total);
  }

  private static LessonView lesson(ResultSet rs) throws SQLException {
    return new LessonView(rs.getLong("id"), rs.getString("project_key"), rs.getString("project_name"),
        rs.getString("category"), rs.getString("went_well"), rs.getString("to_improve"),
        rs.getString("recommendation"), rs.getString("recorded_by"),
        rs.getObject("recorded_at", OffsetDateTime.class));
  }

  /**
   * Releases the team members and the plan's other resources not released yet; returns their user ids, team
   * first, each once.
   */
  public List<String> releaseResources(String key, OffsetDateTime now) {
    Set<String> released = new LinkedHashSet<>(jdbc.sql(
            "select user_id from pmo_team_member where project_key = :key and released_at is null order by id")
        .param("key", key).query(String.class).list());
    released.addAll(jdbc.sql("""
            select user_id from pmo_resource_assignment r where project_key = :key and released_at is null
              and not exists (select 1 from pmo_team_member t where t.project_key = r.project_key
                and t.user_id = r.user_id)
            order by position
            """)
        .param("key", key).query(String.class).list());
    for (String table : List.of("pmo_team_member", "pmo_resource_assignment")) {
      jdbc.sql("update " + table + " set released_at = :now where project_key = :key and released_at is null")
          .param("now", now).param("key", key).update();
    }
    return List.copyOf(released);
  }
}
