package io.pmoflow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * On PostgreSQL ({@code -Ppostgres-it}) also the statement timeout, here shortened to 1 s, and what the task list
 * query needs to be planned well: the random page cost and the statistics on the authorizations' permission bits.
 */
@TestPropertySource(properties = "pmo.db.statement-timeout=1s")
class DatabaseSettingsPostgresIT extends DatabaseSettingsTest {

  @Test
  void aStatementThatWaitsLongerThanTheTimeoutIsCancelled() throws Exception {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      try (ResultSet timeout = statement.executeQuery("show statement_timeout")) {
        timeout.next();
        assertThat(timeout.getString(1)).isEqualTo("1s");
      }
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
      assertThatThrownBy(() -> statement.execute("select pg_sleep(3)"))
          .hasMessageContaining("canceling statement due to statement timeout");
    }
  }

  @Test
  void theTaskListQueryIsPlannedWithSsdCostsCustomPlansAndStatisticsOnThePermissionBits() throws Exception {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      try (ResultSet cost = statement.executeQuery("show random_page_cost")) {
        cost.next();
        assertThat(cost.getString(1)).isEqualTo("1.1");
      }
      try (ResultSet plans = statement.executeQuery("show plan_cache_mode")) {
        plans.next();
        assertThat(plans.getString(1)).isEqualTo("force_custom_plan");
      }
      try (ResultSet statistics = statement.executeQuery("select stxname from pg_statistic_ext"
          + " where stxrelid = 'act_ru_authorization'::regclass order by stxname")) {
        java.util.List<String> names = new java.util.ArrayList<>();
        while (statistics.next()) {
          names.add(statistics.getString(1));
        }
        assertThat(names).containsExactly("pmo_auth_perms_read", "pmo_auth_perms_read_task");
      }
    }
  }
}
