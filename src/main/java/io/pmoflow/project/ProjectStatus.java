package io.pmoflow.project;

public enum ProjectStatus { ACTIVE, ON_HOLD, ENDED }
