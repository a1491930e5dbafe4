package io.pmoflow.project;

/** Project health (CONTRACT §5), set by the {@code projectHealth} decision from each status report. */
public enum Health { GREEN, AMBER, RED }
