package io.pmoflow.project;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Aggregate SQL over the whole portfolio: every figure is counted and summed by the database (indexes of V4), so
 * no call loads the projects themselves, whatever their number. Every query takes the same filter on
 * {@code pmo_project p}.
 */
@Repository
public class PortfolioRepository {

  static final String NONE = "NONE";
  static final String ENDED = ProjectStatus.ENDED.name();
  /** The phases of the funnel and of phase times, in lifecycle order. */
  static final List<Phase> FUNNEL = List.of(Phase.INTAKE, Phase.INITIATION, Phase.PLANNING, Phase.EXECUTION,
      Phase.CLOSURE, Phase.CLOSED);
  private static final int RATE_SCALE = 4;
  private static final int HOURS_SCALE = 2;

  private final JdbcClient jdbc;

  public PortfolioRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The filter as conditions on {@code p}, to follow a {@code where}. */
  private static String conditions(PortfolioFilter filter, Map<String, Object> params) {
    StringBuilder sql = new StringBuilder();
    if (filter.businessUnit() != null) {
      sql.append(" and p.business_unit = :businessUnit");
      params.put("businessUnit", filter.businessUnit());
    }
    if (filter.pmoType() != null) {
      sql.append(" and p.pmo_type = :pmoType");
      params.put("pmoType", filter.pmoType().name());
    }
    return sql.toString();
  }

  public PortfolioSummary summary(PortfolioFilter filter) {
    Map<String, Object> params = new HashMap<>();
    String where = " where 1 = 1" + conditions(filter, params);
    Map<String, Long> phase = zeros(Phase.values(), false);
    Map<String, Long> health = zeros(Health.values(), true);
    Map<String, Long> pmoType = zeros(PmoType.values(), true);
    long[] counts = new long[2];
    BigDecimal[] money = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
    // one pass over the projects; at most phases × health × types × status groups come back
    jdbc.sql("""
        select p.phase, coalesce(p.health, 'NONE') as health, coalesce(p.pmo_type, 'NONE') as pmo_type, p.status,
          count(*) as projects, coalesce(sum(p.budget), 0) as budget, sum(p.actual_cost) as actual_cost,
          coalesce(sum(coalesce(p.eac, p.budget, 0)), 0) as eac
        from pmo_project p""" + where + " group by p.phase, p.health, p.pmo_type, p.status")
        .params(params)
        .query((RowCallbackHandler) rs -> {
          long n = rs.getLong("projects");
          phase.merge(rs.getString("phase"), n, Long::sum);
          health.merge(rs.getString("health"), n, Long::sum);
          pmoType.merge(rs.getString("pmo_type"), n, Long::sum);
          counts[0] += n;
          money[0] = money[0].add(rs.getBigDecimal("budget"));
          money[1] = money[1].add(rs.getBigDecimal("actual_cost"));
          if (!ENDED.equals(rs.getString("status"))) {
            counts[1] += n;
            money[2] = money[2].add(rs.getBigDecimal("budget"));
            money[3] = money[3].add(rs.getBigDecimal("eac"));
          }
        });
    String active = where + " and p.status <> '" + ENDED + "'";
    long criticalRisks = jdbc.sql("""
        select count(*) from pmo_risk k join pmo_project p on p.project_key = k.project_key""" + active
            + " and k.severity = 'CRITICAL' and k.status = '" + ControlRepository.OPEN + "'")
        .params(params).query(Long.class).single();
    long[] milestones = jdbc.sql("""
        select count(*) as done, coalesce(sum(case when m.actual_date <= m.due_date then 1 else 0 end), 0) as on_time
        from""" + " " + ofProjects("pmo_milestone m", filter) + where
            + " and m.status = '" + MilestoneStatus.DONE.name() + "'")
        .params(params).query((rs, n) -> new long[] {rs.getLong("on_time"), rs.getLong("done")}).single();
    return new PortfolioSummary(counts[0], phase, health, pmoType, money[0], money[1], counts[1], money[2],
        money[3], criticalRisks, rate(milestones[0], milestones[1]));
  }

