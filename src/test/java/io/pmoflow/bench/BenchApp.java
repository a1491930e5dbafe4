package io.pmoflow.bench;

import io.pmoflow.PmoFlowApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * PMO Flow as the engine benchmarks start it: in this JVM, on the given database, demo identities on, no HTTP
 * port of its own, no job executor (the benchmark runs the jobs) and the mail and deadline pollers out of the
 * way. Options named like a setting ({@code --camunda.…}, {@code --spring.…}, {@code --pmo.…}) are passed on, so
 * a tuning can be measured before it is made the default.
 */
final class BenchApp {

  private BenchApp() {
  }

  static ConfigurableApplicationContext start(SpringApplication application, String url, Map<String, String> options) {
    List<String> args = new ArrayList<>(List.of("--spring.profiles.active=h2", "--server.port=0",
        "--spring.datasource.url=" + url,
        "--spring.datasource.username=" + options.getOrDefault("user", url.startsWith("jdbc:h2") ? "sa" : "postgres"),
        "--spring.datasource.password=", "--camunda.bpm.job-execution.enabled=false", "--pmo.demo-data=true",
        "--logging.level.root=WARN", "--pmo.notify.poll-interval=PT1H", "--pmo.deadlines.poll=PT1H"));
    options.forEach((name, value) -> {
      if (name.startsWith("camunda.") || name.startsWith("spring.") || name.startsWith("pmo.")) {
        args.add("--" + name + "=" + value);
      }
    });
    return application.run(args.toArray(String[]::new));
  }

  static ConfigurableApplicationContext start(String url, Map<String, String> options) {
    return start(new SpringApplication(PmoFlowApplication.class), url, options);
  }
}
