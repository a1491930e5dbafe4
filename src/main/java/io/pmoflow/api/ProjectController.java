package io.pmoflow.api;

import io.pmoflow.project.Page;
import io.pmoflow.project.Phase;
import io.pmoflow.project.PmoType;
import io.pmoflow.project.ProjectDetails;
import io.pmoflow.project.ProjectFilter;
import io.pmoflow.project.ProjectService;
import io.pmoflow.project.ProjectSummary;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The project store's read API (CONTRACT §5) and the project report. */
@RestController
@RequestMapping("/api/projects")
public class ProjectController {

  static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

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

  /**
   * The project report as an HTML page. The content type is set on the response rather than declared with
   * {@code produces}, so an unknown key still gets the JSON error body of every other call.
   */
  @GetMapping("/{key}/report")
  public ResponseEntity<String> report(@PathVariable String key) {
    return ResponseEntity.ok().contentType(HTML).body(projects.finalReport(key));
  }
}
