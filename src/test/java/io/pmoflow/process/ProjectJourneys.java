package io.pmoflow.process;

import static io.pmoflow.process.lifecycle.LifecycleProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.pmoflow.process.gate.PhaseGateProcess;
import io.pmoflow.process.intake.IntakeProcess;
import io.pmoflow.process.monitoring.MonitoringProcess;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Ways to bring a project to a point of its lifecycle as the demo users would, for scenarios that start there:
 * approved, at the charter gate, in planning, in execution.
 */
public abstract class ProjectJourneys extends ScenarioSupport {


  /** Approved by the group pmoGovernance routed the screening to (bob.board for DIRECTIVE, pat.pmo otherwise). */
  protected String approvedProject(Map<String, Object> request) {
    ProcessInstance intake = startIntake("rae.requester", request);
    boolean board = taskService.getIdentityLinksForTask(task(intake, IntakeProcess.TASK_SCREEN_REQUEST).getId())
        .stream().anyMatch(l -> "portfolio-board".equals(l.getGroupId()));
    complete(board ? "bob.board" : "pat.pmo", intake, IntakeProcess.TASK_SCREEN_REQUEST, decision("APPROVED", null));
    executeAsyncJobs(intake);
    return intake.getBusinessKey();
  }

  protected String approvedProject(Map<String, Object> request, String screener) {
    ProcessInstance intake = startIntake("rae.requester", request);
    complete(screener, intake, IntakeProcess.TASK_SCREEN_REQUEST, decision("APPROVED", null));
    executeAsyncJobs(intake);
    return intake.getBusinessKey();
  }

  protected String inInitiationAtCharterGate(String name) {
    return inInitiationAtCharterGate(request(name));
  }

  protected String inInitiationAtCharterGate(Map<String, Object> request) {
    String key = approvedProject(request);
    String assign = "DIRECTIVE".equals(runtimeService.getVariable(lifecycleOf(key).getId(), PMO_TYPE))
        ? TASK_ASSIGN_PM_BY_PMO : TASK_ASSIGN_PM_BY_SPONSOR;
    completeTask("DIRECTIVE".equals(runtimeService.getVariable(lifecycleOf(key).getId(), PMO_TYPE)) ? "pat.pmo"
        : "sam.sponsor", key, assign, Map.of(PROJECT_MANAGER, "mia.manager"));
    initiate(key);
    return key;
  }

  protected String inPlanning(String name) {
    return inPlanning(request(name));
  }

  /** Charter gate passed as the default policy routes it (the PMO reviews CONTROLLING projects first). */
  protected String inPlanning(Map<String, Object> request) {
    String key = inInitiationAtCharterGate(request);
    passGate(key);
    return key;
  }

  protected String inExecution(String name) {
    return inExecution(request(name), plan());
  }

  protected String inExecution(Map<String, Object> request, Map<String, Object> plan) {
    String key = inPlanning(request);
    completeTask("mia.manager", key, TASK_DRAFT_PLAN, plan);
    executeProjectJobs(key);
    passGate(key);
    return key;
  }

  /** Approves the gate the project is at: PMO review if there is one, then the sign-off. */
  protected void passGate(String key) {
    if (taskService.createTaskQuery().processInstanceBusinessKey(key)
        .taskDefinitionKey(PhaseGateProcess.TASK_REVIEW_GATE).count() > 0) {
      reviewGate(key, "pat.pmo", "APPROVED", null);
    }
    Task signOff = taskService.createTaskQuery().processInstanceBusinessKey(key)
        .taskDefinitionKeyIn(PhaseGateProcess.TASK_SIGN_OFF_BY_SPONSOR, PhaseGateProcess.TASK_SIGN_OFF_BY_GROUP)
        .singleResult();
    String approver = signOff.getAssignee() != null ? signOff.getAssignee()
        : taskService.getIdentityLinksForTask(signOff.getId()).stream()
            .anyMatch(l -> "portfolio-board".equals(l.getGroupId())) ? "bob.board" : "pat.pmo";
    decideGate(key, approver, "APPROVED", null);
  }

