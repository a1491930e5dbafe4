package io.pmoflow.project;

/** A risk as identified by a person: probability and impact on a 1–5 scale. */
public record RiskInput(String title, int probability, int impact, String response) {
}
