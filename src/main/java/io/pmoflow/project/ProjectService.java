package io.pmoflow.project;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of the project store: what a valid request, charter, team and risk list is, who may decide what,
 * and the append-only history of every phase change and decision. Every write joins the caller's transaction
 * (an engine command), so a failed process step leaves nothing behind.
 */
@Service
@Transactional
public class ProjectService {

  public static final String PROJECT_MANAGERS_GROUP = "project-managers";
  static final int MAX_TEXT = 4000;

  private final ProjectRepository repository;
  private final UserDirectory directory;
  private final Clock clock;

  public ProjectService(ProjectRepository repository, UserDirectory directory, Clock clock) {
    this.repository = repository;
    this.directory = directory;
    this.clock = clock;
  }

  /** Validates a request and records it as a new project in phase INTAKE; returns the project key. */
  public String registerRequest(ProjectRequest request, String requester) {
    validate(request);
    OffsetDateTime now = now();
    String key = "PRJ-%d-%04d".formatted(now.getYear(), repository.nextProjectNumber());
    repository.insert(key, request, requester, Phase.INTAKE, now);
    repository.appendHistory(key, "REQUESTED", Phase.INTAKE, requester, null, null, now);
    return key;
  }

  /** The requester answers a NEEDS_INFO screening with an amended request. */
  public void amendRequest(String key, ProjectRequest request, String actor, String amendmentNote) {
    ProjectSummary project = require(key);
    validate(request);
    requireText("amendmentNote", amendmentNote, MAX_TEXT);
    String requester = repository.findRequester(key).orElseThrow();
    if (actor != null && !actor.equals(requester)) {
      throw new ForbiddenActionException("Only the requester " + requester + " may amend request " + key);
    }
    OffsetDateTime now = now();
    repository.updateRequest(key, request, now);
    repository.appendHistory(key, "REQUEST_AMENDED", project.phase(), actor, null, amendmentNote, now);
  }

  public void recordGovernance(String key, Governance governance) {
    ProjectSummary project = require(key);
    OffsetDateTime now = now();
    repository.updateGovernance(key, governance, now);
    repository.appendHistory(key, "GOVERNANCE_ROUTED", project.phase(), "pmoGovernance", null,
        "%s PMO; screening by %s; status reports every %s".formatted(governance.pmoType(),
            governance.intakeApproverGroup(), governance.statusReportCadence()), now);
  }

  /**
   * Records a screening decision. Separation of duties: the requester may never screen their own request,
   * whatever groups they are in.
   */
  public void recordScreening(String key, String actor, String decision, String comment) {
    ProjectSummary project = require(key);
    String requester = repository.findRequester(key).orElseThrow();
    if (requester.equals(actor)) {
      throw new ForbiddenActionException(
          "Separation of duties: " + actor + " requested " + key + " and cannot screen it");
    }
    Decision d = decision("decision", decision, Set.of(Decision.APPROVED, Decision.REJECTED, Decision.NEEDS_INFO));
    requireCommentUnlessApproved(d, comment);
    repository.appendHistory(key, "SCREENING", project.phase(), actor, d.name(), blankToNull(comment), now());
  }

  /** Separation of duties at claim time: the requester cannot take their own screening task. */
  public void checkMayScreen(String key, String userId) {
    if (userId != null && userId.equals(repository.findRequester(key).orElse(null))) {
      throw new ForbiddenActionException(
          "Separation of duties: " + userId + " requested " + key + " and cannot screen it");
    }
  }

  /** Records a gate decision (review or sign-off) with the decisions that gate accepts. */
  public Decision recordGateDecision(String key, String gate, String step, String actor, String decision,
      String comment, Set<Decision> allowed) {
    ProjectSummary project = require(key);
    Decision d = decision("decision", decision, allowed);
    requireCommentUnlessApproved(d, comment);
    repository.appendHistory(key, gate + "_" + step, project.phase(), actor, d.name(), blankToNull(comment), now());
    return d;
  }

  /** Notes in the history who a gate is routed to, so the route is explainable later. */
  public void recordGateRoute(String key, String gate, String route) {
    ProjectSummary project = require(key);
    repository.appendHistory(key, gate + "_ROUTED", project.phase(), "gateApproval", null, route, now());
  }

