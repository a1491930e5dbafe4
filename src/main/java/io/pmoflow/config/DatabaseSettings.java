package io.pmoflow.config;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.Environment;

/**
 * The connection pool's settings that follow from the rest of the configuration, applied before the pool opens:
 *
 * <ul>
 *   <li><b>Size.</b> A thread holds at most one connection (the engine and the project store share the
 *       transaction's connection), so the pool needs one per thread that can touch the database at the same time:
 *       the job executor's threads ({@code camunda.bpm.job-execution.max-pool-size}, default 10), the job
 *       acquisition thread, the HTTP worker threads ({@code server.tomcat.threads.max}) and the scheduler's threads
 *       ({@code spring.task.scheduling.pool.size}: mail dispatcher, deadline watcher). {@code pmo.db.pool-size}
 *       overrides it. With the defaults: 10 + 1 + 30 + 1 = 42 connections per node.</li>
 *   <li><b>READ COMMITTED</b>, the isolation level Camunda is built for (the engine refuses to start with another
 *       one).</li>
 *   <li><b>A statement timeout</b> on PostgreSQL ({@code pmo.db.statement-timeout}, default 60 s): a statement
 *       that waits longer, for example on a row another transaction holds, fails; a job then retries and, past its
 *       retries, becomes an incident instead of holding a thread and a connection forever.</li>
 *   <li><b>The planner's random page cost</b> on PostgreSQL ({@code pmo.db.random-page-cost}, default 1.1, the
 *       usual value for SSD storage; {@code server} keeps the server's own, 4 by default, which assumes spinning
 *       disks). With the default 4, the task list query of a queue with 2,600 tasks (Tasklist, authorizations on)
 *       joined every candidate task with every authorization row instead of looking each task's authorization up
 *       by index: 1.3 s instead of 0.18 s, growing with the square of the queue (README "Benchmarks").</li>
 *   <li><b>Custom plans</b> on PostgreSQL ({@code pmo.db.plan-cache-mode}, default {@code force_custom_plan};
 *       {@code server} keeps the server's {@code auto}). The driver prepares a statement on the server after five
 *       uses; from the sixth execution on, PostgreSQL may then plan it once for any parameters, without the
 *       statistics of the values. For the task list query that generic plan is the every-task-with-every-
 *       authorization join again: its count at 100,000 open tasks ran past the 60 s statement timeout from the
 *       sixth call on, and took 1.2–1.5 s with custom plans. Planning each execution costs a few milliseconds on
 *       Camunda's larger queries.</li>
 * </ul>
 */
public class DatabaseSettings implements BeanPostProcessor {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseSettings.class);

  static final int DEFAULT_JOB_THREADS = 10;
  static final int DEFAULT_HTTP_THREADS = 200;
  static final int DEFAULT_SCHEDULER_THREADS = 1;
  static final int JOB_ACQUISITION_THREADS = 1;
  static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(60);
  static final String DEFAULT_RANDOM_PAGE_COST = "1.1";
  static final String DEFAULT_PLAN_CACHE_MODE = "force_custom_plan";

  private final Environment environment;

  public DatabaseSettings(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool) {
      apply(pool);
    }
    return bean;
  }

  /** One connection per thread that may use the database at once. */
  public int derivedPoolSize() {
    return jobThreads() + JOB_ACQUISITION_THREADS + httpThreads() + schedulerThreads();
  }

  public Duration statementTimeout() {
    String value = environment.getProperty("pmo.db.statement-timeout");
    return value == null ? DEFAULT_STATEMENT_TIMEOUT : DurationStyle.detectAndParse(value);
  }

  private void apply(HikariDataSource pool) {
    Integer configured = environment.getProperty("pmo.db.pool-size", Integer.class);
    int size = configured != null ? configured : derivedPoolSize();
    pool.setMaximumPoolSize(size);
    pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    String url = pool.getJdbcUrl();
    boolean postgres = url != null && url.startsWith("jdbc:postgresql:");
    if (postgres) {
      Properties properties = pool.getDataSourceProperties();
      String options = properties.getProperty("options", "");
      options += " -c statement_timeout=" + statementTimeout().toMillis();
      String pageCost = randomPageCost();
      if (!"server".equals(pageCost)) {
        options += " -c random_page_cost=" + pageCost;
      }
      String planCache = planCacheMode();
      if (!"server".equals(planCache)) {
        options += " -c plan_cache_mode=" + planCache;
      }
      properties.setProperty("options", options.trim());
    }
    LOG.info("Database pool: {} connections ({}), READ COMMITTED{}", size,
        configured != null ? "pmo.db.pool-size" : jobThreads() + " job-executor threads + " + JOB_ACQUISITION_THREADS
            + " job acquisition + " + httpThreads() + " HTTP threads + " + schedulerThreads() + " scheduler threads",
        postgres ? ", statement timeout " + statementTimeout().toMillis() + " ms, random page cost " + randomPageCost()
            + ", plan cache mode " + planCacheMode() : "");
  }

  /** {@code force_custom_plan} (the default), {@code auto}, {@code force_generic_plan}, or {@code server}. */
  String planCacheMode() {
    String value = environment.getProperty("pmo.db.plan-cache-mode", DEFAULT_PLAN_CACHE_MODE).strip();
    if (!List.of("force_custom_plan", "auto", "force_generic_plan", "server").contains(value)) {
      throw new IllegalArgumentException("pmo.db.plan-cache-mode must be force_custom_plan, auto, force_generic_plan"
          + " or server, not '" + value + "'");
    }
    return value;
  }

  /** A number, or {@code server} for the server's own setting. */
  String randomPageCost() {
    String value = environment.getProperty("pmo.db.random-page-cost", DEFAULT_RANDOM_PAGE_COST).strip();
    if (!"server".equals(value)) {
      try {
        if (Double.parseDouble(value) <= 0) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("pmo.db.random-page-cost must be a positive number or 'server', not '"
            + value + "'");
      }
    }
    return value;
  }

  private int jobThreads() {
    return environment.getProperty("camunda.bpm.job-execution.max-pool-size", Integer.class, DEFAULT_JOB_THREADS);
  }

  private int httpThreads() {
    return environment.getProperty("server.tomcat.threads.max", Integer.class, DEFAULT_HTTP_THREADS);
  }

  private int schedulerThreads() {
    return environment.getProperty("spring.task.scheduling.pool.size", Integer.class, DEFAULT_SCHEDULER_THREADS);
  }
}
