package io.pmoflow.project;

import java.math.BigDecimal;

/**
 * How long projects stayed in a phase: a stay runs from entering the phase (the request for INTAKE, a phase change
 * otherwise) to the next phase change; a project that came back to a phase stayed there twice. Only finished stays
 * count; hours are rounded to 2 decimals, null without stays.
 */
public record PhaseTime(Phase phase, long stays, BigDecimal averageHours, BigDecimal medianHours) {
}
