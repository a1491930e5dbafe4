package io.pmoflow.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.flywaydb.core.Flyway;

/**
 * Seeds a PMO Flow database with a synthetic portfolio for benchmarks and demos: {@code --projects} projects (default
 * 100,000) with the history, milestones, status reports, risks and resource plans their phase implies, written
 * with batched JDBC inserts straight into the project store (no engine, no processes). The store's schema is
 * migrated first with the application's own Flyway migrations; the engine creates its tables when the application
 * starts on the database. Refuses a database that already holds projects.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat classpath.txt) io.pmoflow.bench.PortfolioSeed \
 *   --url jdbc:h2:file:./target/bench/pmo --projects 100000 [--user sa] [--password ''] [--random-seed 42]
 * </pre>
 *
 * <p>Distributions (fixed by the random seed, so a run is repeatable): phases as a mature portfolio has them (a
 * third in execution, a quarter closed, a tenth rejected), budgets log-normal around 150,000 with a PMO type
 * following the default {@code pmoGovernance} policy, health from status reports (60 % GREEN, 25 % AMBER, 15 %
 * RED), twelve business units of different size, 2,000 people in eight roles on the resource plans.
 */
public final class PortfolioSeed {

  static final String[] UNITS = {"IT", "IT", "IT", "Operations", "Operations", "Finance", "Sales", "Sales",
      "Marketing", "HR", "Logistics", "Legal", "R&D", "R&D", "Customer Service", "Procurement", "Facilities"};
  static final String[] ROLES = {"Developer", "Developer", "Developer", "Analyst", "Tester", "Architect",
      "Designer", "Project manager", "Data engineer", "Developer"};
  static final String[] WORDS = {"Customer", "Portal", "Billing", "Data", "Platform", "Migration", "Cloud",
      "Warehouse", "Mobile", "Onboarding", "Analytics", "Compliance", "Payroll", "Supplier", "CRM", "ERP",
      "Security", "Network", "Website", "Reporting", "Automation", "Training", "Logistics", "Quality"};
  static final int PEOPLE = 2000;
  static final int BATCH = 500;

  private final Random random;
  private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
  private final Map<String, PreparedStatement> statements = new java.util.LinkedHashMap<>();
  private Connection connection;

  PortfolioSeed(long seed) {
    this.random = new Random(seed);
  }

