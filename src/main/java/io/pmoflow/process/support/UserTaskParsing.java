package io.pmoflow.process.support;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** Adds task listeners to every user task of every model as it is parsed (engine plugins, in {@code preInit}). */
final class UserTaskParsing {

  private UserTaskParsing() {
  }

  /** Calls {@code action} with each parsed user task's activity and definition, after the other parse listeners. */
  static void onEveryUserTask(ProcessEngineConfigurationImpl configuration,
      BiConsumer<ActivityImpl, TaskDefinition> action) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        action.accept(activity, ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition());
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }
}
