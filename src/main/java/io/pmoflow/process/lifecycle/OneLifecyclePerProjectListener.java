package io.pmoflow.process.lifecycle;

import io.pmoflow.project.LifecycleAlreadyRunningException;
import io.pmoflow.project.LifecycleRegistry;
import io.pmoflow.project.ProjectNotFoundException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The process-level start and end listener of {@code projectLifecycle}: registers the instance as its project's one
 * lifecycle in the starting transaction, and releases it when the instance ends. A second start for a project
 * (or one for a business key that is no project) is refused with a 400 over REST, or an incident naming the
 * project when a job started it.
 */
@Component("oneLifecyclePerProject")
public class OneLifecyclePerProjectListener implements ExecutionListener {

  private final LifecycleRegistry registry;
  private final RuntimeService runtimeService;

  public OneLifecyclePerProjectListener(LifecycleRegistry registry, RuntimeService runtimeService) {
    this.registry = registry;
    this.runtimeService = runtimeService;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    if (EVENTNAME_END.equals(execution.getEventName())) {
      registry.release(key, execution.getProcessInstanceId());
      return;
    }
    if (key == null || key.isBlank()) {
      throw new BadUserRequestException("A project lifecycle needs the project key as business key");
    }
    try {
      registry.register(key, execution.getProcessInstanceId(),
          other -> runtimeService.createProcessInstanceQuery().processInstanceId(other).count() > 0);
    } catch (LifecycleAlreadyRunningException | ProjectNotFoundException e) {
      throw new BadUserRequestException(e.getMessage(), e);
    }
  }
}
