package io.pmoflow.portfolio;

import java.time.OffsetDateTime;
import java.util.List;

/** A portfolio review: its snapshot (JSON, immutable), agenda and decisions. */
public record PortfolioReview(long id, String trigger, String openedBy, OffsetDateTime openedAt, String status,
    OffsetDateTime completedAt, String snapshot, List<Item> agenda) {

  public record Item(String projectKey, String projectName, String reasons, String decision, String comment,
      String decidedBy, OffsetDateTime decidedAt) {
  }
}
