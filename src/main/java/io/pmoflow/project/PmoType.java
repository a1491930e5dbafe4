package io.pmoflow.project;

/** How much control the PMO takes over a project, decided by DMN {@code pmoGovernance}. */
public enum PmoType { SUPPORTIVE, CONTROLLING, DIRECTIVE }
