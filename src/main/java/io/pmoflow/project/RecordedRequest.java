package io.pmoflow.project;

/**
 * A project request as the store holds it (after its last amendment) with the governance route recorded for it;
 * {@code governance} is null while a request has not been routed yet.
 */
public record RecordedRequest(String key, Phase phase, String requester, ProjectRequest request,
    Governance governance) {
}
