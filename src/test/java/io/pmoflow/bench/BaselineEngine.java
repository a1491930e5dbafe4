package io.pmoflow.bench;

import static io.pmoflow.process.lifecycle.LifecycleProcess.*;

import com.zaxxer.hikari.HikariDataSource;
import io.pmoflow.process.gate.PhaseGateProcess;
import io.pmoflow.process.intake.IntakeProcess;
import io.pmoflow.process.support.JsonVariables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

/**
 * The baseline the lifecycle benchmark compares PMO Flow with: a bare Camunda engine (no Spring, no PMO Flow code,
 * same history level FULL, JSON serialization, the same pool) running the same BPMN shapes — PMO Flow's own models,
 * with every service task and business rule task turned into one no-op delegate and every execution and task
 * listener removed: no DMN, no store writes, no notifications, no separation-of-duties check.
 *
 * <p>"No-op" with one necessary exception: where a real delegate sets a variable a later gateway, assignment,
 * timer or multi-instance reads, {@link RoutingOnly} sets the value the happy path needs (a constant or the form's
 * own answer), and the step that starts the lifecycle starts it, so the baseline takes the same path through the
 * same elements. The settings beans the models' timer expressions name are PMO Flow's own (plain values).
 */
final class BaselineEngine {

  static final String NO_OP = "baselineNoOp";

  private BaselineEngine() {
  }

