package io.pmoflow.process;

import static io.pmoflow.process.lifecycle.LifecycleProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.pmoflow.config.DatabaseSettings;
import io.pmoflow.process.gate.PhaseGateProcess;
import io.pmoflow.process.intake.IntakeProcess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Statement budgets: a project's happy path from the intake's start to CLOSED (SUPPORTIVE, the sponsor decides
 * every gate), each transaction counted on its own — the start, every user task completion, every async job — and
 * held against {@code src/test/resources/statement-budgets.csv}. It counts, it never times, so it is stable on a
 * busy machine. A first project warms the engine's caches (definitions, DMN, forms); the second is counted. The same
 * budgets hold on PostgreSQL: the {@code postgres-it} profile (in {@code .ci/run}) runs this class there too.
 *
 * <p>The table of counts is printed and written to {@code target/statement-counts.csv}, with the budget each step
 * would get (measured + 10 %, at least + 2): after a deliberate change, review that file and copy its step and
 * budget columns over the committed one.
 */
// an engine name of its own: this context's engine must not replace the shared context's as the registry's
// "default" engine (ProcessEngines.getDefaultProcessEngine()), which other scenario classes look up
@TestPropertySource(properties = "camunda.bpm.process-engine-name=statementBudget")
// closed after the class: under -Ppostgres-it this class shares a JVM with the HTTP tests, and its engine left in
// the registry would be listed by GET /engine-rest/engine (SecurityHttpIT expects the one engine)
@DirtiesContext
class StatementBudgetTest extends ProjectJourneys {

  static final String BUDGETS = "/statement-budgets.csv";

  /** Wraps the application's pool in the counter; the pool keeps its own settings ({@link DatabaseSettings}). */
  @TestConfiguration
  static class CountStatements {
    @Bean
    static StatementCounter statementCounter() {
      return new StatementCounter();
    }

