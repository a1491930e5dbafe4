package io.pmoflow.process.lifecycle;

import static io.pmoflow.process.lifecycle.LifecycleProcess.*;

import io.pmoflow.portfolio.ResourceConflicts;
import io.pmoflow.process.support.Inputs;
import io.pmoflow.process.support.ProcessContext;
import io.pmoflow.project.InvalidInputException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Resource conflicts at the plan gate: under a controlling or directive PMO, a plan that over-allocates someone
 * across projects goes to the PMO first, who re-assigns or re-schedules (the plan goes back to the manager with
 * the note) or accepts it; the resolution is recorded on every project involved. A supportive PMO only plans.
 */
@Configuration
public class ResourceConflictDelegates {

  static final Set<String> RESOLUTIONS = Set.of("REASSIGN", "RESCHEDULE", "ACCEPT");

  @Bean
  JavaDelegate checkResourceConflictsDelegate(ResourceConflicts conflicts) {
    return execution -> {
      String key = (String) execution.getVariable(PROJECT_KEY);
      List<ResourceConflicts.Conflict> found = conflicts.of(key);
      boolean controlled = !"SUPPORTIVE".equals(execution.getVariable(PMO_TYPE));
      StringBuilder md = new StringBuilder();
      for (ResourceConflicts.Conflict c : found) {
        md.append("- **").append(c.userId()).append("**: ").append(c.allocationHere()).append(" % here, ")
            .append(c.totalAllocation()).append(" % in all (with ").append(String.join(", ", c.otherProjects()))
            .append(")\n");
      }
      execution.setVariable(RESOURCE_CONFLICT, controlled && !found.isEmpty());
      execution.setVariable(RESOURCE_CONFLICTS, md.toString());
      execution.setVariable(CONFLICTING_PROJECTS, String.join(",", found.stream()
          .flatMap(c -> c.otherProjects().stream()).distinct().toList()));
    };
  }

  @Bean
  JavaDelegate recordConflictResolutionDelegate(ResourceConflicts conflicts, ProcessContext context, Clock clock) {
    return execution -> {
      Inputs in = Inputs.of(execution);
      String resolution = in.text(RESOURCE_RESOLUTION);
      if (resolution == null || !RESOLUTIONS.contains(resolution)) {
        throw new InvalidInputException(RESOURCE_RESOLUTION, "must be one of " + RESOLUTIONS);
      }
      String note = in.text(RESOLUTION_NOTE);
      if (note == null || note.isBlank()) {
        throw new InvalidInputException(RESOLUTION_NOTE, "is required");
      }
      String others = in.text(CONFLICTING_PROJECTS);
      conflicts.recordResolution(in.text(PROJECT_KEY), others == null || others.isBlank() ? List.of()
          : List.of(others.split(",")), resolution, note.trim(), context.actor(), OffsetDateTime.now(clock));
      if (!"ACCEPT".equals(resolution)) {
        execution.setVariable(RECYCLE_REASON, "Resource conflict (" + resolution.toLowerCase() + "): " + note.trim());
      }
    };
  }
}
