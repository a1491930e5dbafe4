package io.pmoflow.project;

public enum IssueSeverity { LOW, MEDIUM, HIGH, CRITICAL }
