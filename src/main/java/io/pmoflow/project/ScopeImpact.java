package io.pmoflow.project;

/** How much a change touches the agreed scope. */
public enum ScopeImpact { NONE, MINOR, MAJOR }
