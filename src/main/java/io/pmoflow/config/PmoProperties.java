package io.pmoflow.config;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code pmo.*}: the PMO model (an INTERNAL PMO decides; an EXTERNAL, advisory one recommends and the sponsor
 * decides) and whether the demo identities of CONTRACT §2 are seeded (embedded default only).
 */
@Validated
@ConfigurationProperties("pmo")
public record PmoProperties(@NotNull PmoModel model, boolean demoData) {

  public enum PmoModel { INTERNAL, EXTERNAL }
}
