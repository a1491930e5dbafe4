package io.pmoflow.api;

import io.pmoflow.project.Page;
import io.pmoflow.project.ProjectDetails;
import io.pmoflow.project.ProjectFilter;
import io.pmoflow.project.ProjectService;
import io.pmoflow.project.ProjectSort;
import io.pmoflow.project.ProjectSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The project store's read API (CONTRACT §5), its CSV export and the project report. */
@RestController
@RequestMapping("/api")
@Tag(name = "Projects", description = "The project store: list, export, one project, its report")
public class ProjectController {

  static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
  static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final ProjectService projects;

  public ProjectController(ProjectService projects) {
    this.projects = projects;
  }

  @GetMapping("/projects")
  @Operation(summary = "A page of projects, filtered, searched and sorted")
  public Page<ProjectSummary> list(@ParameterObject ProjectQuery query,
      @Parameter(description = "page number from 0") @RequestParam(defaultValue = "0") int page,
      @Parameter(description = "projects per page, 1 to " + ProjectService.MAX_PROJECT_PAGE_SIZE)
      @RequestParam(defaultValue = "20") int size) {
    return projects.list(query.filter(), query.order(), page, size);
  }

  /**
   * Every matching project as CSV (RFC 4180, header row), written while it is read: the export is not paged and
   * never held in memory. Bad parameters are refused with the JSON error before the first byte is written.
   */
  @GetMapping("/projects.csv")
  @Operation(summary = "Every matching project as CSV, not paged (same filters and sort as the list)")
  @ApiResponse(responseCode = "200", description = "text/csv with a header row",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
  public void export(@ParameterObject ProjectQuery query, HttpServletResponse response) throws IOException {
    ProjectFilter filter = query.filter();
    ProjectSort order = query.order();
    response.setContentType(CSV.toString());
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"projects.csv\"");
    Writer out = response.getWriter();
    ProjectCsv.header(out);
    projects.export(filter, order, project -> ProjectCsv.row(out, project));
    out.flush();
  }

  @GetMapping("/projects/{key}")
  @Operation(summary = "One project with its history, risks, changes, status reports and the rest of its record")
  public ProjectDetails get(@PathVariable String key) {
    return projects.details(key);
  }

  /**
   * The project report as an HTML page. The content type is set on the response rather than declared with
   * {@code produces}, so an unknown key still gets the JSON error body of every other call.
   */
  @GetMapping("/projects/{key}/report")
  @Operation(summary = "The project report (HTML): final once the project ended, interim before")
  public ResponseEntity<String> report(@PathVariable String key) {
    return ResponseEntity.ok().contentType(HTML).body(projects.finalReport(key));
  }
}
