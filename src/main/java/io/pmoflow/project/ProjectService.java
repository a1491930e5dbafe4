package io.pmoflow.project;

import static io.pmoflow.project.Fields.MAX_NAME;
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
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of the project store: what a valid request, charter, team and risk list is, who may decide what,
 * and the append-only history of every phase change and decision. Every write joins the caller's transaction
 * (an engine command), so a failed process step leaves nothing behind. It joins as a nested transaction (a
 * savepoint): when a statement fails, PostgreSQL aborts the whole transaction, and the engine, which still reads
 * executions while it handles the exception, would then record "An exception occurred in the persistence layer"
 * instead of the store's own error; rolled back to the savepoint, the job fails and the incident shows the real
 * cause (a missing table, a violated constraint). The step as a whole still rolls back with the engine command.
 */
@Service
@Transactional(propagation = Propagation.NESTED)
public class ProjectService {

  public static final String PROJECT_MANAGERS_GROUP = "project-managers";

  static final String PLAN_RISK_SOURCE = "PLAN";
  public static final String INITIAL_RISK_SOURCE = "INITIAL_ASSESSMENT";
  static final String RISKS_ASSESSED = "RISKS_ASSESSED";
  static final String DELIVERABLES_READY = "DELIVERABLES_READY";
  static final String ESCALATION_RISK_SOURCE = "ESCALATION";
  /** History entries that move a project into a phase: its request (INTAKE) and every phase change. */
  static final String REQUESTED = "REQUESTED";
  static final String PHASE_CHANGED = "PHASE_CHANGED";
  static final long MAX_SCHEDULE_IMPACT_DAYS = 3650;
  static final int MAX_PAGE_SIZE = 200;
  public static final int MAX_PROJECT_PAGE_SIZE = 500;

  private final ProjectRepository repository;
  private final DeliveryRepository delivery;
  private final UserDirectory directory;
  private final DeliveryInputs deliveryInputs;
  private final ControlRepository control;
  private final GateCriteria gateCriteria;
  private final Clock clock;

