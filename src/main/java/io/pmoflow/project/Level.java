package io.pmoflow.project;

/** Three-step rating used for a request's complexity and risk level. */
public enum Level { LOW, MEDIUM, HIGH }
