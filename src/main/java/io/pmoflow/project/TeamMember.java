package io.pmoflow.project;

public record TeamMember(String userId, String role, int allocationPercent) {
}