  public void changePhase(String key, Phase target, String actor, String comment) {
    ProjectSummary project = require(key);
    if (project.phase() == target) {
      return;
    }
    if (project.phase().isEnded()) {
      throw new ForbiddenActionException("Project " + key + " is " + project.phase() + " and cannot move to " + target);
    }
    OffsetDateTime now = now();
    repository.updatePhase(key, target, now);
    repository.appendHistory(key, "PHASE_CHANGED", target, actor, null, blankToNull(comment), now);
  }

  public void assignProjectManager(String key, String projectManager, String actor) {
    ProjectSummary project = require(key);
    requireText("projectManager", projectManager, 64);
    if (!directory.userExists(projectManager)) {
      throw new InvalidInputException("projectManager", "no user with id '" + projectManager + "'");
    }
    if (!directory.isMember(projectManager, PROJECT_MANAGERS_GROUP)) {
      throw new InvalidInputException("projectManager",
          "'" + projectManager + "' is not a member of group " + PROJECT_MANAGERS_GROUP);
    }
    OffsetDateTime now = now();
    repository.updateProjectManager(key, projectManager, now);
    repository.appendHistory(key, "PROJECT_MANAGER_ASSIGNED", project.phase(), actor, null, projectManager, now);
  }

  public void recordCharter(String key, Charter charter, String actor) {
    ProjectSummary project = require(key);
    requireText("objectives", charter.objectives(), MAX_TEXT);
    requireText("scopeIn", charter.scopeIn(), MAX_TEXT);
    optionalText("scopeOut", charter.scopeOut());
    requireText("deliverables", charter.deliverables(), MAX_TEXT);
    requireText("acceptanceCriteria", charter.acceptanceCriteria(), MAX_TEXT);
    requireAmount("budgetEstimate", charter.budgetEstimate());
    optionalText("assumptions", charter.assumptions());
    optionalText("constraints", charter.constraints());
    if (charter.milestones().isEmpty()) {
      throw new InvalidInputException("milestones", "at least one milestone is required");
    }
    for (int i = 0; i < charter.milestones().size(); i++) {
      Charter.Milestone m = charter.milestones().get(i);
      requireText("milestones[" + i + "].name", m.name(), 200);
      if (m.dueDate() == null) {
        throw new InvalidInputException("milestones[" + i + "].dueDate", "is required");
      }
    }
    for (int i = 0; i < charter.stakeholders().size(); i++) {
      Charter.Stakeholder s = charter.stakeholders().get(i);
      requireText("stakeholders[" + i + "].name", s.name(), 200);
      requireText("stakeholders[" + i + "].role", s.role(), 200);
    }
    OffsetDateTime now = now();
    repository.replaceCharter(key, charter, actor, now);
    repository.appendHistory(key, "CHARTER_DRAFTED", project.phase(), actor, null, null, now);
  }

  public void recordTeam(String key, List<TeamMember> team, String actor) {
    ProjectSummary project = require(key);
    if (team.isEmpty()) {
      throw new InvalidInputException("teamMembers", "at least one team member is required");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < team.size(); i++) {
      TeamMember m = team.get(i);
      String field = "teamMembers[" + i + "]";
      requireText(field + ".userId", m.userId(), 64);
      if (!directory.userExists(m.userId())) {
        throw new InvalidInputException(field + ".userId", "no user with id '" + m.userId() + "'");
      }
      if (!seen.add(m.userId())) {
        throw new InvalidInputException(field + ".userId", "'" + m.userId() + "' is listed twice");
      }
      requireText(field + ".role", m.role(), 200);
      if (m.allocationPercent() < 1 || m.allocationPercent() > 100) {
        throw new InvalidInputException(field + ".allocationPercent", "must be between 1 and 100");
      }
    }
    OffsetDateTime now = now();
    repository.replaceTeam(key, team, now);
    repository.appendHistory(key, "TEAM_ASSEMBLED", project.phase(), actor, null, team.size() + " members", now);
  }

