package io.pmoflow.operations;

import java.util.concurrent.ThreadPoolExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Drains the job executor when the application context closes (SIGTERM, {@code /actuator/shutdown}, a test's
 * context). It runs first among the context-closed listeners, before the Camunda task executor shuts its pool down
 * on the same event; HTTP requests are drained afterwards by {@code server.shutdown: graceful}.
 */
@Component
class GracefulShutdown implements ApplicationListener<ContextClosedEvent>, Ordered {

  private final ObjectProvider<JobExecutor> jobExecutor;
  private final OperationsSettings settings;

  GracefulShutdown(ObjectProvider<JobExecutor> jobExecutor, OperationsSettings settings) {
    this.jobExecutor = jobExecutor;
    this.settings = settings;
  }

  @Override
  public void onApplicationEvent(ContextClosedEvent event) {
    JobExecutor executor = jobExecutor.getIfAvailable();
    if (executor instanceof SpringJobExecutor spring
        && spring.getTaskExecutor() instanceof ThreadPoolTaskExecutor tasks) {
      ThreadPoolExecutor pool = tasks.getThreadPoolExecutor();
      new JobExecutorDrain(executor, pool, settings.getJobDrainTimeout()).drain();
    }
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
