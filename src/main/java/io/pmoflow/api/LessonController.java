package io.pmoflow.api;

import io.pmoflow.project.LessonView;
import io.pmoflow.project.Page;
import io.pmoflow.project.ProjectService;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Lessons learned of all projects, searchable, so a new project can start from what earlier ones learned. */
@RestController
@Tag(name = "Lessons", description = "Lessons learned of all projects")
@RequestMapping("/api/lessons")
public class LessonController {

  private final ProjectService projects;

  public LessonController(ProjectService projects) {
    this.projects = projects;
  }

  @GetMapping
  public Page<LessonView> search(@RequestParam(required = false) String q,
      @RequestParam(required = false) String category, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return projects.searchLessons(q, category, page, size);
  }
}
