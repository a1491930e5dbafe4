package io.pmoflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.pmoflow.TestProfiles;
import io.pmoflow.process.intake.IntakeProcess;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Base of the process scenarios: the real application (delegates, DMN, store, notifications) on the test
 * profile's database, job executor off. Helpers act as a given user, with that user's authorizations, as
 * Tasklist and the REST API do. Flow node and sequence flow coverage is reported per class in
 * target/process-test-coverage/.
 */
@SpringBootTest
@ActiveProfiles(resolver = TestProfiles.class)
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public abstract class ScenarioSupport {

  @Autowired protected RuntimeService runtimeService;
  @Autowired protected TaskService taskService;
  @Autowired protected ManagementService managementService;
  @Autowired protected IdentityService identityService;
  @Autowired protected HistoryService historyService;
  @Autowired protected JdbcClient jdbc;
  @Autowired protected ProcessEngine processEngine;

  /**
   * camunda-bpm-assert keeps the engine it first met in a static field; test classes with their own Spring
   * context (and engine) would otherwise assert against another class's engine.
   */
  @BeforeEach
  void bindAssertionsToThisEngine() {
    AbstractAssertions.init(processEngine);
  }

  /** Runs an engine call as {@code userId}, with the user's groups, as Tasklist or the REST API would. */
  protected <T> T as(String userId, Supplier<T> call) {
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).toList();
    identityService.setAuthentication(userId, groups);
    try {
      return call.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  protected void as(String userId, Runnable call) {
    as(userId, () -> {
      call.run();
      return null;
    });
  }

  /** A valid request, SUPPORTIVE by the default policy; tests change what they need. */
  public static Map<String, Object> request(String name) {
    Map<String, Object> v = new HashMap<>();
    v.put(IntakeProcess.PROJECT_NAME, name);
    v.put(IntakeProcess.DESCRIPTION, "Replace the spreadsheets of " + name);
    v.put(IntakeProcess.BUSINESS_UNIT, "Operations");
    v.put(IntakeProcess.SPONSOR, "sam.sponsor");
    v.put(IntakeProcess.ESTIMATED_BUDGET, 50_000.0);
    v.put(IntakeProcess.STRATEGIC_ALIGNMENT, 3L);
    v.put(IntakeProcess.COMPLEXITY, "LOW");
    v.put(IntakeProcess.RISK_LEVEL, "LOW");
    v.put(IntakeProcess.CROSS_DEPARTMENTAL, false);
    v.put(IntakeProcess.REGULATORY, false);
    v.put(IntakeProcess.REQUESTED_START, "2027-01-04");
    v.put(IntakeProcess.REQUESTED_END, "2027-06-30");
    return v;
  }

  protected ProcessInstance startIntake(String requester, Map<String, Object> variables) {
    return as(requester, () -> runtimeService.startProcessInstanceByKey(IntakeProcess.KEY, variables));
  }

  protected Task task(ProcessInstance instance, String taskDefinitionKey) {
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(taskDefinitionKey).singleResult();
    assertThat(task).as("open task %s", taskDefinitionKey).isNotNull();
    return task;
  }

  protected void complete(String userId, ProcessInstance instance, String taskDefinitionKey,
      Map<String, Object> variables) {
    Task task = task(instance, taskDefinitionKey);
    as(userId, () -> {
      if (task.getAssignee() == null) {
        taskService.claim(task.getId(), userId);
      }
      taskService.complete(task.getId(), variables);
    });
  }

  /** The open task of a project's lifecycle or of the gate it is at (both carry the project key). */
  protected Task taskOf(String projectKey, String taskDefinitionKey) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(projectKey)
        .taskDefinitionKey(taskDefinitionKey).singleResult();
    assertThat(task).as("open task %s of %s", taskDefinitionKey, projectKey).isNotNull();
    return task;
  }

  protected void completeTask(String userId, String projectKey, String taskDefinitionKey,
      Map<String, Object> variables) {
    Task task = taskOf(projectKey, taskDefinitionKey);
    as(userId, () -> {
      if (task.getAssignee() == null) {
        taskService.claim(task.getId(), userId);
      }
      taskService.complete(task.getId(), variables);
    });
  }

  /** Open tasks of a project, lifecycle and gates together, as "taskDefinitionKey:assignee". */
  protected List<String> openTasks(String projectKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(projectKey).list().stream()
        .map(t -> t.getTaskDefinitionKey() + ":" + t.getAssignee()).sorted().toList();
  }

  /** Executes the due async continuations (not timers) of every instance of a project until none is left. */
  protected void executeProjectJobs(String projectKey) {
    for (int round = 0; round < 50; round++) {
      List<String> instances = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(projectKey)
          .list().stream().map(ProcessInstance::getId).toList();
      List<Job> jobs = instances.stream().flatMap(id -> managementService.createJobQuery().processInstanceId(id)
          .executable().messages().list().stream()).toList();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
    throw new AssertionError("async jobs keep coming for " + projectKey);
  }

  /** Executes the due async continuations (not timers) of an instance until none is left. */
  protected void executeAsyncJobs(ProcessInstance instance) {
    for (int round = 0; round < 20; round++) {
      List<Job> jobs = managementService.createJobQuery().processInstanceId(instance.getId()).executable()
          .messages().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
    throw new AssertionError("async jobs keep coming for " + instance.getId());
  }

  protected Job timer(ProcessInstance instance, String activityId) {
    Job job = managementService.createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId(activityId).singleResult();
    assertThat(job).as("timer on %s", activityId).isNotNull();
    return job;
  }

  protected ProcessInstance lifecycleOf(String projectKey) {
    ProcessInstance lifecycle = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey("projectLifecycle").processInstanceBusinessKey(projectKey).singleResult();
    assertThat(lifecycle).as("lifecycle of %s", projectKey).isNotNull();
    return lifecycle;
  }

  protected String projectKey(ProcessInstance instance) {
    return (String) runtimeService.getVariable(instance.getId(), IntakeProcess.PROJECT_KEY);
  }

  protected String phaseOf(String projectKey) {
    return jdbc.sql("select phase from pmo_project where project_key = :k").param("k", projectKey)
        .query(String.class).single();
  }

  protected long projectCount() {
    return jdbc.sql("select count(*) from pmo_project").query(Long.class).single();
  }

  protected List<String> historyTypes(String projectKey) {
    return jdbc.sql("select entry_type from pmo_project_history where project_key = :k order by id")
        .param("k", projectKey).query(String.class).list();
  }

  /** Notifications of a project as "recipient:KIND", oldest first. */
  protected List<String> notifications(String projectKey) {
    return jdbc.sql("select recipient, kind from pmo_notification where project_key = :k order by id")
        .param("k", projectKey).query((rs, n) -> rs.getString("recipient") + ":" + rs.getString("kind")).list();
  }

  /** A user in the given groups, created once per test context. */
  protected void ensureUser(String userId, String... groups) {
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      User user = identityService.newUser(userId);
      user.setFirstName(userId);
      user.setLastName("Test");
      user.setEmail(userId + "@pmo-flow.example");
      user.setPassword("demo");
      identityService.saveUser(user);
      for (String group : groups) {
        identityService.createMembership(userId, group);
      }
    }
  }

  public static Map<String, Object> decision(String decision, String comment) {
    Map<String, Object> v = new HashMap<>();
    v.put("decision", decision);
    v.put("decisionComment", comment);
    return v;
  }
}
