package io.pmoflow.project;

/** The classic responses to a threat. */
public enum RiskResponseStrategy { AVOID, MITIGATE, TRANSFER, ACCEPT }
