package io.pmoflow.project;

/** The knowledge areas lessons learned are filed under, so later projects can search by area. */
public enum LessonCategory {
  SCOPE, SCHEDULE, COST, QUALITY, RESOURCES, COMMUNICATION, RISK, STAKEHOLDERS, PROCUREMENT, OTHER
}
