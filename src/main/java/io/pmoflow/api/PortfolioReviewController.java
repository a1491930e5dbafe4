package io.pmoflow.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pmoflow.portfolio.PortfolioReview;
import io.pmoflow.portfolio.PortfolioReviewService;
import io.pmoflow.portfolio.ReviewNotFoundException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/portfolio/reviews/{id}}: a portfolio review's report — snapshot, agenda, decisions. */
@RestController
@RequestMapping("/api/portfolio/reviews")
public class PortfolioReviewController {

  private final PortfolioReviewService reviews;
  private final ObjectMapper json;

  public PortfolioReviewController(PortfolioReviewService reviews, ObjectMapper json) {
    this.reviews = reviews;
    this.json = json;
  }

  @GetMapping("/{id}")
  public Map<String, Object> review(@PathVariable long id) throws JsonProcessingException {
    PortfolioReview review = reviews.review(id);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", review.id());
    body.put("trigger", review.trigger());
    body.put("openedBy", review.openedBy());
    body.put("openedAt", review.openedAt());
    body.put("status", review.status());
    body.put("completedAt", review.completedAt());
    body.put("snapshot", json.readValue(review.snapshot(), JsonNode.class));
    body.put("agenda", review.agenda());
    return body;
  }

  @ExceptionHandler(ReviewNotFoundException.class)
  ResponseEntity<ApiError> notFound(ReviewNotFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(new ApiError(404, HttpStatus.NOT_FOUND.getReasonPhrase(), null, e.getMessage()));
  }
}
