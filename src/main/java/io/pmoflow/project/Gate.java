package io.pmoflow.project;

/** The phase gates whose entry criteria the store checks; the names prefix their history entries. */
public enum Gate { CHARTER, PLAN, CLOSURE_READINESS, ACCEPTANCE }