  protected void initiate(String key) {
    completeTask("mia.manager", key, TASK_DRAFT_CHARTER, charter());
    completeTask("mia.manager", key, TASK_ASSEMBLE_TEAM, team());
    completeTask("mia.manager", key, TASK_ASSESS_INITIAL_RISKS, initialRisks());
    executeProjectJobs(key);
  }

  protected void initiateAgain(String key) {
    initiate(key);
  }

  protected void decideGate(String key, String user, String decision, String comment) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(key)
        .taskDefinitionKeyIn(PhaseGateProcess.TASK_SIGN_OFF_BY_SPONSOR, PhaseGateProcess.TASK_SIGN_OFF_BY_GROUP)
        .singleResult();
    assertThat(task).as("a gate sign-off of %s", key).isNotNull();
    completeTask(user, key, task.getTaskDefinitionKey(), decision(decision, comment));
    executeProjectJobs(key);
  }

  protected void reviewGate(String key, String user, String decision, String comment) {
    completeTask(user, key, PhaseGateProcess.TASK_REVIEW_GATE, decision(decision, comment));
    executeProjectJobs(key);
  }

  protected void reportWorkPackage(Task task, String owner, String completedOn, double cost) {
    as(owner, () -> taskService.complete(task.getId(), Map.of(COMPLETED_ON, completedOn, ACTUAL_COST, cost,
        COMPLETION_NOTE, "done")));
  }

  protected void progress(String key, Map<String, Object> update) {
    completeTask("mia.manager", key, TASK_UPDATE_EXECUTION, new HashMap<>(update));
    executeProjectJobs(key);
  }

  protected List<Map<String, Object>> milestoneUpdates(String key, String first, String firstDate, String second,
      String secondDate, String waiver) {
    List<Long> ids = jdbc.sql("select id from pmo_milestone where project_key = :k order by position")
        .param("k", key).query(Long.class).list();
    Map<String, Object> a = new HashMap<>(Map.of("milestoneId", ids.get(0), "status", first));
    a.put("actualDate", firstDate);
    Map<String, Object> b = new HashMap<>();
    b.put("milestoneId", ids.get(1));
    b.put("status", second == null ? "PLANNED" : second);
    b.put("actualDate", secondDate);
    b.put("waiverReason", waiver);
    return List.of(a, b);
  }

  protected long issueId(String key) {
    return jdbc.sql("select id from pmo_issue where project_key = :k").param("k", key).query(Long.class).single();
  }

  protected ProcessInstance gateInstance(String key) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(PhaseGateProcess.KEY)
        .processInstanceBusinessKey(key).singleResult();
  }

  public static Map<String, Object> charter() {
    Map<String, Object> v = new HashMap<>();
    v.put(OBJECTIVES, "One place for team knowledge");
    v.put(SCOPE_IN, "All teams of operations");
    v.put(SCOPE_OUT, "Customer-facing documentation");
    v.put(DELIVERABLES, "Wiki, migrated content, training");
    v.put(ACCEPTANCE_CRITERIA, "80 % of pages migrated; 3 trainings held");
    v.put(BUDGET_ESTIMATE, 45_000.0);
    v.put(MILESTONES, List.of(Map.of("name", "Wiki live", "dueDate", "2027-03-01"),
        Map.of("name", "Content migrated", "dueDate", "2027-05-31")));
    v.put(STAKEHOLDERS, List.of(Map.of("name", "Operations leads", "role", "Users")));
    v.put(ASSUMPTIONS, "Teams free one hour a week");
    v.put(CONSTRAINTS, "Hosted in the EU");
    return v;
  }

  public static Map<String, Object> team() {
    Map<String, Object> team = new HashMap<>();
    team.put(TEAM_MEMBERS, List.of(
        Map.of("userId", "mia.manager", "role", "Project manager", "allocationPercent", 50),
        Map.of("userId", "rae.requester", "role", "Business analyst", "allocationPercent", 20L)));
    return team;
  }

  public static Map<String, Object> initialRisks() {
    Map<String, Object> risks = new HashMap<>();
    risks.put(RISKS, "[{\"title\":\"Low adoption\",\"probability\":2,\"impact\":3,\"response\":\"Champions\"}]");
    return risks;
  }

  public static Map<String, Object> plan() {
    Map<String, Object> v = new HashMap<>();
    v.put(PLANNED_START, "2027-01-04");
    v.put(PLANNED_END, "2027-06-30");
    v.put(WORK_PACKAGES, List.of(
        Map.of("name", "Set up wiki", "owner", "mia.manager", "estimateDays", 5, "start", "2027-01-04",
            "end", "2027-01-29"),
        Map.of("name", "Migrate content", "owner", "rae.requester", "estimateDays", 20.5, "start", "2027-02-01",
            "end", "2027-05-28")));
    v.put(PLAN_MILESTONES, List.of(Map.of("name", "Wiki live", "dueDate", "2027-03-01"),
        Map.of("name", "Content migrated", "dueDate", "2027-05-31")));
    v.put(BUDGET_LINES, List.of(Map.of("category", "LABOUR", "amount", 30_000),
        Map.of("category", "SOFTWARE", "amount", 12_000.0)));
    // no resource plan by default: the shared test database would make every CONTROLLING plan a resource conflict
    v.put(COMMUNICATIONS, List.of(Map.of("audience", "Operations leads", "content", "Status and next steps",
        "channel", "EMAIL", "frequency", "WEEKLY")));
    v.put(PLAN_RISKS, List.of(Map.of("title", "Low adoption", "probability", 2, "impact", 3,
        "response", "Champions in every team")));
    v.put(QUALITY_STANDARDS, "Company documentation guideline");
    v.put(QUALITY_ACCEPTANCE_CRITERIA, "Every page has an owner");
    return v;
  }


  // ---- monitoring ----

  protected ProcessInstance monitoringOf(String key) {
    ProcessInstance instance = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(MonitoringProcess.KEY).processInstanceBusinessKey(key).singleResult();
    assertThat(instance).as("monitoring of %s", key).isNotNull();
    return instance;
  }

  /** The cadence timer fires: the manager's status report is due. */
  protected void fireStatusReportTimer(String key, ProcessInstance monitoring) {
    managementService.executeJob(timer(monitoring, MonitoringProcess.TIMER_STATUS_REPORT_DUE).getId());
    executeProjectJobs(key);
  }

  /** A plan whose baseline runs from 50 days ago to 49 days ahead: half of it has passed today. */
  protected static Map<String, Object> planAroundToday() {
    Map<String, Object> plan = plan();
    LocalDate start = LocalDate.now().minusDays(50);
    LocalDate end = LocalDate.now().plusDays(49);
    plan.put(PLANNED_START, start.toString());
    plan.put(PLANNED_END, end.toString());
    plan.put(WORK_PACKAGES, List.of(
        Map.of("name", "Build", "owner", "mia.manager", "estimateDays", 40, "start", start.toString(),
            "end", end.toString())));
    plan.put(PLAN_MILESTONES, List.of(Map.of("name", "Go live", "dueDate", end.toString())));
    return plan;
  }

  protected static Map<String, Object> statusReport(long percent, double cost) {
    Map<String, Object> v = new HashMap<>();
    v.put(MonitoringProcess.PERCENT_COMPLETE, percent);
    v.put(MonitoringProcess.ACTUAL_COST_TO_DATE, cost);
    v.put(MonitoringProcess.NARRATIVE, "Migration under way");
    v.put(MonitoringProcess.NEXT_STEPS, "Finish the archive");
    return v;
  }

  /** The first status report of a project in execution, submitted by its manager. */
  protected void reportStatus(String key, long percent, double cost) {
    fireStatusReportTimer(key, monitoringOf(key));
    completeTask("mia.manager", key, MonitoringProcess.TASK_SUBMIT_STATUS_REPORT, statusReport(percent, cost));
    executeProjectJobs(key);
  }
}
