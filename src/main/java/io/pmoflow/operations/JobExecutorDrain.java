package io.pmoflow.operations;

import java.time.Duration;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets the job executor finish before the application exits, so no job stays locked by a node that is gone
 * (another node would wait for the lock to expire, five minutes by default, before running it).
 *
 * <p>Order matters: first the acquisition stops (no new job is locked); then the pool is shut down without
 * interrupting anyone. Running jobs finish and commit; jobs acquired but still queued are unlocked by Camunda's
 * {@code ExecuteJobsRunnable}, which unlocks instead of executing once the executor is no longer active. Left to
 * the context, Spring may shut the pool down first, and jobs then acquired are rejected and stay locked.
 */
public class JobExecutorDrain {

  private static final Logger LOG = LoggerFactory.getLogger(JobExecutorDrain.class);

  private final JobExecutor jobExecutor;
  private final ThreadPoolExecutor pool;
  private final Duration timeout;

  public JobExecutorDrain(JobExecutor jobExecutor, ThreadPoolExecutor pool, Duration timeout) {
    this.jobExecutor = jobExecutor;
    this.pool = pool;
    this.timeout = timeout;
  }

  /** @return true when every running job finished and every queued one was unlocked within the timeout */
  public boolean drain() {
    if (!jobExecutor.isActive()) {
      return true;
    }
    LOG.info("Stopping job acquisition; waiting up to {} for {} running and {} queued job batches",
        timeout, pool.getActiveCount(), pool.getQueue().size());
    jobExecutor.shutdown();
    pool.shutdown();
    try {
      if (pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.info("Job executor drained: no job of this node is left locked");
        return true;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.warn("{} job batches still running after {}: their locks expire after the job executor's lock time",
        pool.getActiveCount(), timeout);
    return false;
  }
}
