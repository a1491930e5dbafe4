package io.pmoflow.bench;

import io.pmoflow.PmoFlowApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Times the portfolio calls of the running application over HTTP against a seeded database (see
 * {@link PortfolioSeed}): starts PMO Flow on that database in this JVM (random port, job executor off, demo
 * identities), calls each endpoint {@code --warmup} times untimed, then {@code --calls} times one after another,
 * and prints p50, p95, mean and max per endpoint as Markdown table rows (appended to {@code --out} too). Not a
 * test: run it by hand or through {@code tools/bench-portfolio.sh}.
 *
 * <p>Before every call (untimed) a project row and a phase stay are written, as in a portfolio people work in: H2
 * answers a repeated query over unchanged tables from a result cache, which would time the cache, not the query.
 */
public final class PortfolioBenchmark {

  /** What the dashboard asks for: the KPI tiles, the charts, a filtered first page and the other views. */
  static final List<String> CALLS = List.of(
      "/api/portfolio/summary",
      "/api/portfolio/summary?businessUnit=Finance",
      "/api/portfolio/breakdown",
      "/api/projects?phase=EXECUTION&health=RED&size=20",
      "/api/projects?businessUnit=IT&sort=-budget&size=20",
      "/api/projects?q=portal&size=20",
      "/api/portfolio/flow",
      "/api/resources/capacity");

  private PortfolioBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = Options.parse(args);
    String url = Options.required(options, "url");
    String label = options.getOrDefault("label", url);
    int calls = Integer.parseInt(options.getOrDefault("calls", "100"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "20"));
    ConfigurableApplicationContext app = SpringApplication.run(PmoFlowApplication.class,
        "--spring.profiles.active=h2", "--server.port=0", "--spring.datasource.url=" + url,
        "--spring.datasource.username=" + options.getOrDefault("user", url.startsWith("jdbc:h2") ? "sa" : "postgres"),
        "--spring.datasource.password=" + options.getOrDefault("password", ""),
        "--camunda.bpm.job-execution.enabled=false", "--pmo.demo-data=true", "--logging.level.root=WARN");
    try {
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      long projects = jdbc.sql("select count(*) from pmo_project").query(Long.class).single();
      List<String> keys = jdbc.sql("select project_key from pmo_project order by project_key"
          + " fetch first 1000 rows only").query(String.class).list();
      Random random = new Random(7);
      long stays = jdbc.sql("select max(id) from pmo_phase_stay").query(Long.class).single();
      Runnable churn = () -> {
        jdbc.sql("update pmo_project set updated_at = :now where project_key = :key")
            .param("now", OffsetDateTime.now(ZoneOffset.UTC)).param("key", keys.get(random.nextInt(keys.size())))
            .update();
        jdbc.sql("update pmo_phase_stay set hours = hours where id = :id").param("id", 1 + random.nextInt((int) stays))
            .update();
      };
      String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
      HttpClient http = HttpClient.newHttpClient();
      String auth = "Basic " + Base64.getEncoder().encodeToString("pat.pmo:demo".getBytes(StandardCharsets.UTF_8));
      StringBuilder table = new StringBuilder();
      for (String call : CALLS) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + call)).header("Authorization", auth).GET()
            .build();
        for (int i = 0; i < warmup; i++) {
          churn.run();
          send(http, request);
        }
        long[] nanos = new long[calls];
        for (int i = 0; i < calls; i++) {
          churn.run();
          long start = System.nanoTime();
          send(http, request);
          nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        String row = "| %s | %,d | `%s` | %d | %.1f | %.1f | %.1f | %.1f |".formatted(label, projects, call, calls,
            ms(percentile(nanos, 50)), ms(percentile(nanos, 95)), ms(Arrays.stream(nanos).sum() / calls),
            ms(nanos[calls - 1]));
        System.out.println(row);
        table.append(row).append('\n');
      }
      if (options.containsKey("out")) {
        Files.writeString(Path.of(options.get("out")), table, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      }
    } finally {
      app.close();
    }
  }

  private static void send(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
          + new String(response.body(), StandardCharsets.UTF_8));
    }
  }

  /** Nearest-rank percentile of sorted values. */
  static long percentile(long[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
