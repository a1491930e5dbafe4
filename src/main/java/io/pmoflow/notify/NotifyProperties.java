package io.pmoflow.notify;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** {@code pmo.notify.*}: sender address, links and the mail retry policy. */
@Validated
@ConfigurationProperties("pmo.notify")
public record NotifyProperties(
    @NotBlank String from,
    @NotBlank String baseUrl,
    @NotNull Duration pollInterval,
    @NotNull Duration retryBase,
    @NotNull Duration retryMax,
    @NotNull Duration sendLease,
    int batchSize) {
}