  public void recordInitialRisks(String key, List<RiskInput> risks, String actor) {
    ProjectSummary project = require(key);
    for (int i = 0; i < risks.size(); i++) {
      RiskInput r = risks.get(i);
      String field = "risks[" + i + "]";
      requireText(field + ".title", r.title(), 200);
      requireScale(field + ".probability", r.probability());
      requireScale(field + ".impact", r.impact());
      optionalText(field + ".response", r.response());
    }
    OffsetDateTime now = now();
    for (RiskInput r : risks) {
      repository.insertRisk(key, r, "INITIAL_ASSESSMENT", now);
    }
    repository.appendHistory(key, "RISKS_ASSESSED", project.phase(), actor, null, risks.size() + " risks", now);
  }

  public ProjectSummary require(String key) {
    return repository.findSummary(key).orElseThrow(() -> new ProjectNotFoundException(key));
  }

  public ProjectDetails details(String key) {
    return repository.findDetails(key).orElseThrow(() -> new ProjectNotFoundException(key));
  }

  @Transactional(readOnly = true)
  public Page<ProjectSummary> list(ProjectFilter filter, int page, int size) {
    if (page < 0) {
      throw new InvalidInputException("page", "must be 0 or more");
    }
    if (size < 1 || size > 200) {
      throw new InvalidInputException("size", "must be between 1 and 200");
    }
    return repository.list(filter, page, size);
  }

  void validate(ProjectRequest r) {
    requireText("projectName", r.name(), 200);
    if (r.name().strip().length() < 3) {
      throw new InvalidInputException("projectName", "must be 3 to 200 characters");
    }
    requireText("description", r.description(), MAX_TEXT);
    requireText("businessUnit", r.businessUnit(), 200);
    requireText("sponsor", r.sponsor(), 64);
    if (!directory.userExists(r.sponsor())) {
      throw new InvalidInputException("sponsor", "no user with id '" + r.sponsor() + "'");
    }
    requireAmount("estimatedBudget", r.estimatedBudget());
    if (r.strategicAlignment() == null) {
      throw new InvalidInputException("strategicAlignment", "is required");
    }
    requireScale("strategicAlignment", r.strategicAlignment());
    if (r.complexity() == null) {
      throw new InvalidInputException("complexity", "is required (LOW, MEDIUM or HIGH)");
    }
    if (r.riskLevel() == null) {
      throw new InvalidInputException("riskLevel", "is required (LOW, MEDIUM or HIGH)");
    }
    if (r.requestedStart() != null && r.requestedEnd() != null && r.requestedEnd().isBefore(r.requestedStart())) {
      throw new InvalidInputException("requestedEnd", "must not be before requestedStart");
    }
  }

  private static void requireAmount(String field, BigDecimal amount) {
    if (amount == null) {
      throw new InvalidInputException(field, "is required");
    }
    if (amount.signum() < 0) {
      throw new InvalidInputException(field, "must be 0 or more");
    }
    if (amount.compareTo(new BigDecimal("1e15")) >= 0) {
      throw new InvalidInputException(field, "is too large");
    }
  }

  private static void requireScale(String field, int value) {
    if (value < 1 || value > 5) {
      throw new InvalidInputException(field, "must be between 1 and 5");
    }
  }

  static void requireText(String field, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, "is required");
    }
    if (value.length() > maxLength) {
      throw new InvalidInputException(field, "must be at most " + maxLength + " characters");
    }
  }

  private static void optionalText(String field, String value) {
    if (value != null && value.length() > MAX_TEXT) {
      throw new InvalidInputException(field, "must be at most " + MAX_TEXT + " characters");
    }
  }

  private static Decision decision(String field, String value, Set<Decision> allowed) {
    Decision d = null;
    if (value != null) {
      try {
        d = Decision.valueOf(value);
      } catch (IllegalArgumentException e) {
        d = null;
      }
    }
    if (d == null || !allowed.contains(d)) {
      throw new InvalidInputException(field, "must be one of " + allowed.stream().map(Enum::name).sorted().toList());
    }
    return d;
  }

  private static void requireCommentUnlessApproved(Decision d, String comment) {
    if (d != Decision.APPROVED) {
      requireText("decisionComment", comment, MAX_TEXT);
    } else {
      optionalText("decisionComment", comment);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }
}
