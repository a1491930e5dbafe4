package io.pmoflow.project;

/** Severity of a risk as the {@code riskAssessment} decision rates it. */
public enum RiskSeverity { LOW, MEDIUM, HIGH, CRITICAL }
