package io.pmoflow.operations;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Full history without the variable-update details: every write of a process variable otherwise adds a row to
 * {@code act_hi_detail} (and its value's byte array), and a project's lifecycle writes about 270 of them — the
 * largest single cost PMO Flow adds to the engine's history (issue #7, bench/RESULTS.md). Nothing in PMO Flow reads
 * them: who decided what, when and why is in the project store's history ({@code GET /api/projects/{key}}),
 * decisions in the engine's decision history, actions on tasks and instances in the user operation log, and each
 * variable's latest value in the historic variable instances. All of those are still written; only the per-write
 * detail rows are not. {@code pmo.history.variable-updates=true} keeps them (the engine's own FULL behaviour).
 *
 * <p>The engine's history level stays FULL, so nothing stored in an existing database changes and the setting can be
 * switched either way at any restart. The engine's default database handler is replaced by the same handler with
 * the detail rows switched off; other plugins' handlers (metrics, Spring events) are kept after it.
 */
@Component
public class VariableHistoryPlugin extends AbstractProcessEnginePlugin {

  private final boolean variableUpdates;

  public VariableHistoryPlugin(@Value("${pmo.history.variable-updates:false}") boolean variableUpdates) {
    this.variableUpdates = variableUpdates;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (variableUpdates) {
      return;
    }
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    List<HistoryEventHandler> handlers = new ArrayList<>();
    handlers.add(new WithoutVariableUpdates());
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  /** The engine's database history handler, minus the rows of {@code act_hi_detail} for variable writes. */
  static final class WithoutVariableUpdates extends DbHistoryEventHandler {
    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
      return false;
    }
  }
}