  public ProjectService(ProjectRepository repository, DeliveryRepository delivery, ControlRepository control,
      UserDirectory directory, Clock clock) {
    this.repository = repository;
    this.delivery = delivery;
    this.control = control;
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
    repository.appendHistory(key, REQUESTED, Phase.INTAKE, requester, null, null, now);
    repository.enterPhase(key, Phase.INTAKE, now);
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
    repository.appendHistory(key, PHASE_CHANGED, target, actor, null, blankToNull(comment), now);
    repository.enterPhase(key, target, now);
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
    Fields.requirePage(page, size, MAX_PAGE_SIZE);
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

  // --- monitoring and controlling (issue #4)

  /**
   * The project manager's status report: earned value against the current baseline as of today (the clock's
   * date), stored as report 1, 2, …; its percent complete and actual cost become the project's (the report is
   * the authoritative word, overriding what work package reports summed up). Returns the earned value.
   */
  public EarnedValue recordStatusReport(String key, StatusReportInput input, String actor) {
    ProjectSummary project = require(key);
    requireChangeable(project);
    if (project.phase() != Phase.EXECUTION) {
      throw new ForbiddenActionException("Project " + key + " is in " + project.phase()
          + "; status reports are made during EXECUTION");
    }
    Baseline baseline = currentBaseline(key);
    if (baseline == null) {
      throw new ForbiddenActionException("Project " + key + " has no baseline to report against");
    }
    Integer percent = input.percentComplete();
    if (percent == null) {
      throw new InvalidInputException("percentComplete", "is required");
    }
    if (percent < 0 || percent > 100) {
      throw new InvalidInputException("percentComplete", "must be between 0 and 100");
    }
    requireAmount("actualCostToDate", input.actualCostToDate());
    requireText("narrative", input.narrative(), MAX_TEXT);
    optionalText("nextSteps", input.nextSteps());
    OffsetDateTime now = now();
    EarnedValue ev = EarnedValueCalculator.compute(baseline, now.toLocalDate(), percent, input.actualCostToDate());
    control.insertStatusReport(key, new StatusReportInput(percent, ev.ac(), input.narrative(),
        blankToNull(input.nextSteps())), baseline.version(), ev, actor, now);
    control.updateProgress(key, percent, ev.ac(), ev.eac(), now);
    repository.appendHistory(key, "STATUS_REPORTED", project.phase(), actor, null,
        "SPI %s · CPI %s".formatted(ratio(ev.spi()), ratio(ev.cpi())), now);
    return ev;
  }

  /** The id of the project's latest status report. */
  @Transactional(readOnly = true)
  public long lastStatusReportId(String key) {
    require(key);
    return control.lastStatusReportId(key).orElseThrow(() -> new InvalidInputException("statusReportId",
        "project " + key + " has no status report yet"));
  }

  /**
   * Stores the health the {@code projectHealth} decision gave, with its explanation, on the project and on the
   * status report it was assessed from; {@code statusReportId} null for an assessment no report triggered (a
   * critical risk before the first report). A longer explanation than a column holds is shortened, not refused:
   * it is written by the process, not typed by a person.
   */
  public void recordHealth(String key, Long statusReportId, String health, String explanation, String actor) {
    ProjectSummary project = require(key);
    if (statusReportId != null && control.statusReport(key, statusReportId).isEmpty()) {
      throw new InvalidInputException("statusReportId", "no status report " + statusReportId + " in project " + key);
    }
    Health h = Fields.requireOneOf("health", health, Health.class);
    requireText("healthExplanation", explanation, Integer.MAX_VALUE);
    String text = clip(explanation, MAX_TEXT);
    OffsetDateTime now = now();
    control.updateHealth(key, statusReportId, h, text, now);
    repository.appendHistory(key, "HEALTH_ASSESSED", project.phase(), actor, h.name(), text, now);
  }

  /** Risks rated CRITICAL that are still OPEN, as {@code projectHealth} counts them. */
  @Transactional(readOnly = true)
  public int openCriticalRisks(String key) {
    require(key);
    return control.openRisks(key, RiskSeverity.CRITICAL);
  }

  /**
   * Ids of the project's risks no {@code riskAssessment} has rated yet (initial and plan risks are recorded
   * without a severity), oldest first, so a process can have each of them assessed with {@link #assessRisk}.
   */
  @Transactional(readOnly = true)
  public List<Long> unassessedRisks(String key) {
    require(key);
    return control.unassessedRisks(key);
  }

  /** The latest baseline version, or null while the project has none (before the plan gate approved the plan). */
  @Transactional(readOnly = true)
  public Baseline currentBaseline(String key) {
    require(key);
    List<Baseline> baselines = delivery.baselines(key);
    return baselines.isEmpty() ? null : baselines.get(baselines.size() - 1);
  }

  /**
   * Registers a change request (status REQUESTED) and returns its id. The project key is a start variable of
   * {@code changeRequest}, so an unknown, ended or not yet baselined project is refused as bad input naming it.
   */
  public long registerChange(String key, ChangeInput input, String requester) {
    ProjectSummary project = requireActiveByKey(key, "changes can only be requested for an active project");
    Baseline baseline = currentBaseline(key);
    if (baseline == null) {
      throw new InvalidInputException("projectKey", "project " + key + " has no baseline yet: changes are "
          + "controlled from the plan the plan gate approved (baseline 1) on");
    }
    requireText("title", input.title(), MAX_NAME);
    requireText("reason", input.reason(), MAX_TEXT);
    String scope = requireImpacts(baseline, input.costImpact(), input.scheduleImpactDays(), input.scopeImpact());
    OffsetDateTime now = now();
    long id = control.insertChange(key, new ChangeInput(input.title(), input.reason(), input.costImpact(),
        input.scheduleImpactDays(), scope), requester, now);
    repository.appendHistory(key, "CHANGE_REQUESTED", project.phase(), requester, null, input.title(), now);
    return id;
  }

  /**
   * The project manager's impact assessment (status ASSESSED). The impacts may be adjusted under the rules of
   * {@link #registerChange}; an impact passed as null keeps the value requested. An assessed change that is not
   * decided yet may be assessed again.
   */
  public void assessChange(String key, long changeId, BigDecimal costImpact, Long scheduleImpactDays,
      String scopeImpact, String assessment, String actor) {
    ProjectSummary project = require(key);
    requireChangeable(project);
    ChangeView change = requireUndecidedChange(key, changeId);
    BigDecimal cost = costImpact == null ? change.costImpact() : costImpact;
    long days = scheduleImpactDays == null ? change.scheduleImpactDays() : scheduleImpactDays;
    String scope = requireImpacts(requireBaseline(key), cost, days,
        scopeImpact == null ? change.scopeImpact() : scopeImpact);
    requireText("impactAssessment", assessment, MAX_TEXT);
    OffsetDateTime now = now();
    control.assessChange(key, changeId, cost, days, scope, assessment);
    repository.appendHistory(key, "CHANGE_ASSESSED", project.phase(), actor, null,
        "#%d %s: cost %s, schedule +%d days, scope %s".formatted(change.number(), change.title(),
            signedAmount(cost), days, scope), now);
  }

  /**
   * Decides an assessed change. {@code approver} is the level that decided (PROJECT_MANAGER or a group id, as
   * {@code changeApproval} routed it). APPROVED freezes the next baseline version from the current one: budget
   * plus the cost impact, planned end plus the schedule impact, the change noted under the scope, milestones
   * unchanged (their dates are the plan's to move, in a progress update); the project's budget and planned end
   * follow. Returns the new version, or null for REJECTED.
   */
  public Integer decideChange(String key, long changeId, String decision, String comment, String approver,
      String actor) {
    ProjectSummary project = require(key);
    ChangeView change = requireUndecidedChange(key, changeId);
    if (!"ASSESSED".equals(change.status())) {
      throw new InvalidInputException("changeId", "change #" + change.number() + " has not been assessed yet");
    }
    Decision d = decision("decision", decision, Set.of(Decision.APPROVED, Decision.REJECTED));
    requireCommentUnlessApproved(d, comment);
    requireText("approver", approver, Fields.MAX_USER_ID);
    OffsetDateTime now = now();
    String subject = "#" + change.number() + " " + change.title();
    if (d == Decision.REJECTED) {
      control.decideChange(key, changeId, d, approver, actor, comment, null, now);
      repository.appendHistory(key, "CHANGE_REJECTED", project.phase(), actor, d.name(),
          clip(subject + ": " + comment, MAX_TEXT), now);
      return null;
    }
    requireChangeable(project);
    Baseline current = requireBaseline(key);
    BigDecimal budget = orZero(current.budget()).add(change.costImpact());
    if (budget.signum() < 0) {
      throw new InvalidInputException("costImpact", "would bring the budget of " + orZero(current.budget())
          .toPlainString() + " below 0");
    }
    LocalDate plannedEnd = current.plannedEnd() == null ? null
        : current.plannedEnd().plusDays(change.scheduleImpactDays());
    String note = "Change #%d: %s (%s)".formatted(change.number(), change.title(), change.scopeImpact());
    String scope = clip(current.scope() == null ? note : current.scope() + "\n" + note, MAX_TEXT);
    int version = current.version() + 1;
    control.decideChange(key, changeId, d, approver, actor, blankToNull(comment), version, now);
    repository.appendHistory(key, "CHANGE_APPROVED", project.phase(), actor, d.name(),
        clip(subject + " → baseline version " + version, MAX_TEXT), now);
    rebaseline(project, current, budget, plannedEnd, scope, actor, now);
    return version;
  }

  @Transactional(readOnly = true)
  public ChangeView change(String key, long changeId) {
    require(key);
    return control.change(key, changeId).orElseThrow(() -> new InvalidInputException("changeId",
        "no change " + changeId + " in project " + key));
  }

  /**
   * A risk reported during the project ({@code riskEscalation}): stored OPEN with source ESCALATION, the
   * proposed mitigation as its response. Returns its id.
   */
  public long registerEscalatedRisk(String key, String riskTitle, Integer probability, Integer impact,
      String mitigation, String actor) {
    ProjectSummary project = requireActiveByKey(key, "risks can only be reported for an active project");
    requireText("riskTitle", riskTitle, MAX_NAME);
    requireScaleValue("probability", probability);
    requireScaleValue("impact", impact);
    optionalText("mitigation", mitigation);
    OffsetDateTime now = now();
    long id = control.insertEscalatedRisk(key, riskTitle, probability, impact, blankToNull(mitigation),
        ESCALATION_RISK_SOURCE, now);
    repository.appendHistory(key, "RISK_REPORTED", project.phase(), actor, null,
        "%s (probability %d × impact %d = %d)".formatted(riskTitle, probability, impact, probability * impact), now);
    return id;
  }

  /** Stores what {@code riskAssessment} decided: the severity and the owner (a group id or PROJECT_MANAGER). */
  public void assessRisk(String key, long riskId, String severity, String ownerGroup) {
    ProjectSummary project = require(key);
    ProjectDetails.RiskView risk = requireRisk(key, riskId);
    RiskSeverity s = Fields.requireOneOf("severity", severity, RiskSeverity.class);
    requireText("owner", ownerGroup, Fields.MAX_USER_ID);
    OffsetDateTime now = now();
    control.assessRisk(key, riskId, s, ownerGroup);
    repository.appendHistory(key, "RISK_ASSESSED", project.phase(), "riskAssessment", s.name(),
        clip(risk.title() + ": owner " + ownerGroup, MAX_TEXT), now);
  }

  /** The risk owner's response to an escalated risk: strategy, a due date from today on, and a note. */
  public void recordRiskResponse(String key, long riskId, String strategy, LocalDate dueDate, String note,
      String actor) {
    ProjectSummary project = require(key);
    requireChangeable(project);
    ProjectDetails.RiskView risk = requireRisk(key, riskId);
    RiskResponseStrategy s = Fields.requireOneOf("responseStrategy", strategy, RiskResponseStrategy.class);
    requireFromToday("responseDueDate", dueDate);
    optionalText("responseNote", note);
    OffsetDateTime now = now();
    control.recordRiskResponse(key, riskId, s, dueDate, blankToNull(note));
    repository.appendHistory(key, "RISK_RESPONSE_CHOSEN", project.phase(), actor, s.name(),
        clip(risk.title() + ": due " + dueDate + (blankToNull(note) == null ? "" : "; " + note), MAX_TEXT), now);
  }

  /**
   * An exception report: a forecast breached a tolerance, and the project manager says why, what the options are
   * and which one to take. REPLAN needs the proposed budget and end date of the new baseline; the other
   * recommendations store none. Returns its id.
   */
  public long recordExceptionReport(String key, String cause, String options, String recommendation,
      BigDecimal proposedBudget, LocalDate proposedEnd, String actor) {
    ProjectSummary project = require(key);
    requireChangeable(project);
    Baseline baseline = requireBaseline(key);
    requireText("exceptionCause", cause, MAX_TEXT);
    requireText("exceptionOptions", options, MAX_TEXT);
    ExceptionRecommendation r = Fields.requireOneOf("exceptionRecommendation", recommendation,
        ExceptionRecommendation.class);
    if (r == ExceptionRecommendation.REPLAN) {
      requireAmount("proposedBudget", proposedBudget);
      if (proposedBudget.signum() == 0) {
        throw new InvalidInputException("proposedBudget", "must be more than 0");
      }
      requireFromToday("proposedEnd", proposedEnd);
      if (baseline.plannedStart() != null && proposedEnd.isBefore(baseline.plannedStart())) {
        throw new InvalidInputException("proposedEnd", "must not be before the planned start "
            + baseline.plannedStart());
      }
    }
    boolean replan = r == ExceptionRecommendation.REPLAN;
    OffsetDateTime now = now();
    long id = control.insertExceptionReport(key, cause, options, r, replan ? proposedBudget : null,
        replan ? proposedEnd : null, actor, now);
    repository.appendHistory(key, "EXCEPTION_REPORTED", project.phase(), actor, null,
        clip(r.name() + ": " + cause, MAX_TEXT), now);
    return id;
  }

  /**
   * Decides an exception report. APPROVED applies the recommendation: a REPLAN freezes the next baseline with the
   * proposed budget and end date (scope and milestones unchanged) and returns its version; CONTINUE and CANCEL
   * return null (cancelling is the process's). REJECTED sends the report back and needs a comment.
   */
  public Integer decideException(String key, long exceptionId, String decision, String comment, String actor) {
    ProjectSummary project = require(key);
    ExceptionReportView report = exceptionReport(key, exceptionId);
    if (!ControlRepository.SUBMITTED.equals(report.status())) {
      throw new InvalidInputException("exceptionId", "exception report " + exceptionId + " was already "
          + report.status());
    }
    Decision d = decision("decision", decision, Set.of(Decision.APPROVED, Decision.REJECTED));
    requireCommentUnlessApproved(d, comment);
    boolean replan = d == Decision.APPROVED && ExceptionRecommendation.REPLAN.name().equals(report.recommendation());
    Baseline current = null;
    if (replan) {
      requireChangeable(project);
      current = requireBaseline(key);
    }
    OffsetDateTime now = now();
    Integer version = replan ? current.version() + 1 : null;
    control.decideExceptionReport(key, exceptionId, d, actor, blankToNull(comment), version, now);
    repository.appendHistory(key, "EXCEPTION_DECIDED", project.phase(), actor, d.name(),
        clip(report.recommendation() + (blankToNull(comment) == null ? "" : ": " + comment), MAX_TEXT), now);
    if (replan) {
      rebaseline(project, current, report.proposedBudget(), report.proposedEnd(), current.scope(), actor, now);
    }
    return version;
  }

  @Transactional(readOnly = true)
  public ExceptionReportView exceptionReport(String key, long id) {
    require(key);
    return control.exceptionReport(key, id).orElseThrow(() -> new InvalidInputException("exceptionId",
        "no exception report " + id + " in project " + key));
  }

  /** The project manager's recovery plan for a RED project; it waits for its review. */
  public void recordRecoveryPlan(String key, String actions, LocalDate targetDate, String actor) {
    ProjectSummary project = require(key);
    requireChangeable(project);
    requireText("recoveryActions", actions, MAX_TEXT);
    requireFromToday("recoveryTargetDate", targetDate);
    OffsetDateTime now = now();
    control.insertRecoveryPlan(key, actions, targetDate, actor, now);
    repository.appendHistory(key, "RECOVERY_PLANNED", project.phase(), actor, null,
        clip("Target " + targetDate + ": " + actions, MAX_TEXT), now);
  }

  /** Reviews the recovery plan waiting for review; a rejected plan is planned again. */
  public void reviewRecoveryPlan(String key, String decision, String comment, String actor) {
    ProjectSummary project = require(key);
    RecoveryPlanView plan = control.pendingRecoveryPlan(key).orElseThrow(() -> new ForbiddenActionException(
        "Project " + key + " has no recovery plan waiting for review"));
    Decision d = decision("decision", decision, Set.of(Decision.APPROVED, Decision.REJECTED));
    requireCommentUnlessApproved(d, comment);
    OffsetDateTime now = now();
    control.reviewRecoveryPlan(key, plan.id(), d, actor, blankToNull(comment), now);
    repository.appendHistory(key, "RECOVERY_REVIEWED", project.phase(), actor, d.name(), blankToNull(comment), now);
  }

  /**
   * Registers (or replaces) {@code userId}'s out-of-office delegation: from {@code from} to {@code to}, both
   * inclusive, new tasks for them go to {@code substitute}, an existing user other than themself.
   */
  public void setDelegation(String userId, String substitute, LocalDate from, LocalDate to) {
    requireText("userId", userId, Fields.MAX_USER_ID);
    Fields.requireUser(directory, "substitute", substitute);
    if (substitute.equals(userId)) {
      throw new InvalidInputException("substitute", "must be someone other than " + userId);
    }
    if (from == null) {
      throw new InvalidInputException("from", "is required");
    }
    if (to == null) {
      throw new InvalidInputException("to", "is required");
    }
    if (to.isBefore(from)) {
      throw new InvalidInputException("to", "must not be before from");
    }
    if (to.isBefore(today())) {
      throw new InvalidInputException("to", "must not be in the past");
    }
    control.saveDelegation(new Delegation(userId, substitute, from, to), now());
  }

  @Transactional(readOnly = true)
  public Optional<Delegation> delegation(String userId) {
    return control.delegation(userId);
  }

  public void clearDelegation(String userId) {
    control.deleteDelegation(userId);
  }

  /**
   * Who stands in for {@code userId} on {@code day}, if anyone. Substitution is not followed further: a
   * substitute who is away too gets the task all the same, so a task never travels along a chain.
   */
  @Transactional(readOnly = true)
  public Optional<String> substituteOn(String userId, LocalDate day) {
    return control.delegation(userId)
        .filter(d -> !day.isBefore(d.from()) && !day.isAfter(d.to()))
        .map(Delegation::substitute);
  }

  /**
   * A project named by a start variable ({@code projectKey}): an unknown or ended one is bad input of that
   * field, not a missing resource, since the client chose the key.
   */
  private ProjectSummary requireActiveByKey(String key, String rule) {
    requireText("projectKey", key, 20);
    ProjectSummary project = repository.findSummary(key).orElseThrow(() -> new InvalidInputException("projectKey",
        "no project with key " + key));
    if (project.phase().isEnded() || delivery.isArchived(key)) {
      throw new InvalidInputException("projectKey", "project " + key + " is "
          + (project.phase().isEnded() ? project.phase() : "archived") + ": " + rule);
    }
    return project;
  }

  private Baseline requireBaseline(String key) {
    Baseline baseline = currentBaseline(key);
    if (baseline == null) {
      throw new ForbiddenActionException("Project " + key + " has no baseline yet");
    }
    return baseline;
  }

  /** Checks a change's impacts against the current baseline; returns the scope impact's name. */
  private static String requireImpacts(Baseline baseline, BigDecimal costImpact, Long scheduleImpactDays,
      String scopeImpact) {
    if (costImpact == null) {
      throw new InvalidInputException("costImpact", "is required");
    }
    if (costImpact.abs().compareTo(new BigDecimal("1e15")) >= 0) {
      throw new InvalidInputException("costImpact", "is too large");
    }
    if (orZero(baseline.budget()).add(costImpact).signum() < 0) {
      throw new InvalidInputException("costImpact", "would bring the budget of "
          + orZero(baseline.budget()).toPlainString() + " below 0");
    }
    if (scheduleImpactDays == null) {
      throw new InvalidInputException("scheduleImpactDays", "is required");
    }
    if (scheduleImpactDays < 0) {
      throw new InvalidInputException("scheduleImpactDays", "must be 0 or more");
    }
    if (scheduleImpactDays > MAX_SCHEDULE_IMPACT_DAYS) {
      throw new InvalidInputException("scheduleImpactDays", "must be at most " + MAX_SCHEDULE_IMPACT_DAYS);
    }
    return Fields.requireOneOf("scopeImpact", scopeImpact, ScopeImpact.class).name();
  }

  private ChangeView requireUndecidedChange(String key, long changeId) {
    ChangeView change = change(key, changeId);
    if (change.decidedAt() != null) {
      throw new InvalidInputException("changeId", "change #" + change.number() + " was already " + change.status());
    }
    return change;
  }

  private ProjectDetails.RiskView requireRisk(String key, long riskId) {
    return control.risk(key, riskId).orElseThrow(() -> new InvalidInputException("riskId",
        "no risk " + riskId + " in project " + key));
  }

  private void requireFromToday(String field, LocalDate date) {
    if (date == null) {
      throw new InvalidInputException(field, "is required");
    }
    if (date.isBefore(today())) {
      throw new InvalidInputException(field, "must not be in the past");
    }
  }

  private static void requireScaleValue(String field, Integer value) {
    if (value == null) {
      throw new InvalidInputException(field, "is required");
    }
    requireScale(field, value);
  }

  /** Freezes the next baseline version from {@code current}; the project's budget and planned end follow it. */
  private void rebaseline(ProjectSummary project, Baseline current, BigDecimal budget, LocalDate plannedEnd,
      String scope, String actor, OffsetDateTime now) {
    Baseline next = new Baseline(current.version() + 1, budget, current.plannedStart(), plannedEnd, scope,
        current.milestones(), actor, now);
    delivery.insertBaseline(project.key(), next);
    control.updatePlannedFigures(project.key(), budget, plannedEnd, now);
    repository.appendHistory(project.key(), "BASELINE_FROZEN", project.phase(), actor, null,
        "version " + next.version(), now);
  }

  private static String ratio(BigDecimal ratio) {
    return ratio == null ? "n/a" : ratio.toPlainString();
  }

  private static String signedAmount(BigDecimal amount) {
    return (amount.signum() > 0 ? "+" : "") + amount.toPlainString();
  }

  private static BigDecimal orZero(BigDecimal amount) {
    return amount == null ? BigDecimal.ZERO : amount;
  }

  private LocalDate today() {
    return now().toLocalDate();
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
    return list(filter, ProjectSort.DEFAULT, page, size);
  }

  /** A page of the project list; {@code size} up to {@value #MAX_PROJECT_PAGE_SIZE}. */
  @Transactional(readOnly = true)
  public Page<ProjectSummary> list(ProjectFilter filter, ProjectSort sort, int page, int size) {
    Fields.requirePage(page, size, MAX_PROJECT_PAGE_SIZE);
    return repository.list(filter, sort, page, size);
  }

  /** Every project the filter matches, in order, handed to {@code action} one at a time (the CSV export). */
  @Transactional(readOnly = true)
  public void export(ProjectFilter filter, ProjectSort sort, Consumer<ProjectSummary> action) {
    repository.forEach(filter, sort, action);
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
      if (comment == null || comment.isBlank()) {
        // Tasklist shows this to the person who chose: the forms cannot make the comment required per decision
        throw new InvalidInputException("decisionComment", "is required unless you approve: give your reasons");
      }
      requireText("decisionComment", comment, MAX_TEXT);
    } else {
      optionalText("decisionComment", comment);
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }
}
