package io.pmoflow.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.pmoflow.TestProfiles;
import java.sql.Connection;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The connection pool as {@link DatabaseSettings} sizes and configures it (again on PostgreSQL: the subclass). */
@SpringBootTest
@ActiveProfiles(resolver = TestProfiles.class)
class DatabaseSettingsTest {

  @Autowired DataSource dataSource;
  @Autowired DatabaseSettings settings;
  @Autowired ProcessEngineConfigurationImpl engineConfiguration;

  @Test
  void thePoolHasAConnectionForEveryThreadThatCanUseTheDatabase() {
    // 10 job-executor threads + 1 acquisition + 30 HTTP threads (application.yaml) + 1 scheduler thread
    assertThat(settings.derivedPoolSize()).isEqualTo(42);
    assertThat(((HikariDataSource) dataSource).getMaximumPoolSize()).isEqualTo(42);
  }

  @Test
  void connectionsAreReadCommittedAndTheEngineChecksIt() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
    }
    assertThat(engineConfiguration.getSkipIsolationLevelCheck()).isFalse();
  }

  @Test
  void thePlannerSettingsRefuseWhatPostgreSqlWouldNotTakeNamingTheSetting() {
    assertThat(new DatabaseSettings(new MockEnvironment()).randomPageCost()).isEqualTo("1.1");
    assertThat(new DatabaseSettings(new MockEnvironment().withProperty("pmo.db.random-page-cost", "server"))
        .randomPageCost()).isEqualTo("server");
    for (String bad : new String[] {"fast", "0", "-1"}) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DatabaseSettings(new MockEnvironment()
          .withProperty("pmo.db.random-page-cost", bad)).randomPageCost())
          .hasMessageContaining("pmo.db.random-page-cost").hasMessageContaining(bad);
    }
    assertThat(new DatabaseSettings(new MockEnvironment()).planCacheMode()).isEqualTo("force_custom_plan");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DatabaseSettings(new MockEnvironment()
        .withProperty("pmo.db.plan-cache-mode", "custom")).planCacheMode())
        .hasMessageContaining("pmo.db.plan-cache-mode").hasMessageContaining("custom");
  }
}