  public PortfolioBreakdown breakdown(PortfolioFilter filter) {
    Map<String, Object> params = new HashMap<>();
    String where = " where 1 = 1" + conditions(filter, params);
    Map<String, long[]> health = new TreeMap<>();
    Map<String, PortfolioBreakdown.BudgetByUnit> budget = new TreeMap<>();
    Map<String, Long> now = zeros(Phase.values(), false);
    // one pass over the projects for all three views
    jdbc.sql("""
        select p.business_unit, coalesce(p.health, 'NONE') as health, p.phase, count(*) as projects,
          coalesce(sum(p.budget), 0) as budget, sum(p.actual_cost) as actual_cost
        from pmo_project p""" + where + " group by p.business_unit, p.health, p.phase")
        .params(params)
        .query((RowCallbackHandler) rs -> {
          String unit = rs.getString("business_unit");
          long n = rs.getLong("projects");
          health.computeIfAbsent(unit, u -> new long[4])[healthIndex(rs.getString("health"))] += n;
          now.merge(rs.getString("phase"), n, Long::sum);
          PortfolioBreakdown.BudgetByUnit row = new PortfolioBreakdown.BudgetByUnit(unit, n,
              rs.getBigDecimal("budget"), rs.getBigDecimal("actual_cost"));
          budget.merge(unit, row, (x, y) -> new PortfolioBreakdown.BudgetByUnit(unit, x.projects() + y.projects(),
              x.budget().add(y.budget()), x.actualCost().add(y.actualCost())));
        });
    Map<String, Long> reached = new HashMap<>();
    jdbc.sql("select s.phase, count(*) as projects from " + ofProjects("pmo_phase_stay s", filter) + where
            + " and s.first_entry = true and s.phase <> '" + Phase.INTAKE.name() + "' group by s.phase")
        .params(params)
        .query((RowCallbackHandler) rs -> reached.put(rs.getString("phase"), rs.getLong("projects")));
    // every project starts in INTAKE, whether or not it has moved on
    reached.put(Phase.INTAKE.name(), now.values().stream().mapToLong(Long::longValue).sum());
    List<PortfolioBreakdown.FunnelStep> funnel = new ArrayList<>();
    Long previous = null;
    for (Phase p : FUNNEL) {
      long r = reached.getOrDefault(p.name(), 0L);
      funnel.add(new PortfolioBreakdown.FunnelStep(p, now.get(p.name()), r,
          previous == null ? null : rate(r, previous)));
      previous = r;
    }
    List<PortfolioBreakdown.HealthByUnit> byUnit = health.entrySet().stream()
        .map(e -> new PortfolioBreakdown.HealthByUnit(e.getKey(), e.getValue()[0], e.getValue()[1],
            e.getValue()[2], e.getValue()[3]))
        .toList();
    return new PortfolioBreakdown(byUnit, funnel, List.copyOf(budget.values()));
  }

  /** Time in each phase, over the stays that ended (the store pairs the history's phase entries as they come). */
  public List<PhaseTime> phaseTimes(PortfolioFilter filter) {
    Map<String, Object> params = new HashMap<>();
    String where = " where s.hours is not null" + conditions(filter, params);
    Map<String, PhaseTime> byPhase = new HashMap<>();
    jdbc.sql("""
        select s.phase, count(*) as stays, avg(s.hours) as average_hours,
          percentile_cont(0.5) within group (order by s.hours) as median_hours
        from""" + " " + ofProjects("pmo_phase_stay s", filter) + where + " group by s.phase")
        .params(params)
        .query((RowCallbackHandler) rs -> byPhase.put(rs.getString("phase"),
            new PhaseTime(Phase.valueOf(rs.getString("phase")), rs.getLong("stays"),
                hours(rs, "average_hours"), hours(rs, "median_hours"))));
    return FUNNEL.stream().filter(p -> !p.isEnded())
        .map(p -> byPhase.getOrDefault(p.name(), new PhaseTime(p, 0, null, null))).toList();
  }

  /**
   * Rows of a project's table ({@code "pmo_milestone m"}), joined to their project {@code p} only when the filter
   * needs it: without one, the rows of every project count.
   */
  private static String ofProjects(String tableAndAlias, PortfolioFilter filter) {
    String alias = tableAndAlias.substring(tableAndAlias.indexOf(' ') + 1);
    return filter.equals(PortfolioFilter.ALL) ? tableAndAlias
        : tableAndAlias + " join pmo_project p on p.project_key = " + alias + ".project_key";
  }

  /** A planned assignment: a person in a role on a project, with the project's planned dates. */
  public record Assignment(String userId, String role, String projectKey, String projectName, LocalDate start,
      LocalDate end, int allocationPercent) {
  }

  /**
   * Each assignment of a resource plan that is not released, of a project not ended whose planned dates touch
   * {@code from} to {@code to}, one at a time; of the given people only, unless {@code people} is null.
   */
  public void assignments(LocalDate from, LocalDate to, Collection<String> people, Consumer<Assignment> action) {
    Map<String, Object> params = new HashMap<>(Map.of("from", from, "to", to));
    String who = "";
    if (people != null) {
      if (people.isEmpty()) {
        return;
      }
      who = " and a.user_id in (:people)";
      params.put("people", people);
    }
    jdbc.sql("""
        select a.user_id, a.role, a.allocation_percent, p.project_key, p.name, p.planned_start, p.planned_end
        from pmo_resource_assignment a join pmo_project p on p.project_key = a.project_key
        where a.released_at is null and p.status <> 'ENDED' and p.planned_start <= :to and p.planned_end >= :from
        """ + who)
        .params(params)
        .query((RowCallbackHandler) rs -> action.accept(new Assignment(rs.getString("user_id"), rs.getString("role"),
            rs.getString("project_key"), rs.getString("name"), rs.getObject("planned_start", LocalDate.class),
            rs.getObject("planned_end", LocalDate.class), rs.getInt("allocation_percent"))));
  }

  /** A zero for every value, in declaration order, and for NONE last if the column may be empty. */
  private static Map<String, Long> zeros(Enum<?>[] values, boolean withNone) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Enum<?> v : values) {
      counts.put(v.name(), 0L);
    }
    if (withNone) {
      counts.put(NONE, 0L);
    }
    return counts;
  }

  private static int healthIndex(String health) {
    return NONE.equals(health) ? 3 : Health.valueOf(health).ordinal();
  }

  /** {@code part / whole} with 4 decimals; null when the whole is 0. */
  private static BigDecimal rate(long part, long whole) {
    return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), RATE_SCALE,
        RoundingMode.HALF_UP);
  }

  private static BigDecimal hours(ResultSet rs, String column) throws SQLException {
    BigDecimal value = rs.getBigDecimal(column);
    return value == null ? null : value.setScale(HOURS_SCALE, RoundingMode.HALF_UP);
  }
}
