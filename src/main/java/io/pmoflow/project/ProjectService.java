package io.pmoflow.project;

import static io.pmoflow.project.Fields.MAX_TEXT;
import static io.pmoflow.project.Fields.blankToNull;
import static io.pmoflow.project.Fields.clip;
import static io.pmoflow.project.Fields.optionalText;
import static io.pmoflow.project.Fields.orEmpty;
import static io.pmoflow.project.Fields.requireAmount;
import static io.pmoflow.project.Fields.requireScale;
import static io.pmoflow.project.Fields.requireText;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
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

  static final String PLAN_RISK_SOURCE = "PLAN";
  public static final String INITIAL_RISK_SOURCE = "INITIAL_ASSESSMENT";
  static final String RISKS_ASSESSED = "RISKS_ASSESSED";
  static final String DELIVERABLES_READY = "DELIVERABLES_READY";

  private final ProjectRepository repository;
  private final DeliveryRepository delivery;
  private final UserDirectory directory;
  private final DeliveryInputs deliveryInputs;
  private final GateCriteria gateCriteria;
  private final Clock clock;

  public ProjectService(ProjectRepository repository, DeliveryRepository delivery, UserDirectory directory,
      Clock clock) {
    this.repository = repository;
    this.delivery = delivery;
    this.directory = directory;
    this.deliveryInputs = new DeliveryInputs(directory);
    this.gateCriteria = new GateCriteria(repository, delivery);
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
    ProjectStatus status = target.isEnded() ? ProjectStatus.ENDED
        : project.status() == ProjectStatus.ON_HOLD ? ProjectStatus.ON_HOLD : ProjectStatus.ACTIVE;
    repository.updatePhase(key, target, status, now);
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
    requireNotArchived(key);
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
    requireNotArchived(key);
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
    requireNotArchived(key);
    for (int i = 0; i < risks.size(); i++) {
      RiskInput r = risks.get(i);
      String field = "risks[" + i + "]";
      requireText(field + ".title", r.title(), 200);
      requireScale(field + ".probability", r.probability());
      requireScale(field + ".impact", r.impact());
      optionalText(field + ".response", r.response());
    }
    OffsetDateTime now = now();
    // a charter sent back by its gate is assessed again: the new assessment replaces the earlier one
    repository.replaceRisks(key, INITIAL_RISK_SOURCE, risks, now);
    repository.appendHistory(key, RISKS_ASSESSED, project.phase(), actor, null, risks.size() + " risks", now);
  }

  /**
   * Records the plan, replacing an earlier one (a recycled plan is submitted again): its milestones replace the
   * project's, its risks the earlier plan risks, and the project's budget and planned dates follow it.
   */
  public void recordPlan(String key, Plan plan, String actor) {
    ProjectSummary project = require(key);
    requireChangeable(project);
    BigDecimal total = deliveryInputs.plan(plan);
    Plan complete = new Plan(plan.plannedStart(), plan.plannedEnd(), plan.workPackages(), plan.milestones(),
        plan.budget(), orEmpty(plan.resources()), orEmpty(plan.communications()), orEmpty(plan.risks()),
        plan.qualityStandards(), plan.qualityAcceptanceCriteria());
    OffsetDateTime now = now();
    repository.replaceMilestones(key, complete.milestones());
    repository.replaceRisks(key, PLAN_RISK_SOURCE, complete.risks(), now);
    delivery.replacePlan(key, complete, total, actor, now);
    repository.appendHistory(key, "PLAN_DRAFTED", project.phase(), actor, null,
        "%d work packages, %d milestones, budget %s".formatted(complete.workPackages().size(),
            complete.milestones().size(), total.toPlainString()), now);
  }

  /** The current milestones, to prefill the plan form with the charter's. */
  @Transactional(readOnly = true)
  public List<Charter.Milestone> milestonesForPlanning(String key) {
    require(key);
    return repository.milestones(key).stream().map(m -> new Charter.Milestone(m.name(), m.dueDate())).toList();
  }

  /** Throws {@link GateCriteriaNotMetException} listing every entry criterion of the gate that is not met. */
  @Transactional(readOnly = true)
  public void requireGateCriteria(String key, Gate gate) {
    require(key);
    List<GateCriteriaNotMetException.Gap> gaps = gateCriteria.gaps(key, gate);
    if (!gaps.isEmpty()) {
      throw new GateCriteriaNotMetException(gate, gaps);
    }
  }

  /** Freezes the current budget, planned dates, milestones and scope as the next baseline version. */
  public Baseline freezeBaseline(String key, String actor) {
    ProjectSummary project = require(key);
    OffsetDateTime now = now();
    ProjectDetails.CharterView charter = repository.charter(key);
    Baseline baseline = new Baseline(delivery.nextBaselineVersion(key), project.budget(), project.plannedStart(),
        project.plannedEnd(), charter == null ? null : charter.scopeIn(), milestonesForPlanning(key), actor, now);
    delivery.insertBaseline(key, baseline);
    repository.appendHistory(key, "BASELINE_FROZEN", project.phase(), actor, null,
        "version " + baseline.version(), now);
    return baseline;
  }

  @Transactional(readOnly = true)
  public List<WorkPackageView> workPackages(String key) {
    require(key);
    return delivery.workPackages(key);
  }

  @Transactional(readOnly = true)
  public WorkPackageView workPackage(String key, long workPackageId) {
    require(key);
    return delivery.workPackage(key, workPackageId).orElseThrow(() -> new InvalidInputException("workPackageId",
        "no work package " + workPackageId + " in project " + key));
  }

  /**
   * The owner of a work package (or the project manager) reports it done: its cost adds to the project's actual
   * cost and percent complete becomes the share of done packages.
   */
  public void recordWorkPackageDone(String key, long workPackageId, LocalDate completedOn, BigDecimal actualCost,
      String note, String actor) {
    ProjectSummary project = require(key);
    requireChangeable(project);
    if (completedOn == null) {
      throw new InvalidInputException("completedOn", "is required");
    }
    requireAmount("actualCost", actualCost);
    optionalText("note", note);
    WorkPackageView workPackage = workPackage(key, workPackageId);
    if (actor == null || !(actor.equals(workPackage.owner()) || actor.equals(project.projectManager()))) {
      throw new ForbiddenActionException("Only the owner " + workPackage.owner() + " or the project manager may "
          + "report work package '" + workPackage.name() + "' of " + key + " done");
    }
    if (DeliveryRepository.DONE.equals(workPackage.status())) {
      throw new InvalidInputException("workPackageId", "work package '" + workPackage.name()
          + "' was already reported done on " + workPackage.completedOn());
    }
    OffsetDateTime now = now();
    delivery.completeWorkPackage(key, workPackageId, completedOn, actualCost, blankToNull(note), now);
    repository.appendHistory(key, "WORK_PACKAGE_DONE", project.phase(), actor, null, workPackage.name(), now);
  }

  @Transactional(readOnly = true)
  public List<ProjectDetails.MilestoneView> milestones(String key) {
    require(key);
    return repository.milestones(key);
  }

  @Transactional(readOnly = true)
  public List<IssueView> issues(String key) {
    require(key);
    return delivery.issues(key);
  }

  /**
   * Applies an execution update as a whole: everything is validated first, and declaring the deliverables ready
   * while a milestone is still open (after this update) refuses the whole update.
   */
  public void recordExecutionUpdate(String key, ExecutionUpdate update, String actor) {
    ProjectSummary project = require(key);
    requireChangeable(project);
    List<ProjectDetails.MilestoneView> milestones = repository.milestones(key);
    Map<Long, ProjectDetails.MilestoneView> milestonesById = milestones.stream()
        .collect(Collectors.toMap(ProjectDetails.MilestoneView::id, m -> m));
    Map<Long, IssueView> issuesById = delivery.issues(key).stream()
        .collect(Collectors.toMap(IssueView::id, i -> i));
    Map<Long, MilestoneStatus> statuses = deliveryInputs.executionUpdate(update, milestonesById.keySet(),
        issuesById.keySet());
    if (update.deliverablesReady()) {
      List<String> open = GateCriteria.openMilestones(milestones, statuses);
      if (!open.isEmpty()) {
        throw new GateCriteriaNotMetException(Gate.CLOSURE_READINESS, "Deliverables cannot be declared ready",
            List.of(GateCriteria.openMilestonesGap(open)));
      }
    }
    OffsetDateTime now = now();
    for (MilestoneUpdate u : orEmpty(update.milestones())) {
      recordMilestone(key, project.phase(), milestonesById.get(u.milestoneId()), u, actor, now);
    }
    for (NewIssue issue : orEmpty(update.newIssues())) {
      delivery.insertIssue(key, issue, now);
      repository.appendHistory(key, "ISSUE_LOGGED", project.phase(), actor, null,
          issue.severity() + ": " + issue.title(), now);
    }
    for (IssueUpdate u : orEmpty(update.issueUpdates())) {
      IssueView issue = issuesById.get(u.issueId());
      if (!issue.status().equals(u.status())) {
        delivery.updateIssueStatus(key, u.issueId(), u.status(), now);
        repository.appendHistory(key, "ISSUE_UPDATED", project.phase(), actor, null,
            issue.title() + ": " + issue.status() + " → " + u.status(), now);
      }
    }
    if (blankToNull(update.progressNote()) != null) {
      repository.appendHistory(key, "PROGRESS_NOTED", project.phase(), actor, null, update.progressNote(), now);
    }
    if (update.deliverablesReady()) {
      repository.appendHistory(key, DELIVERABLES_READY, project.phase(), actor, null, null, now);
    }
    repository.touch(key, now);
  }

  /** Writes a milestone's new state and its history entry, unless nothing changes (a form sent it unchanged). */
  private void recordMilestone(String key, Phase phase, ProjectDetails.MilestoneView current, MilestoneUpdate u,
      String actor, OffsetDateTime now) {
    MilestoneStatus status = MilestoneStatus.valueOf(u.status());
    LocalDate actualDate = status == MilestoneStatus.PLANNED ? null : u.actualDate();
    String waiverReason = status == MilestoneStatus.WAIVED ? u.waiverReason() : null;
    if (current.status().equals(status.name()) && Objects.equals(current.actualDate(), actualDate)
        && Objects.equals(current.waiverReason(), waiverReason)) {
      return;
    }
    repository.updateMilestone(key, current.id(), status.name(), actualDate, waiverReason);
    String comment = status == MilestoneStatus.WAIVED ? clip(current.name() + ": " + waiverReason, MAX_TEXT)
        : current.name();
    repository.appendHistory(key, "MILESTONE_" + (status == MilestoneStatus.PLANNED ? "REOPENED" : status.name()),
        phase, actor, null, comment, now);
  }

  /** Archives the project's documents; from then on the project is read-only. */
  public void archiveDocuments(String key, List<DocumentLink> documents, String actor) {
    ProjectSummary project = require(key);
    deliveryInputs.documents(documents);
    OffsetDateTime now = now();
    delivery.archive(key, documents, actor, now);
    repository.appendHistory(key, "DOCUMENTS_ARCHIVED", project.phase(), actor, null,
        documents.size() + " documents", now);
  }

  /** Lessons learned; allowed on archived projects, as they are usually written last. */
  public void recordLessons(String key, List<Lesson> lessons, String actor) {
    ProjectSummary project = require(key);
    deliveryInputs.lessons(lessons);
    OffsetDateTime now = now();
    for (Lesson lesson : lessons) {
      delivery.insertLesson(key, lesson, actor, now);
    }
    repository.appendHistory(key, "LESSONS_CAPTURED", project.phase(), actor, null, lessons.size() + " lessons",
        now);
  }

  /** Lessons of all projects whose texts or project name contain {@code text} (any case), newest first. */
  @Transactional(readOnly = true)
  public Page<LessonView> searchLessons(String text, String category, int page, int size) {
    requirePage(page, size);
    LessonCategory c = blankToNull(category) == null ? null
        : Fields.requireOneOf("category", category, LessonCategory.class);
    return delivery.searchLessons(text, c, page, size);
  }

  /** Releases every team member and plan resource not released yet; returns who was released. */
  public List<String> releaseResources(String key, String actor) {
    ProjectSummary project = require(key);
    OffsetDateTime now = now();
    List<String> released = delivery.releaseResources(key, now);
    repository.appendHistory(key, "RESOURCES_RELEASED", project.phase(), actor, null,
        released.isEmpty() ? null : clip(String.join(", ", released), MAX_TEXT), now);
    return released;
  }

  public void setOnHold(String key, String actor, String comment) {
    ProjectSummary project = requireNotEnded(key, "be put on hold");
    optionalText("holdComment", comment);
    if (project.status() == ProjectStatus.ON_HOLD) {
      throw new InvalidInputException("status", "project " + key + " is already on hold");
    }
    OffsetDateTime now = now();
    repository.updateStatus(key, ProjectStatus.ON_HOLD, now);
    repository.appendHistory(key, "PUT_ON_HOLD", project.phase(), actor, null, blankToNull(comment), now);
  }

  public void resume(String key, String actor, String comment) {
    ProjectSummary project = requireNotEnded(key, "resume");
    requireText("resumeComment", comment, MAX_TEXT);
    if (project.status() != ProjectStatus.ON_HOLD) {
      throw new InvalidInputException("status", "project " + key + " is not on hold");
    }
    OffsetDateTime now = now();
    repository.updateStatus(key, ProjectStatus.ACTIVE, now);
    repository.appendHistory(key, "RESUMED", project.phase(), actor, null, comment, now);
  }

  /** Moves an accepted project to CLOSED; a project already CLOSED stays as it is. */
  public void closeProject(String key, String actor) {
    ProjectSummary project = require(key);
    if (project.phase() == Phase.CLOSED) {
      return;
    }
    if (!GateCriteria.isApproved(repository.history(key), Gate.ACCEPTANCE + "_SIGN_OFF")) {
      throw new GateCriteriaNotMetException(Gate.ACCEPTANCE, "Project " + key + " cannot be closed",
          List.of(GateCriteria.gap("acceptance", "the sponsor has not signed the acceptance")));
    }
    changePhase(key, Phase.CLOSED, actor, null);
  }

  /** The project report as a self-contained HTML page: final once the project ended, interim before. */
  @Transactional(readOnly = true)
  public String finalReport(String key) {
    return ProjectReport.html(details(key), now());
  }

  private void requireChangeable(ProjectSummary project) {
    requireNotArchived(project.key());
    if (project.phase().isEnded()) {
      throw new ForbiddenActionException("Project " + project.key() + " is " + project.phase()
          + " and can no longer change");
    }
  }

  private void requireNotArchived(String key) {
    if (delivery.isArchived(key)) {
      throw new ForbiddenActionException("Project " + key + " is archived and read-only");
    }
  }

  private ProjectSummary requireNotEnded(String key, String action) {
    ProjectSummary project = require(key);
    if (project.phase().isEnded()) {
      throw new ForbiddenActionException("Project " + key + " is " + project.phase() + " and cannot " + action);
    }
    return project;
  }

  public ProjectSummary require(String key) {
    return repository.findSummary(key).orElseThrow(() -> new ProjectNotFoundException(key));
  }

  public ProjectDetails details(String key) {
    return repository.findDetails(key).orElseThrow(() -> new ProjectNotFoundException(key));
  }

  @Transactional(readOnly = true)
  public Page<ProjectSummary> list(ProjectFilter filter, int page, int size) {
    requirePage(page, size);
    return repository.list(filter, page, size);
  }

  private static void requirePage(int page, int size) {
    if (page < 0) {
      throw new InvalidInputException("page", "must be 0 or more");
    }
    if (size < 1 || size > 200) {
      throw new InvalidInputException("size", "must be between 1 and 200");
    }
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

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }
}
