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
 * <pre>--db h2|postgres --url jdbc:... [--user sa] --sizes 1000,10000,100000 --calls 100 --warmup 20 --out ...</pre>
 */
public final class TasklistScaleBenchmark {

  static final int PAGE = 15;
  static final String[] QUEUES = {"pmo", "portfolio-board", "sponsors", null};

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
      result.put("machine", Machine.describe());
      result.put("query", "filter 'PMO queue' as pat.pmo (groups pmo): listPage(0, " + PAGE + ") and count");
      List<Map<String, Object>> rows = new ArrayList<>();
      int seeded = 0;
      for (int size : sizes) {
        long seedStart = System.nanoTime();
        seed(engine, seeded, size);
        seeded = size;
        System.out.printf("%s: %d open tasks (seeded in %.0f s)%n", db, openTasks(engine), (System.nanoTime()
            - seedStart) / 1e9);
        List<Double> page = new ArrayList<>();
        List<Double> count = new ArrayList<>();
        for (int i = 0; i < warmup + calls; i++) {
          seed(engine, seeded, seeded + 1);
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
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("openTasks", size);
        row.put("firstPageMs", Percentiles.of(page).toMap());
        row.put("countMs", Percentiles.of(count).toMap());
        rows.add(row);
        System.out.printf("%s %,d tasks: first page p50 %.1f ms p95 %.1f ms; count p50 %.1f ms p95 %.1f ms%n", db,
            size, Percentiles.of(page).p50(), Percentiles.of(page).p95(), Percentiles.of(count).p50(),
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
          variables.put("assignee", queue == null ? "mia.manager" : null);
          variables.put("dueDate", n % 3 == 0 ? new Date(now + (n % 30) * 86_400_000L) : null);
          runtime.startProcessInstanceByKey(SEED, "SEED-" + n, variables);
        }
        return null;
      });
    }
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
