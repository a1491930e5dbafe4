package io.pmoflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** Profile json-logs: a log line inside a delegate is one JSON object carrying the project key. */
class JsonLogsProfileTest {

  @Test
  void aDelegatesLogLineIsOneJsonObjectWithTheProjectKey() throws Exception {
    StandardEnvironment environment = new StandardEnvironment();
    for (PropertySource<?> source : new YamlPropertySourceLoader()
        .load("json-logs", new ClassPathResource("application-json-logs.yaml"))) {
      environment.getPropertySources().addFirst(source);
    }
    String format = environment.getProperty("logging.structured.format.console");
    assertThat(format).isNotBlank();

    LoggerContext context = new LoggerContext();
    context.putObject(Environment.class.getName(), environment);
    StructuredLogEncoder encoder = new StructuredLogEncoder();
    encoder.setContext(context);
    encoder.setFormat(format);
    encoder.start();

    LoggingEvent event = new LoggingEvent("x", context.getLogger("io.pmoflow.process.intake.RejectRequestDelegate"),
        Level.INFO, "Project request rejected: phase REJECTED", null, null);
    event.setMDCPropertyMap(Map.of("businessKey", "PRJ-2026-0042", "processDefinitionKey", "projectIntake"));
    String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

    assertThat(line).endsWith("\n").doesNotContain("\n{");
    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.get("message").asText()).isEqualTo("Project request rejected: phase REJECTED");
    assertThat(json.get("businessKey").asText()).isEqualTo("PRJ-2026-0042");
    assertThat(json.get("processDefinitionKey").asText()).isEqualTo("projectIntake");
    assertThat(line).contains("pmo-flow", "INFO");
  }
}
