package io.pmoflow.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Graceful shutdown of the job executor on a real engine with a real thread pool (one thread, so the second and
 * third job wait in the queue, locked): a running job finishes and commits, queued jobs are unlocked for another
 * node, and nothing is left locked by this node. An engine of its own (unique name, its own in-memory database).
 */
class JobExecutorDrainTest {

  /** The async step's work: the first call blocks until the test releases it. */
  public static class Blocker {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger calls = new AtomicInteger();

    public void work() throws InterruptedException {
      if (calls.incrementAndGet() == 1) {
        entered.countDown();
        release.await(30, TimeUnit.SECONDS);
      }
    }
  }

  final Blocker blocker = new Blocker();
  ThreadPoolTaskExecutor pool;
  SpringJobExecutor jobExecutor;
  ProcessEngine engine;
  RuntimeService runtime;
  ManagementService management;

  @BeforeEach
  void startEngine() {
    pool = new ThreadPoolTaskExecutor();
    pool.setCorePoolSize(1);
    pool.setMaxPoolSize(1);
    pool.setQueueCapacity(10);
    pool.initialize();
    jobExecutor = new SpringJobExecutor();
    jobExecutor.setTaskExecutor(pool);
    jobExecutor.setMaxJobsPerAcquisition(1);
    jobExecutor.setWaitTimeInMillis(50);
    String name = "drain-" + UUID.randomUUID();
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    configuration.setJobExecutor(jobExecutor);
    configuration.setJobExecutorActivate(false);
    configuration.setBeans(Map.of("blocker", blocker));
    engine = configuration.buildProcessEngine();
    runtime = engine.getRuntimeService();
    management = engine.getManagementService();
    BpmnModelInstance model = Bpmn.createExecutableProcess("drainDemo").camundaHistoryTimeToLive(1)
        .startEvent().serviceTask("Task_Work").camundaAsyncBefore().camundaExpression("${blocker.work()}")
        .endEvent().done();
    engine.getRepositoryService().createDeployment().addModelInstance("drainDemo.bpmn", model).deploy();
  }

  @AfterEach
  void stopEngine() throws InterruptedException {
    blocker.release.countDown();
    jobExecutor.shutdown();
    pool.shutdown();
    pool.getThreadPoolExecutor().awaitTermination(20, TimeUnit.SECONDS);
    engine.close();
  }

  @Test
  void theRunningJobFinishesAndTheQueuedJobsAreUnlocked() throws Exception {
    startThreeAndLetTheFirstBlock();
    CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(
        () -> new JobExecutorDrain(jobExecutor, pool.getThreadPoolExecutor(), Duration.ofSeconds(20)).drain());

    assertThatThrownBy(() -> drained.get(300, TimeUnit.MILLISECONDS))
        .as("the drain waits for the running job").isInstanceOf(TimeoutException.class);
    blocker.release.countDown();

    assertThat(drained.get(20, TimeUnit.SECONDS)).isTrue();
    assertThat(jobExecutor.isActive()).isFalse();
    assertThat(blocker.calls).as("only the running job ran; the queued ones were not started").hasValue(1);
    assertThat(runtime.createProcessInstanceQuery().count()).as("the running job committed").isEqualTo(2);
    List<Job> left = management.createJobQuery().list();
    assertThat(left).hasSize(2).allSatisfy(job -> {
      assertThat(((JobEntity) job).getLockOwner()).as("unlocked for another node").isNull();
      assertThat(((JobEntity) job).getLockExpirationTime()).isNull();
      assertThat(job.getRetries()).as("not counted as a failure").isEqualTo(3);
    });
  }

  @Test
  void aJobRunningPastTheTimeoutIsReportedAndLeftToItsLock() throws Exception {
    startThreeAndLetTheFirstBlock();
    boolean drained = new JobExecutorDrain(jobExecutor, pool.getThreadPoolExecutor(), Duration.ofMillis(200)).drain();
    assertThat(drained).isFalse();
    assertThat(blocker.calls).hasValue(1);
  }

  private void startThreeAndLetTheFirstBlock() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      runtime.startProcessInstanceByKey("drainDemo");
    }
    jobExecutor.start();
    assertThat(blocker.entered.await(20, TimeUnit.SECONDS)).isTrue();
    await().atMost(Duration.ofSeconds(20)).until(() -> management.createJobQuery().list().stream()
        .filter(job -> ((JobEntity) job).getLockOwner() != null).count() == 3);
  }
}
