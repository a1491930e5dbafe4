package io.pmoflow.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MailDispatcherBackoffTest {

  private static final NotifyProperties PROPERTIES = new NotifyProperties("pmo@example.org",
      "http://localhost:8080", Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofHours(1),
      Duration.ofMinutes(5), 20);

  // backoff() reads only the retry properties
  private final MailDispatcher dispatcher = new MailDispatcher(null, null, PROPERTIES, Clock.systemUTC());

  @ParameterizedTest(name = "attempt {0} waits {1}")
  @CsvSource({
      "1, PT30S",
      "2, PT1M",
      "3, PT2M",
      "4, PT4M",
      "7, PT32M",
      "8, PT1H",
      "10, PT1H",
      "21, PT1H",
      "22, PT1H",
      "100, PT1H",
      "2147483647, PT1H"})
  void doublesFromTheBaseUpToTheCap(int attempt, Duration expected) {
    assertThat(dispatcher.backoff(attempt)).isEqualTo(expected);
  }
}
