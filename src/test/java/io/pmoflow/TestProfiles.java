package io.pmoflow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Profile {@code test} plus whatever {@code -Dpmo.test.profiles} adds: the Maven profile {@code postgres-it}
 * adds {@code postgres-test} to run the same tests on PostgreSQL.
 */
public class TestProfiles implements ActiveProfilesResolver {
  @Override
  public String[] resolve(Class<?> testClass) {
    List<String> profiles = new ArrayList<>(List.of("test"));
    String extra = System.getProperty("pmo.test.profiles", "");
    Arrays.stream(extra.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(profiles::add);
    return profiles.toArray(String[]::new);
  }
}
