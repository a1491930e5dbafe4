package io.pmoflow.api;

import io.pmoflow.project.Delegation;
import io.pmoflow.project.InvalidInputException;
import io.pmoflow.project.ProjectService;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's out-of-office delegation: while it is in force, new tasks for them go to the substitute. Writes
 * need HTTP Basic (the API filter accepts a webapp session for reading only).
 */
@RestController
@Tag(name = "Me", description = "The caller's inbox and out-of-office delegation")
@RequestMapping("/api/me/delegation")
public class DelegationController {

  /** The body of PUT; dates as {@code yyyy-MM-dd}, both inclusive. */
  public record DelegationRequest(String substitute, String from, String to) {
  }

  private final ProjectService projects;

  public DelegationController(ProjectService projects) {
    this.projects = projects;
  }

  @GetMapping
  public ResponseEntity<?> get(HttpServletRequest request) {
    String user = NotificationController.currentUser(request);
    return projects.delegation(user).<ResponseEntity<?>>map(ResponseEntity::ok)
        .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
            .body(new ApiError(404, "Not Found", null, "You have no delegation")));
  }

  @PutMapping
  public Delegation put(HttpServletRequest request, @RequestBody DelegationRequest body) {
    String user = NotificationController.currentUser(request);
    projects.setDelegation(user, body.substitute(), date("from", body.from()), date("to", body.to()));
    return projects.delegation(user).orElseThrow();
  }

  @DeleteMapping
  public ResponseEntity<Void> delete(HttpServletRequest request) {
    projects.clearDelegation(NotificationController.currentUser(request));
    return ResponseEntity.noContent().build();
  }

  private static LocalDate date(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, "'" + value + "' is not a date (yyyy-MM-dd)");
    }
  }
}
