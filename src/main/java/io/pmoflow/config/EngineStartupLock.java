package io.pmoflow.config;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;

/**
 * Nodes of a cluster that start at the same time take turns starting up. The engine creates and checks its own
 * tables ({@code databaseSchemaUpdate=true}); two nodes starting together on an empty database would both try to
 * create them and one would fail, and the start-up data (admin user, demo identities, authorizations, Tasklist
 * filters) would be written twice. On PostgreSQL this plugin holds a session-level advisory lock from before the
 * engine is built until the application is ready (or failed); on H2 (one node) it does nothing. The lock goes with
 * its connection, so a node that dies while holding it releases it.
 */
public class EngineStartupLock extends AbstractProcessEnginePlugin
    implements ApplicationListener<SpringApplicationEvent> {

  private static final Logger LOG = LoggerFactory.getLogger(EngineStartupLock.class);

  /** Any constant the application uses for nothing else: "PMOFLOW1" as a number. */
  static final long LOCK_ID = 0x504d4f464c4f5731L;

  private final DataSource dataSource;
  private Connection held;

  public EngineStartupLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public synchronized void preInit(ProcessEngineConfigurationImpl configuration) {
    try {
      Connection connection = dataSource.getConnection();
      if (!connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
        connection.close();
        return;
      }
      long start = System.nanoTime();
      try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_lock(?)")) {
        lock.setLong(1, LOCK_ID);
        lock.execute();
      }
      held = connection;
      LOG.info("Start-up lock taken after {} ms", (System.nanoTime() - start) / 1_000_000);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot take the start-up lock: " + e.getMessage(), e);
    }
  }

  @Override
  public void onApplicationEvent(SpringApplicationEvent event) {
    if (event instanceof ApplicationReadyEvent || event instanceof ApplicationFailedEvent) {
      release();
    }
  }

  synchronized void release() {
    if (held == null) {
      return;
    }
    try (Connection connection = held; PreparedStatement unlock = connection.prepareStatement(
        "select pg_advisory_unlock(?)")) {
      unlock.setLong(1, LOCK_ID);
      unlock.execute();
      LOG.info("Start-up lock released");
    } catch (SQLException e) {
      LOG.warn("Releasing the start-up lock failed (it goes with the connection): {}", e.getMessage());
    } finally {
      held = null;
    }
  }
}
