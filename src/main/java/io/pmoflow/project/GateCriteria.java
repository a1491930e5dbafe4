package io.pmoflow.project;

import io.pmoflow.project.GateCriteriaNotMetException.Gap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The entry criteria of each gate, read from the store. The history decides what was done when: the initial
 * risk assessment, the deliverables declared ready, and the latest sign-off of a gate.
 */
final class GateCriteria {

  private final ProjectRepository repository;
  private final DeliveryRepository delivery;

  GateCriteria(ProjectRepository repository, DeliveryRepository delivery) {
    this.repository = repository;
    this.delivery = delivery;
  }

  /** Every criterion of {@code gate} the project does not meet yet; empty when the gate may be requested. */
  List<Gap> gaps(String key, Gate gate) {
    List<Gap> gaps = new ArrayList<>();
    List<ProjectDetails.HistoryEntry> history = repository.history(key);
    switch (gate) {
      case CHARTER -> {
        if (!repository.hasCharter(key)) {
          gaps.add(gap("charter", "no charter has been recorded"));
        }
        if (repository.team(key).isEmpty()) {
          gaps.add(gap("teamMembers", "at least one team member is required"));
        }
        if (history.stream().noneMatch(h -> h.type().equals(ProjectService.RISKS_ASSESSED))) {
          gaps.add(gap("initialRisks", "the initial risk assessment has not been recorded"));
        }
      }
      case PLAN -> {
        Optional<ProjectDetails.PlanView> plan = delivery.plan(key);
        if (plan.isEmpty()) {
          gaps.add(gap("plan", "no plan has been recorded"));
        }
        if (repository.milestones(key).isEmpty()) {
          gaps.add(gap("milestones", "at least one milestone is required"));
        }
        if (plan.map(p -> p.budgetTotal().signum() <= 0).orElse(true)) {
          gaps.add(gap("budget", "the plan's budget lines must total more than 0"));
        }
      }
      case CLOSURE_READINESS -> {
        List<String> open = openMilestones(repository.milestones(key), Map.of());
        if (!open.isEmpty()) {
          gaps.add(openMilestonesGap(open));
        }
        if (!deliverablesReady(history)) {
          gaps.add(gap("deliverables", "the deliverables have not been declared ready"));
        }
      }
      case ACCEPTANCE -> {
        if (!isApproved(history, Gate.CLOSURE_READINESS + "_SIGN_OFF")) {
          gaps.add(gap("closureReadiness", "closure readiness has not been approved"));
        }
      }
    }
    return gaps;
  }

  static Gap gap(String criterion, String problem) {
    return new Gap(criterion, problem);
  }

  /** Names of the milestones neither DONE nor WAIVED once {@code updated} statuses are applied. */
  static List<String> openMilestones(List<ProjectDetails.MilestoneView> milestones,
      Map<Long, MilestoneStatus> updated) {
    return milestones.stream()
        .filter(m -> !updated.getOrDefault(m.id(), MilestoneStatus.valueOf(m.status())).isSettled())
        .map(ProjectDetails.MilestoneView::name)
        .toList();
  }

  static Gap openMilestonesGap(List<String> open) {
    return gap("milestones", "every milestone must be DONE or WAIVED; still open: " + String.join(", ", open));
  }

  /**
   * Whether the deliverables were declared ready since closure readiness was last turned down, so a rejected
   * closure sends the project manager back to declare them again.
   */
  private static boolean deliverablesReady(List<ProjectDetails.HistoryEntry> history) {
    boolean ready = false;
    for (ProjectDetails.HistoryEntry h : history) {
      if (h.type().equals(ProjectService.DELIVERABLES_READY)) {
        ready = true;
      } else if (h.type().startsWith(Gate.CLOSURE_READINESS + "_") && h.decision() != null
          && !Decision.APPROVED.name().equals(h.decision())) {
        ready = false;
      }
    }
    return ready;
  }

  /** Whether the latest decision recorded as {@code type} is APPROVED. */
  static boolean isApproved(List<ProjectDetails.HistoryEntry> history, String type) {
    String latest = null;
    for (ProjectDetails.HistoryEntry h : history) {
      if (h.type().equals(type)) {
        latest = h.decision();
      }
    }
    return Decision.APPROVED.name().equals(latest);
  }
}
