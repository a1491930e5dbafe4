package io.pmoflow.governance;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code pmo.dev.*} (profile {@code dev}): the folders whose models and forms are deployed when saved, relative
 * to the working directory (the project root under {@code mvn spring-boot:run}), and how often they are checked.
 */
@Validated
@ConfigurationProperties("pmo.dev")
public record DevReloadSettings(
    @NotNull @DefaultValue("processes") Path processes,
    @NotNull @DefaultValue("forms") Path forms,
    @NotNull @DefaultValue("PT1S") Duration poll) {
}
