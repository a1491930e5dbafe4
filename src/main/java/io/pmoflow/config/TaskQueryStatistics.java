package io.pmoflow.config;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Statistics PostgreSQL needs to plan the engine's task list query. With authorizations on, that query joins the
 * authorizations a user holds, filtered by permission bits ({@code PERMS_ & 2 = 2}); PostgreSQL cannot estimate
 * such a bit test and guessed 13 rows where a queue of 2,600 tasks has 2,600, then joined every candidate task
 * with every authorization (4 s at 10,000 open tasks; past the 60 s statement timeout at 100,000). Expression
 * statistics on the two bit tests (PostgreSQL 14 and later) give it the real number; {@link DatabaseSettings}'s
 * random page cost then lets it look each task's authorization up by index (0.18 s at 10,000). Created once,
 * after the engine has made its tables; on H2 nothing is done. A failure (an older PostgreSQL, a role without the
 * right to create statistics) costs speed, not correctness, so it is logged, not fatal.
 */
public class TaskQueryStatistics implements ApplicationListener<ApplicationReadyEvent> {

  private static final Logger LOG = LoggerFactory.getLogger(TaskQueryStatistics.class);

  /** READ (2) on tasks and READ_TASK (64) on process definitions: the bits the task query tests. */
  static final String[] STATISTICS = {
      "create statistics if not exists pmo_auth_perms_read on ((perms_ & 2)) from act_ru_authorization",
      "create statistics if not exists pmo_auth_perms_read_task on ((perms_ & 64)) from act_ru_authorization"};

  private final DataSource dataSource;

  public TaskQueryStatistics(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      if (!connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
        return;
      }
      for (String sql : STATISTICS) {
        statement.execute(sql);
      }
      statement.execute("analyze act_ru_authorization");
      LOG.info("Task query statistics on act_ru_authorization in place");
    } catch (SQLException e) {
      LOG.warn("Task query statistics not created (Tasklist's queries may be planned badly on large queues): {}",
          e.getMessage());
    }
  }
}
