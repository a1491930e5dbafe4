package io.pmoflow.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class ProductionGuardTest {

  private static final String DB_URL = "jdbc:postgresql://db:5432/pmo";

  private final ProductionGuard guard = new ProductionGuard();

  @Test
  void postgresWithoutAdminPasswordIsRefused() {
    MockEnvironment env = postgres().withProperty("PMO_DB_URL", DB_URL);

    assertThatIllegalStateException().isThrownBy(() -> run(env))
        .withMessageContaining("PMO_ADMIN_PASSWORD").withMessageContaining("empty");
  }

  @ParameterizedTest(name = "PMO_ADMIN_PASSWORD=\"{0}\"")
  @ValueSource(strings = {"", "  ", "demo", "Admin", "PASSWORD", "changeme", "camunda"})
  void postgresWithEmptyOrDefaultAdminPasswordIsRefused(String password) {
    MockEnvironment env = postgres().withProperty("PMO_ADMIN_PASSWORD", password)
        .withProperty("PMO_DB_URL", DB_URL);

    assertThatIllegalStateException().isThrownBy(() -> run(env)).withMessageContaining("PMO_ADMIN_PASSWORD");
  }

  @Test
  void postgresWithoutDatabaseUrlIsRefused() {
    MockEnvironment env = postgres().withProperty("PMO_ADMIN_PASSWORD", "s3cret-Enough!");

    assertThatIllegalStateException().isThrownBy(() -> run(env)).withMessageContaining("PMO_DB_URL");
  }

  @Test
  void postgresWithBlankDatabaseUrlIsRefused() {
    MockEnvironment env = postgres().withProperty("PMO_ADMIN_PASSWORD", "s3cret-Enough!")
        .withProperty("PMO_DB_URL", " ");

    assertThatIllegalStateException().isThrownBy(() -> run(env)).withMessageContaining("PMO_DB_URL");
  }

  @Test
  void postgresWithStrongPasswordAndDatabaseUrlStarts() {
    MockEnvironment env = postgres().withProperty("PMO_ADMIN_PASSWORD", "s3cret-Enough!")
        .withProperty("PMO_DB_URL", DB_URL);

    assertThatCode(() -> run(env)).doesNotThrowAnyException();
  }

  @Test
  void embeddedProfileNeedsNoPassword() {
    MockEnvironment env = new MockEnvironment();
    env.setActiveProfiles("h2");

    assertThatCode(() -> run(env)).doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "dev with {0}")
  @ValueSource(strings = {"postgres", "prod-security"})
  void devIsRefusedWithProduction(String production) {
    MockEnvironment env = new MockEnvironment().withProperty("PMO_ADMIN_PASSWORD", "s3cret-Enough!")
        .withProperty("PMO_DB_URL", DB_URL);
    env.setActiveProfiles("dev", "h2", production);

    assertThatIllegalStateException().isThrownBy(() -> run(env))
        .withMessage("Profile 'dev' (models deployed when saved) must not run with [" + production + "]");
  }

  @Test
  void devRunsOnTheEmbeddedDatabase() {
    MockEnvironment env = new MockEnvironment();
    env.setActiveProfiles("dev", "h2");

    assertThatCode(() -> run(env)).doesNotThrowAnyException();
  }

  private static MockEnvironment postgres() {
    MockEnvironment env = new MockEnvironment();
    env.setActiveProfiles("postgres");
    return env;
  }

  private void run(MockEnvironment env) {
    guard.postProcessEnvironment(env, new SpringApplication());
  }
}
