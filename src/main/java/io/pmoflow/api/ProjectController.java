package io.pmoflow.api;

import io.pmoflow.project.Page;
import io.pmoflow.project.Phase;
import io.pmoflow.project.PmoType;
import io.pmoflow.project.ProjectDetails;
import io.pmoflow.project.ProjectFilter;
import io.pmoflow.project.ProjectService;
import io.pmoflow.project.ProjectSummary;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The project store's read API (CONTRACT §5). */
@RestController
@RequestMapping("/api/projects")
public class ProjectController {

  private final ProjectService projects;

  public ProjectController(ProjectService projects) {
    this.projects = projects;
  }

  @GetMapping
  public Page<ProjectSummary> list(@RequestParam(required = false) Phase phase,
      @RequestParam(required = false) String health, @RequestParam(required = false) PmoType pmoType,
      @RequestParam(required = false) String businessUnit, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return projects.list(new ProjectFilter(phase, health, pmoType, businessUnit), page, size);
  }

  @GetMapping("/{key}")
  public ProjectDetails get(@PathVariable String key) {
    return projects.details(key);
  }
}