  static ProcessEngine build(String name, DataSource dataSource, Map<Object, Object> settingsBeans, Path processes,
      Path forms) {
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName(name);
    configuration.setDataSource(dataSource);
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setHistory("full");
    configuration.setJobExecutorActivate(false);
    configuration.setDefaultSerializationFormat("application/json");
    configuration.setEnforceHistoryTimeToLive(true);
    // the demo ids contain dots and hyphens (pat.pmo, project-managers), as PMO Flow's own whitelist allows
    configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9][a-zA-Z0-9._-]*");
    configuration.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
    Map<Object, Object> beans = new HashMap<>(settingsBeans);
    beans.put(NO_OP, new RoutingOnly());
    configuration.setBeans(beans);
    ProcessEngine engine = configuration.buildProcessEngine();
    createDemoUsers(engine);
    deploy(engine, processes, forms);
    return engine;
  }

  static HikariDataSource pool(String url, String user, int size) {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(url);
    pool.setUsername(user);
    pool.setPassword("");
    pool.setMaximumPoolSize(size);
    pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    pool.setAutoCommit(true);
    return pool;
  }

  /** Every model, stripped to its shapes; the forms as they are (task creation resolves nothing of them). */
  private static void deploy(ProcessEngine engine, Path processes, Path forms) {
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("baseline");
    try (Stream<Path> bpmn = Files.list(processes); Stream<Path> form = Files.list(forms)) {
      for (Path file : bpmn.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList()) {
        deployment.addModelInstance(file.getFileName().toString(), shapesOnly(Bpmn.readModelFromFile(file.toFile())));
      }
      for (Path file : form.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
        deployment.addString(file.getFileName().toString(), Files.readString(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    deployment.deploy();
  }

  static BpmnModelInstance shapesOnly(BpmnModelInstance model) {
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      task.setCamundaDelegateExpression("${" + NO_OP + "}");
    }
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      task.removeAttributeNs("http://camunda.org/schema/1.0/bpmn", "decisionRef");
      task.removeAttributeNs("http://camunda.org/schema/1.0/bpmn", "decisionRefBinding");
      task.removeAttributeNs("http://camunda.org/schema/1.0/bpmn", "mapDecisionResult");
      task.removeAttributeNs("http://camunda.org/schema/1.0/bpmn", "resultVariable");
      task.setCamundaDelegateExpression("${" + NO_OP + "}");
    }
    List<ModelElementInstance> listeners = new ArrayList<>();
    listeners.addAll(model.getModelElementsByType(CamundaExecutionListener.class));
    listeners.addAll(model.getModelElementsByType(CamundaTaskListener.class));
    for (ModelElementInstance listener : listeners) {
      listener.getParentElement().removeChildElement(listener);
    }
    return model;
  }

  private static void createDemoUsers(ProcessEngine engine) {
    Map<String, String> groupOf = Map.of("pat.pmo", "pmo", "bob.board", "portfolio-board", "mia.manager",
        "project-managers", "sam.sponsor", "sponsors", "rae.requester", "requesters");
    var identity = engine.getIdentityService();
    groupOf.forEach((userId, groupId) -> {
      if (identity.createUserQuery().userId(userId).count() > 0) {
        return;
      }
      if (identity.createGroupQuery().groupId(groupId).count() == 0) {
        identity.saveGroup(identity.newGroup(groupId));
      }
      User user = identity.newUser(userId);
      user.setPassword("demo");
      identity.saveUser(user);
      identity.createMembership(userId, groupId);
    });
  }

  /** Sets only what the path needs next; records, checks and sends nothing. */
  static final class RoutingOnly implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      switch (execution.getCurrentActivityId()) {
        case "Task_RecordRequest" -> execution.setVariable(IntakeProcess.PROJECT_KEY,
            execution.getProcessBusinessKey());
        case "Task_RecordGovernance" -> {
          execution.setVariable(PMO_TYPE, "SUPPORTIVE");
          execution.setVariable(IntakeProcess.INTAKE_APPROVER_GROUP, "pmo");
          execution.setVariable(STATUS_REPORT_CADENCE, "P30D");
        }
        case "Task_StartLifecycle" -> execution.getProcessEngineServices().getRuntimeService()
            .startProcessInstanceByKey(KEY, execution.getProcessBusinessKey(), Variables.createVariables()
                .putValue(PROJECT_KEY, execution.getVariable(IntakeProcess.PROJECT_KEY))
                .putValue(PHASE, "INITIATION")
                .putValue(SPONSOR, execution.getVariable(IntakeProcess.SPONSOR))
                .putValue(REQUESTER, execution.getVariable(IntakeProcess.REQUESTER))
                .putValue(PMO_TYPE, execution.getVariable(PMO_TYPE))
                .putValue(STATUS_REPORT_CADENCE, execution.getVariable(STATUS_REPORT_CADENCE))
                .putValue(PMO_MODEL, "INTERNAL")
                .putValue(PROJECT_NAME, execution.getVariable(IntakeProcess.PROJECT_NAME))
                .putValue(BUSINESS_UNIT, execution.getVariable(IntakeProcess.BUSINESS_UNIT))
                .putValue(ESTIMATED_BUDGET, execution.getVariable(IntakeProcess.ESTIMATED_BUDGET)));
        case "Task_PrepareGate" -> {
          execution.setVariable(PhaseGateProcess.GATE_REVIEW_REQUIRED, false);
          execution.setVariable(PhaseGateProcess.GATE_APPROVER_IS_SPONSOR, true);
          execution.setVariable(PhaseGateProcess.REVIEW_DECIDES_GATE, false);
        }
        case "Task_RecordGateReview", "Task_RecordGateSignOff" -> execution.setVariable(
            PhaseGateProcess.GATE_DECISION, execution.getVariable(DECISION));
        case "Task_CheckResourceConflicts" -> execution.setVariable(RESOURCE_CONFLICT, false);
        case "Task_AssignWorkPackages" -> execution.setVariable(OPEN_WORK_PACKAGES, JsonVariables.rows(List.of(
            workPackage(1, "Set up wiki", "mia.manager", "2027-01-04", "2027-01-29", 5),
            workPackage(2, "Migrate content", "rae.requester", "2027-02-01", "2027-05-28", 20.5))));
        default -> {
          // a store write, a notification or a check in PMO Flow: nothing here
        }
      }
    }

    private static Map<String, Object> workPackage(long id, String name, String owner, String start, String end,
        double estimateDays) {
      return Map.of("id", id, "name", name, "owner", owner, "start", start, "end", end, "estimateDays",
          estimateDays);
    }
  }
}
