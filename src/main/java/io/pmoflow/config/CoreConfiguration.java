package io.pmoflow.config;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
public class CoreConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Pool size, isolation level, statement timeout and planner cost of the connection pool; see {@link DatabaseSettings}. */
  @Bean
  static DatabaseSettings databaseSettings(Environment environment) {
    return new DatabaseSettings(environment);
  }

  @Bean
  EngineStartupLock engineStartupLock(DataSource dataSource) {
    return new EngineStartupLock(dataSource);
  }

  @Bean
  TaskQueryStatistics taskQueryStatistics(DataSource dataSource) {
    return new TaskQueryStatistics(dataSource);
  }
}
