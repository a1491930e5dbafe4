package io.pmoflow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** On PostgreSQL ({@code -Ppostgres-it}) also the statement timeout, here shortened to 1 s. */
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
}
