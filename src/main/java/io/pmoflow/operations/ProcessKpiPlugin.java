package io.pmoflow.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Counts process instances started and completed, per process definition key, as
 * {@code pmo_process_instances_started_total{process}} and {@code pmo_process_instances_completed_total{process}}.
 *
 * <p>The engine's history events see every start and end (called processes included); the counter moves only when
 * the transaction commits, so a start refused by validation (rolled back) is not counted. "Completed" means ended
 * normally; instances deleted or cancelled by an operator are not counted. Needs history level ACTIVITY or more
 * (PMO Flow runs FULL).
 */
@Component
public class ProcessKpiPlugin extends AbstractProcessEnginePlugin {

  static final String STARTED = "pmo.process.instances.started";
  static final String COMPLETED = "pmo.process.instances.completed";

  private final MeterRegistry registry;

  public ProcessKpiPlugin(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // other plugins (the starter's event bridge) add handlers too: append, never replace
    List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    handlers.add(new KpiHistoryEventHandler());
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  /**
   * Not a bean of its own: the Camunda starter adds a {@code HistoryEventHandler} bean to the engine by itself, and
   * the plugin adds this one, so as a bean it would count every event twice.
   */
  private final class KpiHistoryEventHandler implements HistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!(event instanceof HistoricProcessInstanceEventEntity instance) || event.getProcessDefinitionKey() == null) {
        return;
      }
      String name;
      if (instance.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_START)) {
        name = STARTED;
      } else if (instance.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_END)
          && HistoricProcessInstance.STATE_COMPLETED.equals(instance.getState())) {
        name = COMPLETED;
      } else {
        return;
      }
      Counter counter = Counter.builder(name).tag("process", event.getProcessDefinitionKey())
          .description(name.equals(STARTED) ? "Process instances started" : "Process instances completed")
          .register(registry);
      CommandContext command = Context.getCommandContext();
      if (command == null) {
        counter.increment();
      } else {
        command.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, c -> counter.increment());
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }
  }
}
