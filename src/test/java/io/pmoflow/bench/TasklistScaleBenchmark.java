package io.pmoflow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Tasklist scale (issue #7, item 4): what Tasklist asks when {@code pat.pmo} opens the "PMO queue" filter — the
 * first page (15 tasks, the filter's order: due date, then newest first) and the count — through the engine's
 * filter service with authorization checks on, with 1,000, 10,000 and 100,000 open tasks in the database. A
 * quarter of the tasks wait for the PMO; the rest for the board, the sponsors, or are assigned to a manager; each
 * is the user task of an instance of a one-task seed process, with the identity link and authorization the engine
 * creates for its candidate group or assignee, as PMO Flow's own approval tasks have.
 * Before every call one new task arrives (untimed): a queue people work in changes, and H2 would otherwise answer
 * a repeated query over unchanged tables from its result cache. Not a test: run through {@code bench/run.sh}.
 *
 * <pre>--db h2|postgres --url jdbc:... [--user sa] --sizes 1000,10000,100000 --calls 100 --warmup 20 --out ...
 *     [--variant name --camunda.bpm.… value …]</pre>
 */
public final class TasklistScaleBenchmark {

  static final int PAGE = 15;
  static final String[] QUEUES = {"pmo", "portfolio-board", "sponsors", "project-managers"};

  private TasklistScaleBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = Options.parse(args);
    String db = Options.required(options, "db");
    String url = Options.required(options, "url");
    List<Integer> sizes = Arrays.stream(options.getOrDefault("sizes", "1000,10000,100000").split(","))
        .map(String::strip).map(Integer::valueOf).toList();
    int calls = Integer.parseInt(options.getOrDefault("calls", "100"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "20"));
    Path out = Path.of(options.getOrDefault("out", "target/bench/tasklist-" + db + ".json"));

    ConfigurableApplicationContext app = BenchApp.start(url, options);
    try {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      deploySeedProcess(engine);
      FilterService filters = engine.getFilterService();
      Filter queue = filters.createFilterQuery().filterName("PMO queue").singleResult();
      if (queue == null) {
        throw new IllegalStateException("no filter 'PMO queue': AccessSetup creates it on start");
      }
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("benchmark", "tasklist-scale");
      result.put("database", db);
      // what was measured: the product's settings ("default") or a tuning passed on as --camunda.… options
      result.put("variant", options.getOrDefault("variant", "default"));
      result.put("machine", Machine.describe());
      result.put("query", "filter 'PMO queue' as pat.pmo (groups pmo): listPage(0, " + PAGE + ") and count");
      List<Map<String, Object>> rows = new ArrayList<>();
      int seeded = 0;
      for (int size : sizes) {
        long seedStart = System.nanoTime();
        if (seeded == 0) {
          seed(engine, 0, size);
          analyze(app.getBean(DataSource.class));
        } else {
          clone(app.getBean(DataSource.class), size - seeded);
        }
        seeded = size;
        System.out.printf("%s: %d open tasks (seeded in %.0f s)%n", db, openTasks(engine), (System.nanoTime()
            - seedStart) / 1e9);
        List<Double> page = new ArrayList<>();
        List<Double> count = new ArrayList<>();
        try {
          for (int i = 0; i < warmup + calls; i++) {
            seed(engine, 1_000_000 + i + size, 1_000_000 + i + size + 1);
            seeded++;
            long t0 = System.nanoTime();
            List<Task> tasks = as(engine, () -> filters.listPage(queue.getId(), 0, PAGE));
            long t1 = System.nanoTime();
            long total = as(engine, () -> filters.count(queue.getId()));
            long t2 = System.nanoTime();
            if (tasks.size() != PAGE || total < size / 4) {
              throw new IllegalStateException("the PMO sees " + tasks.size() + " of " + total + " tasks at " + size);
            }
            if (i >= warmup) {
              page.add((t1 - t0) / 1e6);
              count.add((t2 - t1) / 1e6);
            }
          }
        } catch (RuntimeException e) {
          // a call that fails (the statement timeout) is a result too: recorded, and no larger size is tried
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("openTasks", openTasks(engine));
          row.put("error", String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
          rows.add(row);
          System.out.printf("%s %,d tasks: failed: %s%n", db, size, row.get("error"));
          break;
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("openTasks", openTasks(engine));
        row.put("firstPageMs", Percentiles.of(page).toMap());
        row.put("countMs", Percentiles.of(count).toMap());
        rows.add(row);
        System.out.printf("%s %,d tasks (%,d open at the end): first page p50 %.1f ms p95 %.1f ms; count p50 %.1f ms p95 %.1f ms%n", db,
            size, openTasks(engine), Percentiles.of(page).p50(), Percentiles.of(page).p95(), Percentiles.of(count).p50(),
            Percentiles.of(count).p95());
      }
      result.put("results", rows);
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(result));
      System.out.println("written " + out);
    } finally {
      app.close();
    }
  }

  /**
   * The seed process: one user task for a queue (a candidate group) or a person, with a due date on a third of
   * them. Its instances give the tasks what a PMO Flow approval task has in the task list query: a process
   * definition, a candidate-group identity link and the authorization the engine creates for it.
   */
  static final String SEED = "benchTasklistSeed";

  private static void deploySeedProcess(ProcessEngine engine) {
    BpmnModelInstance model = Bpmn.createExecutableProcess(SEED).camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Seeded")
        .userTask("Task_Seeded").name("Screen project request").camundaCandidateGroups("${queue}")
        .camundaAssignee("${assignee}").camundaDueDate("${dueDate}")
        .endEvent("EndEvent_Seeded").done();
    engine.getRepositoryService().createDeployment().name(SEED).addModelInstance(SEED + ".bpmn", model)
        .enableDuplicateFiltering(true).deploy();
  }

  /** Tasks {@code from} (inclusive) to {@code to}, 500 per transaction, round-robin over the queues. */
  private static void seed(ProcessEngine engine, int from, int to) {
    RuntimeService runtime = engine.getRuntimeService();
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    long now = System.currentTimeMillis();
    for (int batchStart = from; batchStart < to; batchStart += 500) {
      int start = batchStart;
      int end = Math.min(to, batchStart + 500);
      configuration.getCommandExecutorTxRequired().execute(context -> {
        for (int n = start; n < end; n++) {
          String queue = QUEUES[n % QUEUES.length];
          Map<String, Object> variables = new HashMap<>();
          variables.put("queue", queue);
          // the managers' tasks are assigned, as a project manager's work is
          variables.put("assignee", "project-managers".equals(queue) ? "mia.manager" : null);
          variables.put("dueDate", n % 3 == 0 ? new Date(now + (n % 30) * 86_400_000L) : null);
          runtime.startProcessInstanceByKey(SEED, "SEED-" + n, variables);
        }
        return null;
      });
    }
  }

  /** The tables a task in the task list query lives in, and the columns that hold ids of cloned rows. */
  static final List<String> CLONED = List.of("ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_IDENTITYLINK",
      "ACT_RU_AUTHORIZATION");
  static final Set<String> ID_COLUMNS = Set.of("ID_", "EXECUTION_ID_", "PROC_INST_ID_", "PARENT_ID_",
      "ROOT_PROC_INST_ID_", "SUPER_EXEC_", "TASK_ID_", "PARENT_TASK_ID_", "RESOURCE_ID_");

  /**
   * {@code count} more tasks as copies of the {@code engineSeeded} ones the engine created: every runtime row of
   * such a task (execution, task, identity link, authorization) copied in SQL with its ids suffixed, so each copy
   * is a task of its own in every respect the query reads. Seeding 100,000 tasks through the engine with full
   * history takes most of an hour on a shared 2-core machine; copying takes seconds.
   */
  private static void clone(DataSource dataSource, int count) throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      String seedTasks = "select ID_ from ACT_RU_TASK where PROC_DEF_ID_ in (select ID_ from ACT_RE_PROCDEF where KEY_ = '"
          + SEED + "') and ID_ not like '%~%'";
      Map<String, String> sourceOf = Map.of(
          "ACT_RU_EXECUTION", "PROC_DEF_ID_ in (select ID_ from ACT_RE_PROCDEF where KEY_ = '" + SEED
              + "') and ID_ not like '%~%'",
          "ACT_RU_TASK", "ID_ in (" + seedTasks + ")",
          "ACT_RU_IDENTITYLINK", "TASK_ID_ in (" + seedTasks + ")",
          "ACT_RU_AUTHORIZATION", "RESOURCE_TYPE_ = 7 and RESOURCE_ID_ in (" + seedTasks + ")");
      int originals = count(connection, "select count(*) from (" + seedTasks + ") s");
      int copies = (count + originals - 1) / originals;
      // a suffix not used before: one more than the copies there are
      int first = 1 + count(connection, "select count(*) from ACT_RU_TASK where ID_ like '%~%'");
      for (int copy = first; copy < first + copies; copy++) {
        for (String table : CLONED) {
          List<String> columns = columns(connection, table);
          String suffix = "'~" + copy + "'";
          String select = columns.stream().map(c -> ID_COLUMNS.contains(c)
              ? "case when " + c + " is null then null else " + c + " || " + suffix + " end" : c)
              .collect(Collectors.joining(", "));
          try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("insert into " + table + " (" + String.join(", ", columns) + ") select " + select
                + " from " + table + " where " + sourceOf.get(table));
          }
        }
      }
      connection.commit();
    }
    analyze(dataSource);
  }

  /**
   * PostgreSQL plans by its statistics; after a bulk insert they say the tables are nearly empty until
   * autovacuum's analyze comes round, and a nested-loop plan on those estimates times the statistics, not the
   * query (1 s instead of milliseconds at 10,000 tasks). A database grown by use has current statistics, so every
   * size is measured with them.
   */
  private static void analyze(DataSource dataSource) throws Exception {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      if (connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
        for (String table : CLONED) {
          statement.execute("analyze " + table);
        }
      }
    }
  }


  private static int count(Connection connection, String sql) throws Exception {
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static List<String> columns(Connection connection, String table) throws Exception {
    List<String> columns = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("select * from " + table + " where 1 = 0")) {
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        columns.add(rs.getMetaData().getColumnName(i).toUpperCase(java.util.Locale.ROOT));
      }
    }
    return columns;
  }

  private static long openTasks(ProcessEngine engine) {
    return engine.getTaskService().createTaskQuery().count();
  }

  private static <T> T as(ProcessEngine engine, Supplier<T> call) {
    IdentityService identity = engine.getIdentityService();
    identity.setAuthentication("pat.pmo", List.of("pmo"));
    try {
      return call.get();
    } finally {
      identity.clearAuthentication();
    }
  }
}
