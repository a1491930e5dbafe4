package io.pmoflow.api;

import io.pmoflow.notify.InboxItem;
import io.pmoflow.notify.NotificationService;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The current user's in-app inbox. */
@RestController
@Tag(name = "Me", description = "The caller's inbox and out-of-office delegation")
@RequestMapping("/api/notifications")
public class NotificationController {

  private final NotificationService notifications;

  public NotificationController(NotificationService notifications) {
    this.notifications = notifications;
  }

  @GetMapping
  public List<InboxItem> inbox(HttpServletRequest request, @RequestParam(defaultValue = "false") boolean unread) {
    return notifications.inbox(currentUser(request), unread);
  }

  @PostMapping("/{id}/read")
  public ResponseEntity<ApiError> markRead(HttpServletRequest request, @PathVariable long id) {
    if (!notifications.markRead(currentUser(request), id)) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .body(new ApiError(404, "Not Found", null, "You have no notification " + id));
    }
    return ResponseEntity.noContent().build();
  }

  static String currentUser(HttpServletRequest request) {
    return (String) request.getAttribute(ApiAuthenticationFilter.USER_ATTRIBUTE);
  }
}