    @Bean
    static BeanPostProcessor countingDataSource(Environment environment, StatementCounter counter) {
      DatabaseSettings settings = new DatabaseSettings(environment);
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
          return bean instanceof HikariDataSource pool
              ? counter.wrap((HikariDataSource) settings.postProcessAfterInitialization(pool, beanName)) : bean;
        }
      };
    }
  }

  @Autowired StatementCounter counter;

  /** Step name → counts of the run being recorded, in the order the steps ran. */
  private Map<String, StatementCounter.Counts> measured = new LinkedHashMap<>();

  @Test
  void everyStepOfTheHappyPathStaysWithinItsStatementBudget() throws IOException {
    journeyToClosed("Warm-up wiki");
    measured = new LinkedHashMap<>();
    journeyToClosed("Team wiki");

    Map<String, Integer> budgets = readBudgets();
    List<String> problems = new ArrayList<>();
    StringBuilder table = new StringBuilder(String.format("%n%-78s %6s %6s %5s %5s %5s %5s %5s %6s %6s %4s%n",
        "step", "stmts", "budget", "sel", "ins", "upd", "del", "trips", "read", "write", "svp"));
    StringBuilder csv = new StringBuilder("step,budget,measured\n");
    int total = 0;
    for (Map.Entry<String, StatementCounter.Counts> e : measured.entrySet()) {
      String step = e.getKey();
      StatementCounter.Counts c = e.getValue();
      Integer budget = budgets.get(step);
      total += c.statements();
      table.append(String.format("%-78s %6d %6s %5d %5d %5d %5d %5d %6d %6d %4d%s%n", step, c.statements(),
          budget == null ? "-" : budget, c.selects(), c.inserts(), c.updates(), c.deletes(), c.executions(),
          c.rowsRead(), c.rowsWritten(), c.savepoints(),
          budget == null ? "  <- no budget" : c.statements() > budget ? "  <- OVER BUDGET"
              : budget > withHeadroom(c.statements()) ? "  (budget could be " + withHeadroom(c.statements()) + ")"
              : ""));
      csv.append(step).append(',').append(withHeadroom(c.statements())).append(',').append(c.statements())
          .append('\n');
      if (budget == null) {
        problems.add(step + ": no budget in " + BUDGETS);
      } else if (c.statements() > budget) {
        problems.add(step + ": " + c.statements() + " statements, budget " + budget);
      }
    }
    budgets.keySet().stream().filter(step -> !measured.containsKey(step))
        .forEach(step -> problems.add(step + ": in " + BUDGETS + " but no longer run"));
    table.append(String.format("%-78s %6d%n", "total", total));
    System.out.println(table);
    Path out = Path.of("target", "statement-counts.csv");
    Files.createDirectories(out.getParent());
    Files.writeString(out, csv);

    assertThat(problems).as("statement budgets (table above; suggested budgets in %s)", out).isEmpty();
  }

  /** The budget a step gets: measured + 10 %, at least + 2. */
  static int withHeadroom(int statements) {
    return statements + Math.max(2, (int) Math.ceil(statements * 0.10));
  }

  // ---- the journey, one counted transaction at a time ----

  private void journeyToClosed(String name) {
    ProcessInstance intake = step("intake | start " + IntakeProcess.KEY, "rae.requester",
        () -> runtimeService.startProcessInstanceByKey(IntakeProcess.KEY, request(name)));
    String key = intake.getBusinessKey();
    jobs("intake", key);
    Task screening = task(intake, IntakeProcess.TASK_SCREEN_REQUEST);
    String screener = taskService.getIdentityLinksForTask(screening.getId()).stream()
        .anyMatch(l -> "portfolio-board".equals(l.getGroupId())) ? "bob.board" : "pat.pmo";
    completeCounted("intake", screener, key, IntakeProcess.TASK_SCREEN_REQUEST, decision("APPROVED", null));

    completeCounted("initiation", "sam.sponsor", key, TASK_ASSIGN_PM_BY_SPONSOR,
        Map.of(PROJECT_MANAGER, "mia.manager"));
    completeCounted("initiation", "mia.manager", key, TASK_DRAFT_CHARTER, charter());
    completeCounted("initiation", "mia.manager", key, TASK_ASSEMBLE_TEAM, team());
    completeCounted("initiation", "mia.manager", key, TASK_ASSESS_INITIAL_RISKS, initialRisks());
    completeCounted("charter gate", "sam.sponsor", key, PhaseGateProcess.TASK_SIGN_OFF_BY_SPONSOR,
        decision("APPROVED", "Go"));
    assertThat(phaseOf(key)).isEqualTo("PLANNING");

    completeCounted("planning", "mia.manager", key, TASK_DRAFT_PLAN, plan());
    completeCounted("plan gate", "sam.sponsor", key, PhaseGateProcess.TASK_SIGN_OFF_BY_SPONSOR,
        decision("APPROVED", null));
    assertThat(phaseOf(key)).isEqualTo("EXECUTION");

    List<Task> packages = taskService.createTaskQuery().processInstanceBusinessKey(key)
        .taskDefinitionKey(TASK_REPORT_WORK_PACKAGE_DONE).orderByTaskAssignee().asc().list();
    assertThat(packages).extracting(Task::getAssignee).containsExactly("mia.manager", "rae.requester");
    completeCounted("execution", "mia.manager", key, packages.get(0), Map.of(COMPLETED_ON, "2027-01-29",
        ACTUAL_COST, 4_500.0, COMPLETION_NOTE, "done"));
    completeCounted("execution", "rae.requester", key, packages.get(1), Map.of(COMPLETED_ON, "2027-06-04",
        ACTUAL_COST, 33_000.0, COMPLETION_NOTE, "done"));
    completeCounted("execution", "mia.manager", key, TASK_UPDATE_EXECUTION, new HashMap<>(Map.of(NEW_ISSUES,
        List.of(Map.of("title", "Old pages use macros", "severity", "HIGH", "owner", "rae.requester")))));
    completeCounted("execution", "mia.manager", key, TASK_UPDATE_EXECUTION, new HashMap<>(Map.of(MILESTONE_UPDATES,
        milestoneUpdates(key, "DONE", "2027-03-01", "DONE", "2027-06-04", null), ISSUE_UPDATES,
        List.of(Map.of("issueId", issueId(key), "title", "Old pages use macros", "status", "CLOSED")),
        DELIVERABLES_READY, true)));

    completeCounted("closure readiness gate", "sam.sponsor", key, PhaseGateProcess.TASK_SIGN_OFF_BY_SPONSOR,
        decision("APPROVED", null));
    assertThat(phaseOf(key)).isEqualTo("CLOSURE");
    completeCounted("acceptance gate", "sam.sponsor", key, PhaseGateProcess.TASK_SIGN_OFF_BY_SPONSOR,
        decision("APPROVED", "Accepted"));
    completeCounted("closure", "mia.manager", key, TASK_ARCHIVE_DOCUMENTS, Map.of(DOCUMENTS, List.of(
        Map.of("title", "Charter", "url", "https://docs.example/wiki/charter"))));
    completeCounted("closure", "mia.manager", key, TASK_CAPTURE_LESSONS, Map.of(LESSONS, List.of(Map.of("category",
        "SCHEDULE", "wentWell", "Champions per team", "toImprove", "Macro pages took long", "recommendation",
        "Inventory macros before migrating"))));

    assertThat(phaseOf(key)).isEqualTo("CLOSED");
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
        .processInstanceBusinessKey(key).finished().count()).as("lifecycle of %s ended", key).isEqualTo(1);
  }

  /** Claims the task if needed (a request of its own, not counted), completes it counted, then runs the jobs. */
  private void completeCounted(String stage, String user, String key, String taskDefinitionKey,
      Map<String, Object> variables) {
    completeCounted(stage, user, key, taskOf(key, taskDefinitionKey), variables);
  }

  private void completeCounted(String stage, String user, String key, Task task, Map<String, Object> variables) {
    if (task.getAssignee() == null) {
      as(user, () -> taskService.claim(task.getId(), user));
    }
    step(stage + " | complete " + task.getTaskDefinitionKey(), user, () -> {
      taskService.complete(task.getId(), variables);
      return null;
    });
    jobs(stage, key);
  }

  /** Runs the project's due async continuations one by one, each counted, until none is left. */
  private void jobs(String stage, String key) {
    for (int round = 0; round < 50; round++) {
      List<String> instances = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key)
          .list().stream().map(ProcessInstance::getId).toList();
      List<Job> jobs = instances.stream().flatMap(id -> managementService.createJobQuery().processInstanceId(id)
          .executable().messages().list().stream())
          .sorted(Comparator.comparing(Job::getProcessDefinitionKey).thenComparing(Job::getCreateTime)
              .thenComparing(Job::getId))
          .toList();
      if (jobs.isEmpty()) {
        return;
      }
      for (Job job : jobs) {
        String configuration = managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
            .singleResult().getJobConfiguration();
        String activity = managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
            .singleResult().getActivityId();
        step(stage + " | job " + job.getProcessDefinitionKey() + ":" + activity + " " + configuration, null, () -> {
          managementService.executeJob(job.getId());
          return null;
        });
      }
    }
    throw new AssertionError("async jobs keep coming for " + key);
  }

  /** One counted transaction, as {@code user} (the lookup of the user's groups is not counted). */
  private <T> T step(String name, String user, Supplier<T> call) {
    Supplier<T> counted = () -> {
      counter.start();
      try {
        return call.get();
      } finally {
        record(name, counter.stop());
      }
    };
    return user == null ? counted.get() : as(user, counted);
  }

  private void record(String name, StatementCounter.Counts counts) {
    String step = name;
    for (int n = 2; measured.containsKey(step); n++) {
      step = name + " #" + n;
    }
    measured.put(step, counts);
  }

  private static Map<String, Integer> readBudgets() throws IOException {
    Map<String, Integer> budgets = new LinkedHashMap<>();
    try (InputStream in = StatementBudgetTest.class.getResourceAsStream(BUDGETS)) {
      assertThat(in).as(BUDGETS).isNotNull();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("step,")) {
          continue;
        }
        String[] cells = trimmed.split(",");
        budgets.put(cells[0].strip(), Integer.parseInt(cells[1].strip()));
      }
    }
    return budgets;
  }
}
