package io.pmoflow.config;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start the {@code postgres} (production) profile with a default or empty admin password or without
 * a database URL, and the {@code dev} profile together with production — before anything is created in the
 * database.
 */
public class ProductionGuard implements EnvironmentPostProcessor {

  static final Set<String> DEFAULT_PASSWORDS = Set.of("demo", "admin", "password", "changeme", "camunda");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    List<String> profiles = Arrays.asList(environment.getActiveProfiles());
    if (profiles.contains("dev") && (profiles.contains("postgres") || profiles.contains("prod-security"))) {
      // dev deploys whatever is saved in a folder, unreviewed and past the authorizations: never in production
      throw new IllegalStateException("Profile 'dev' (models deployed when saved) must not run with "
          + profiles.stream().filter(p -> p.equals("postgres") || p.equals("prod-security")).toList());
    }
    if (!profiles.contains("postgres")) {
      return;
    }
    String password = environment.getProperty("PMO_ADMIN_PASSWORD");
    if (password == null || password.isBlank() || DEFAULT_PASSWORDS.contains(password.toLowerCase())) {
      throw new IllegalStateException("Profile 'postgres' needs PMO_ADMIN_PASSWORD set to a non-default password "
          + "(it was " + (password == null || password.isBlank() ? "empty" : "a default value") + ")");
    }
    String url = environment.getProperty("PMO_DB_URL");
    if (url == null || url.isBlank()) {
      throw new IllegalStateException("Profile 'postgres' needs PMO_DB_URL (e.g. jdbc:postgresql://db:5432/pmo)");
    }
  }
}
