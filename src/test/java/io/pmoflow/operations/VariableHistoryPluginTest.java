package io.pmoflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.pmoflow.process.ScenarioSupport;
import io.pmoflow.process.intake.IntakeProcess;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/** Full history without {@code act_hi_detail} rows for variable writes, and everything else still written. */
class VariableHistoryPluginTest extends ScenarioSupport {

  @Test
  void aScreeningLeavesItsDecisionAuditAndLatestValuesButNoVariableDetailRows() {
    ProcessInstance intake = startIntake("rae.requester", request("History without details"));
    complete("pat.pmo", intake, IntakeProcess.TASK_SCREEN_REQUEST, decision("APPROVED", "fits the strategy"));
    String id = intake.getId();

    assertThat(historyService.createHistoricDetailQuery().processInstanceId(id).count())
        .as("no detail row for any variable write").isZero();
    HistoricVariableInstance decision = historyService.createHistoricVariableInstanceQuery().processInstanceId(id)
        .variableName("decision").singleResult();
    assertThat(decision.getValue()).as("the latest value is kept").isEqualTo("APPROVED");
    assertThat(historyService.createUserOperationLogQuery().processInstanceId(id)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).singleResult().getUserId())
        .as("who completed the screening").isEqualTo("pat.pmo");
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(id)
        .activityId(IntakeProcess.TASK_SCREEN_REQUEST).finished().count()).isOne();
    assertThat(historyService.createHistoricDecisionInstanceQuery().processInstanceId(id).count())
        .as("the governance decision's history, which the audit needs").isPositive();
  }

  @Test
  void theSettingSwitchesTheDetailRowsOnAndOffOnAnUnchangedFullHistoryEngine() {
    assertThat(detailRowsAfterTwoWrites(new VariableHistoryPlugin(true))).as("kept: one per write").isEqualTo(2);
    assertThat(detailRowsAfterTwoWrites(new VariableHistoryPlugin(false))).as("left out").isZero();
  }

  /** A FULL-history engine with the plugin: one variable written twice; its detail rows, after checking the rest. */
  private static long detailRowsAfterTwoWrites(ProcessEnginePlugin plugin) {
    String name = "variable-history-" + UUID.randomUUID();
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    configuration.setHistory("full");
    configuration.setProcessEnginePlugins(List.of(plugin));
    ProcessEngine engine = configuration.buildProcessEngine();
    try {
      engine.getRepositoryService().createDeployment().addModelInstance("wait.bpmn", Bpmn
          .createExecutableProcess("wait").camundaHistoryTimeToLive(1).startEvent().userTask("Task_Wait").endEvent()
          .done()).deploy();
      String id = engine.getRuntimeService().startProcessInstanceByKey("wait").getId();
      engine.getRuntimeService().setVariables(id, Map.of("budget", 100));
      engine.getRuntimeService().setVariables(id, Map.of("budget", 120));
      HistoryService history = engine.getHistoryService();
      assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(id).singleResult().getValue())
          .isEqualTo(120);
      assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(id).count()).isEqualTo(2);
      return history.createHistoricDetailQuery().processInstanceId(id).count();
    } finally {
      engine.close();
    }
  }
}
