package io.pmoflow.project;

import java.util.List;

/**
 * What the project manager reports during execution, applied as a whole or not at all. Declaring the
 * deliverables ready needs every milestone DONE or WAIVED once the milestone updates are applied.
 */
public record ExecutionUpdate(List<MilestoneUpdate> milestones, List<NewIssue> newIssues,
    List<IssueUpdate> issueUpdates, boolean deliverablesReady, String progressNote) {
}