  public static void main(String[] args) throws SQLException {
    Map<String, String> options = Options.parse(args);
    String url = Options.required(options, "url");
    String user = options.getOrDefault("user", url.startsWith("jdbc:h2") ? "sa" : "postgres");
    String password = options.getOrDefault("password", "");
    int projects = Integer.parseInt(options.getOrDefault("projects", "100000"));
    long started = System.nanoTime();
    Flyway.configure().dataSource(url, user, password).table("pmo_schema_history")
        .locations("classpath:db/migration").load().migrate();
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      new PortfolioSeed(Long.parseLong(options.getOrDefault("random-seed", "42"))).seed(c, projects);
    }
    System.out.printf("seeded %,d projects into %s in %.1f s%n", projects, url,
        (System.nanoTime() - started) / 1e9);
  }

  void seed(Connection c, int projects) throws SQLException {
    this.connection = c;
    c.setAutoCommit(false);
    try (Statement s = c.createStatement(); var rs = s.executeQuery("select count(*) from pmo_project")) {
      rs.next();
      if (rs.getLong(1) > 0) {
        throw new IllegalStateException("the database already holds " + rs.getLong(1) + " projects; seed an empty one");
      }
    }
    for (int i = 1; i <= projects; i++) {
      project(i);
      if (i % BATCH == 0 || i == projects) {
        for (PreparedStatement p : statements.values()) {
          p.executeBatch();
        }
        c.commit();
      }
    }
    try (Statement s = c.createStatement()) {
      s.execute("alter sequence pmo_project_seq restart with " + (projects + 1));
    }
    c.commit();
    for (PreparedStatement p : statements.values()) {
      p.close();
    }
  }

  private PreparedStatement statement(String sql) throws SQLException {
    PreparedStatement p = statements.get(sql);
    if (p == null) {
      p = connection.prepareStatement(sql);
      statements.put(sql, p);
    }
    return p;
  }

  /** The phases a project passed, oldest first, ending with its current one. */
  private List<String> path() {
    double r = random.nextDouble();
    String last = r < 0.08 ? "INTAKE" : r < 0.15 ? "INITIATION" : r < 0.24 ? "PLANNING" : r < 0.54 ? "EXECUTION"
        : r < 0.58 ? "CLOSURE" : r < 0.86 ? "CLOSED" : r < 0.95 ? "REJECTED" : "CANCELLED";
    List<String> path = new ArrayList<>(List.of("INTAKE"));
    switch (last) {
      case "REJECTED" -> path.add("REJECTED");
      case "CANCELLED" -> {
        path.addAll(List.of("INITIATION", "PLANNING", "EXECUTION").subList(0, 1 + random.nextInt(3)));
        path.add("CANCELLED");
      }
      default -> {
        for (String p : List.of("INITIATION", "PLANNING", "EXECUTION", "CLOSURE", "CLOSED")) {
          if (path.get(path.size() - 1).equals(last)) {
            break;
          }
          path.add(p);
        }
      }
    }
    return path;
  }

  private static final Map<String, int[]> DAYS_IN_PHASE = Map.of("INTAKE", new int[] {3, 30},
      "INITIATION", new int[] {10, 45}, "PLANNING", new int[] {15, 60}, "EXECUTION", new int[] {60, 360},
      "CLOSURE", new int[] {7, 40});

  private void project(int number) throws SQLException {
    List<String> path = path();
    String phase = path.get(path.size() - 1);
    boolean ended = List.of("CLOSED", "REJECTED", "CANCELLED").contains(phase);
    // the time each phase took, so that the project's current phase ends around now (or it ended a while ago)
    List<Duration> stays = new ArrayList<>();
    long total = 0;
    for (int i = 0; i < path.size() - 1; i++) {
      int[] range = DAYS_IN_PHASE.get(path.get(i));
      long hours = (range[0] + random.nextInt(range[1] - range[0])) * 24L + random.nextInt(24);
      stays.add(Duration.ofHours(hours));
      total += hours;
    }
    long tail = ended ? random.nextInt(700) * 24L : random.nextInt(40) * 24L;
    OffsetDateTime created = now.minusHours(total + tail + random.nextInt(24));
    String key = "PRJ-%d-%04d".formatted(created.getYear(), number);
    String unit = UNITS[random.nextInt(UNITS.length)];
    BigDecimal budget = money(Math.exp(Math.log(150_000) + random.nextGaussian() * 1.1));
    boolean regulatory = random.nextDouble() < 0.08;
    String pmoType = budget.doubleValue() >= 1_000_000 || regulatory ? "DIRECTIVE"
        : budget.doubleValue() >= 100_000 || random.nextDouble() < 0.15 ? "CONTROLLING" : "SUPPORTIVE";
    if (phase.equals("INTAKE") && random.nextDouble() < 0.2) {
      pmoType = null;
    }
    boolean reporting = path.contains("EXECUTION") && !phase.equals("CANCELLED") || phase.equals("CANCELLED")
        && path.contains("EXECUTION") && random.nextBoolean();
    String health = null;
    if (reporting) {
      double h = random.nextDouble();
      health = h < 0.6 ? "GREEN" : h < 0.85 ? "AMBER" : "RED";
    }
    String status = ended ? "ENDED" : !phase.equals("INTAKE") && random.nextDouble() < 0.03 ? "ON_HOLD" : "ACTIVE";
    OffsetDateTime executionStart = created;
    for (int i = 0; i < stays.size() && !path.get(i).equals("EXECUTION"); i++) {
      executionStart = executionStart.plus(stays.get(i));
    }
    LocalDate plannedStart = executionStart.toLocalDate();
    LocalDate plannedEnd = plannedStart.plusDays(60 + random.nextInt(300));
    int percent = switch (phase) {
      case "CLOSURE", "CLOSED" -> 100;
      case "EXECUTION" -> random.nextInt(96);
      case "CANCELLED" -> reporting ? random.nextInt(60) : 0;
      default -> 0;
    };
    double cpi = 0.8 + random.nextDouble() * 0.35;
    BigDecimal actual = reporting ? money(budget.doubleValue() * percent / 100.0 / cpi) : BigDecimal.ZERO;
    OffsetDateTime updated = ended ? created.plusHours(total) : now.minusHours(random.nextInt(24 * 30));
    String manager = path.size() > 1 && !phase.equals("REJECTED") ? person(random.nextInt(200)) : null;

    PreparedStatement p = statement("""
        insert into pmo_project (project_key, name, description, business_unit, sponsor, requester, project_manager,
          estimated_budget, strategic_alignment, complexity, risk_level, cross_departmental, regulatory,
          requested_start, requested_end, phase, status, pmo_type, intake_approver_group, status_report_cadence,
          health, budget, actual_cost, eac, percent_complete, planned_start, planned_end, created_at, updated_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
    int c = 1;
    p.setString(c++, key);
    p.setString(c++, WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " "
        + number);
    p.setString(c++, "Synthetic project " + number + " of the benchmark portfolio");
    p.setString(c++, unit);
    p.setString(c++, person(200 + random.nextInt(100)));
    p.setString(c++, person(300 + random.nextInt(300)));
    p.setString(c++, manager);
    p.setBigDecimal(c++, budget);
    p.setInt(c++, 1 + random.nextInt(5));
    p.setString(c++, level());
    p.setString(c++, regulatory ? "HIGH" : level());
    p.setBoolean(c++, random.nextDouble() < 0.2);
    p.setBoolean(c++, regulatory);
    p.setDate(c++, Date.valueOf(plannedStart));
    p.setDate(c++, Date.valueOf(plannedEnd));
    p.setString(c++, phase);
    p.setString(c++, status);
    p.setString(c++, pmoType);
    p.setString(c++, pmoType == null ? null : pmoType.equals("DIRECTIVE") ? "portfolio-board" : "pmo");
    p.setString(c++, pmoType == null ? null : pmoType.equals("DIRECTIVE") ? "P7D"
        : pmoType.equals("CONTROLLING") ? "P14D" : "P30D");
    p.setString(c++, health);
    p.setBigDecimal(c++, budget);
    p.setBigDecimal(c++, actual);
    // the latest status report's estimate at completion, as the store keeps it on the project
    p.setBigDecimal(c++, reporting ? eac(budget, cpi) : null);
    p.setInt(c++, percent);
    p.setDate(c++, Date.valueOf(plannedStart));
    p.setDate(c++, Date.valueOf(plannedEnd));
    p.setObject(c++, created);
    p.setObject(c++, updated);
    p.addBatch();

    OffsetDateTime at = created;
    history(key, "REQUESTED", "INTAKE", at);
    for (int i = 1; i < path.size(); i++) {
      stay(key, path.get(i - 1), at, stays.get(i - 1));
      at = at.plus(stays.get(i - 1));
      history(key, "PHASE_CHANGED", path.get(i), at);
    }
    stay(key, phase, at, null);
    if (path.contains("PLANNING")) {
      milestones(key, plannedStart, plannedEnd, phase);
    }
    if (path.size() > 1 && !phase.equals("REJECTED")) {
      risks(key, created.plusDays(5), ended);
    }
    if (reporting) {
      statusReports(key, plannedStart, budget, percent, cpi, health, manager);
    }
    if (path.contains("PLANNING")) {
      resources(key, ended ? updated : null);
    }
  }

  private void history(String key, String type, String phase, OffsetDateTime at) throws SQLException {
    PreparedStatement p = statement("insert into pmo_project_history (project_key, entry_type, phase, actor, "
        + "occurred_at) values (?, ?, ?, ?, ?)");
    p.setString(1, key);
    p.setString(2, type);
    p.setString(3, phase);
    p.setString(4, "seed");
    p.setObject(5, at);
    p.addBatch();
  }

  /** The stay the store keeps beside the history (V4): open while the project is in the phase. */
  private void stay(String key, String phase, OffsetDateTime entered, Duration length) throws SQLException {
    PreparedStatement p = statement("insert into pmo_phase_stay (project_key, phase, entered_at, left_at, hours) "
        + "values (?, ?, ?, ?, ?)");
    p.setString(1, key);
    p.setString(2, phase);
    p.setObject(3, entered);
    p.setObject(4, length == null ? null : entered.plus(length));
    p.setBigDecimal(5, length == null ? null : BigDecimal.valueOf(length.toMinutes()).divide(BigDecimal.valueOf(60),
        4, RoundingMode.HALF_UP));
    p.addBatch();
  }

  private void milestones(String key, LocalDate start, LocalDate end, String phase) throws SQLException {
    PreparedStatement p = statement("insert into pmo_milestone (project_key, position, name, due_date, actual_date,"
        + " status) values (?, ?, ?, ?, ?, ?)");
    long span = Math.max(1, end.toEpochDay() - start.toEpochDay());
    for (int i = 0; i < 3; i++) {
      LocalDate due = start.plusDays(span * (i + 1) / 3);
      boolean settled = phase.equals("CLOSURE") || phase.equals("CLOSED")
          || phase.equals("EXECUTION") && due.isBefore(now.toLocalDate());
      String status = !settled ? "PLANNED" : random.nextDouble() < 0.05 ? "WAIVED" : "DONE";
      LocalDate actual = status.equals("DONE")
          ? due.plusDays(random.nextDouble() < 0.75 ? -random.nextInt(5) : 1 + random.nextInt(30)) : null;
      p.setString(1, key);
      p.setInt(2, i);
      p.setString(3, "Milestone " + (i + 1));
      p.setDate(4, Date.valueOf(due));
      p.setDate(5, actual == null ? null : Date.valueOf(actual));
      p.setString(6, status);
      p.addBatch();
    }
  }

  private void risks(String key, OffsetDateTime at, boolean ended) throws SQLException {
    PreparedStatement p = statement("insert into pmo_risk (project_key, title, probability, impact, score, "
        + "response, status, source, created_at, severity, owner) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      int probability = 1 + random.nextInt(random.nextDouble() < 0.9 ? 4 : 5);
      int impact = 1 + random.nextInt(random.nextDouble() < 0.9 ? 4 : 5);
      int score = probability * impact;
      String severity = score >= 15 ? "CRITICAL" : score >= 10 ? "HIGH" : score >= 5 ? "MEDIUM" : "LOW";
      p.setString(1, key);
      p.setString(2, WORDS[random.nextInt(WORDS.length)] + " risk");
      p.setInt(3, probability);
      p.setInt(4, impact);
      p.setInt(5, score);
      p.setString(6, "Mitigate");
      p.setString(7, "OPEN");
      p.setString(8, "INITIAL_ASSESSMENT");
      p.setObject(9, at);
      p.setString(10, severity);
      p.setString(11, score >= 15 ? "portfolio-board" : score >= 10 ? "pmo" : "PROJECT_MANAGER");
      p.addBatch();
    }
  }

  private void statusReports(String key, LocalDate start, BigDecimal budget, int percent, double cpi,
      String health, String manager) throws SQLException {
    PreparedStatement p = statement("""
        insert into pmo_status_report (project_key, report_number, as_of, percent_complete, actual_cost, narrative,
          baseline_version, bac, pv, ev, spi, cpi, eac, cost_variance_percent, schedule_variance_days, health,
          reported_by, reported_at)
        values (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
    int reports = 1 + random.nextInt(4);
    for (int r = 1; r <= reports; r++) {
      int pct = percent * r / reports;
      BigDecimal ev = money(budget.doubleValue() * pct / 100.0);
      BigDecimal ac = money(ev.doubleValue() / cpi);
      double spi = 0.8 + random.nextDouble() * 0.3;
      LocalDate asOf = start.plusDays(14L * r);
      p.setString(1, key);
      p.setInt(2, r);
      p.setDate(3, Date.valueOf(asOf));
      p.setInt(4, pct);
      p.setBigDecimal(5, ac);
      p.setString(6, "On track as far as we can tell");
      p.setBigDecimal(7, budget);
      p.setBigDecimal(8, money(ev.doubleValue() / spi));
      p.setBigDecimal(9, ev);
      p.setBigDecimal(10, BigDecimal.valueOf(spi).setScale(4, RoundingMode.HALF_UP));
      p.setBigDecimal(11, BigDecimal.valueOf(cpi).setScale(4, RoundingMode.HALF_UP));
      p.setBigDecimal(12, eac(budget, cpi));
      p.setBigDecimal(13, BigDecimal.valueOf((1 / cpi - 1) * 100).setScale(2, RoundingMode.HALF_UP));
      p.setLong(14, Math.round((1 - spi) * 60));
      p.setString(15, r == reports ? health : "GREEN");
      p.setString(16, manager == null ? "seed" : manager);
      p.setObject(17, asOf.atStartOfDay().atOffset(ZoneOffset.UTC));
      p.addBatch();
    }
  }

  private void resources(String key, OffsetDateTime released) throws SQLException {
    PreparedStatement p = statement("insert into pmo_resource_assignment (project_key, position, role, user_id, "
        + "allocation_percent, released_at) values (?, ?, ?, ?, ?, ?)");
    int n = 2 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      p.setString(1, key);
      p.setInt(2, i);
      p.setString(3, ROLES[random.nextInt(ROLES.length)]);
      p.setString(4, person(random.nextInt(PEOPLE)));
      p.setInt(5, 10 + 10 * random.nextInt(6));
      p.setObject(6, released);
      p.addBatch();
    }
  }

  private static BigDecimal eac(BigDecimal budget, double cpi) {
    return money(budget.doubleValue() / cpi);
  }

  private String level() {
    double r = random.nextDouble();
    return r < 0.4 ? "LOW" : r < 0.85 ? "MEDIUM" : "HIGH";
  }

  private static String person(int n) {
    return "person.%04d".formatted(n);
  }

  private static BigDecimal money(double amount) {
    return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
  }
}
