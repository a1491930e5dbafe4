package io.pmoflow.project;

/** A lesson learned at closure; category is one of {@link LessonCategory}. */
public record Lesson(String category, String wentWell, String toImprove, String recommendation) {
}
