package io.pmoflow.project;

public enum IssueStatus { OPEN, IN_PROGRESS, RESOLVED, CLOSED }
