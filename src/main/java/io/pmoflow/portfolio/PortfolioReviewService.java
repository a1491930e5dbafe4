package io.pmoflow.portfolio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.pmoflow.project.InvalidInputException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quarterly portfolio reviews: an immutable snapshot when the review opens, the agenda (projects the
 * reviewAgenda decision flags, with its reasons), and the board's decision on every agenda item, recorded on the
 * review and in each project's history. Acting on the decisions is the process's part.
 */
@Service
public class PortfolioReviewService {

  static final int MAX_COMMENT = 4000;

  private final PortfolioReviewRepository repository;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  public PortfolioReviewService(PortfolioReviewRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  /** Opens a review with a snapshot of the portfolio as it is now; {@code trigger} is SCHEDULED or MANUAL. */
  @Transactional
  public long openReview(String trigger, String actor) {
    List<ReviewCandidate> active = repository.candidates();
    Map<String, Object> snapshot = new LinkedHashMap<>();
    snapshot.put("takenAt", now());
    snapshot.put("byPhase", repository.countBy("phase"));
    snapshot.put("byHealth", repository.countBy("health"));
    snapshot.put("byPmoType", repository.countBy("pmo_type"));
    snapshot.putAll(repository.totals());
    snapshot.put("activeProjects", active);
    try {
      return repository.insertReview(trigger, actor, now(), json.writeValueAsString(snapshot));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("snapshot cannot be written", e);
    }
  }

  @Transactional(readOnly = true)
  public List<ReviewCandidate> candidates() {
    return repository.candidates();
  }

  @Transactional
  public void addAgendaItem(long reviewId, String projectKey, List<String> reasons) {
    repository.insertItem(reviewId, projectKey, String.join("; ", reasons));
  }

  /**
   * Records the board's decisions: every agenda item needs one (CONTINUE, REPLAN, PAUSE or CANCEL) and a comment
   * unless it is CONTINUE; nothing is written unless all are valid. Fields are named {@code agendaDecisions[i].…}.
   */
  @Transactional
  public void recordDecisions(long reviewId, List<ReviewDecision> decisions, String actor) {
    PortfolioReview review = review(reviewId);
    Set<String> agenda = review.agenda().stream().map(PortfolioReview.Item::projectKey).collect(Collectors.toSet());
    Set<String> decided = new HashSet<>();
    for (int i = 0; i < decisions.size(); i++) {
      ReviewDecision d = decisions.get(i);
      String field = "agendaDecisions[" + i + "]";
      if (d.projectKey() == null || !agenda.contains(d.projectKey())) {
        throw new InvalidInputException(field + ".projectKey", "'" + d.projectKey() + "' is not on this review's agenda");
      }
      if (!decided.add(d.projectKey())) {
        throw new InvalidInputException(field + ".projectKey", "'" + d.projectKey() + "' is decided twice");
      }
      ReviewDecision.Kind kind = kind(field + ".decision", d.decision());
      if (kind != ReviewDecision.Kind.CONTINUE && (d.comment() == null || d.comment().isBlank())) {
        throw new InvalidInputException(field + ".comment", "is required unless the project continues");
      }
      if (d.comment() != null && d.comment().length() > MAX_COMMENT) {
        throw new InvalidInputException(field + ".comment", "must be at most " + MAX_COMMENT + " characters");
      }
    }
    agenda.removeAll(decided);
    if (!agenda.isEmpty()) {
      throw new InvalidInputException("agendaDecisions", "no decision for " + String.join(", ", agenda.stream()
          .sorted().toList()));
    }
    OffsetDateTime now = now();
    for (ReviewDecision d : decisions) {
      String comment = d.comment() == null || d.comment().isBlank() ? null : d.comment().trim();
      repository.decideItem(reviewId, d.projectKey(), d.decision(), comment, actor, now);
      repository.appendProjectHistory(d.projectKey(), "PORTFOLIO_REVIEW", d.decision(), comment, actor, now);
    }
  }

  /** The project manager's answer to a REPLAN decision (field {@code replanNote}, required). */
  @Transactional
  public void recordReplan(long reviewId, String projectKey, String note, String actor) {
    review(reviewId);
    if (note == null || note.isBlank()) {
      throw new InvalidInputException("replanNote", "is required: how the project will be re-planned");
    }
    if (note.length() > MAX_COMMENT) {
      throw new InvalidInputException("replanNote", "must be at most " + MAX_COMMENT + " characters");
    }
    repository.appendProjectHistory(projectKey, "REPLAN_SUBMITTED", null, note.trim(), actor, now());
  }

  @Transactional
  public void complete(long reviewId) {
    review(reviewId);
    repository.complete(reviewId, now());
  }

  @Transactional(readOnly = true)
  public PortfolioReview review(long reviewId) {
    return repository.review(reviewId).orElseThrow(() -> new ReviewNotFoundException(reviewId));
  }

  private static ReviewDecision.Kind kind(String field, String value) {
    try {
      return ReviewDecision.Kind.valueOf(value == null ? "" : value);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(field, "must be one of " + List.of(ReviewDecision.Kind.values()));
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
