package io.pmoflow.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Projects brought to a given point through the store's own rules, and a valid plan tests change one part of. */
public final class ProjectFixtures {

  public static final String PM = "mia.manager";
  public static final String SPONSOR = "sam.sponsor";
  public static final String REQUESTER = "rae.requester";
  static final Set<Decision> GO_KILL = Set.of(Decision.APPROVED, Decision.REJECTED);

  private ProjectFixtures() {
  }

  /** A registered request with its project manager; no charter, team or risks yet. */
  public static String requested(ProjectService projects, String name) {
    String key = projects.registerRequest(new ProjectRequest(name, "Why we need " + name, "Operations", SPONSOR,
        new BigDecimal("48000"), 3, Level.LOW, Level.LOW, false, false, LocalDate.of(2027, 1, 4),
        LocalDate.of(2027, 6, 30)), REQUESTER);
    projects.assignProjectManager(key, PM, SPONSOR);
    return key;
  }

  /** Initiated (charter with two milestones, team of two, one initial risk) and moved to PLANNING. */
  public static String inPlanning(ProjectService projects, String name) {
    String key = requested(projects, name);
    projects.recordCharter(key, new Charter("One place for " + name, "Everything about " + name, null,
        "Working " + name, "Users sign off", new BigDecimal("48000"), null, null,
        List.of(new Charter.Milestone("Charter milestone", LocalDate.of(2027, 3, 1)),
            new Charter.Milestone("Charter go-live", LocalDate.of(2027, 6, 30))),
        List.of(new Charter.Stakeholder("Operations", "Users"))), PM);
    projects.recordTeam(key, List.of(new TeamMember(PM, "Project manager", 50),
        new TeamMember(REQUESTER, "Analyst", 30)), PM);
    projects.recordInitialRisks(key, List.of(new RiskInput("Vendor late", 2, 3, "Weekly vendor call")), PM);
    projects.changePhase(key, Phase.PLANNING, SPONSOR, null);
    return key;
  }

  /** In EXECUTION with the default plan and baseline 1 frozen. */
  public static String inExecution(ProjectService projects, String name) {
    String key = inPlanning(projects, name);
    projects.recordPlan(key, plan(d -> { }), PM);
    projects.freezeBaseline(key, SPONSOR);
    projects.changePhase(key, Phase.EXECUTION, SPONSOR, null);
    return key;
  }

  public static void signOff(ProjectService projects, String key, Gate gate, String decision) {
    projects.recordGateDecision(key, gate.name(), "SIGN_OFF", SPONSOR, decision,
        "APPROVED".equals(decision) ? null : "Not yet", GO_KILL);
  }

  /** The default plan (budget 50,000.00, three work packages, two milestones) with {@code change} applied. */
  public static Plan plan(Consumer<PlanDraft> change) {
    PlanDraft draft = new PlanDraft();
    change.accept(draft);
    return draft.build();
  }

  /** A plan whose parts tests may replace before it is built. */
  public static final class PlanDraft {
    public LocalDate plannedStart = LocalDate.of(2027, 1, 4);
    public LocalDate plannedEnd = LocalDate.of(2027, 6, 30);
    public List<Plan.WorkPackage> workPackages = new ArrayList<>(List.of(
        new Plan.WorkPackage("Design", REQUESTER, new BigDecimal("10"), LocalDate.of(2027, 1, 4),
            LocalDate.of(2027, 2, 12)),
        new Plan.WorkPackage("Build", PM, new BigDecimal("30.5"), LocalDate.of(2027, 2, 15),
            LocalDate.of(2027, 5, 28)),
        new Plan.WorkPackage("Roll-out", PM, new BigDecimal("5"), LocalDate.of(2027, 6, 1),
            LocalDate.of(2027, 6, 30))));
    public List<Charter.Milestone> milestones = new ArrayList<>(List.of(
        new Charter.Milestone("Design signed off", LocalDate.of(2027, 2, 12)),
        new Charter.Milestone("Go-live", LocalDate.of(2027, 6, 30))));
    public List<Plan.BudgetLine> budget = new ArrayList<>(List.of(
        new Plan.BudgetLine("Staff", new BigDecimal("40000")),
        new Plan.BudgetLine("Licences", new BigDecimal("10000"))));
    public List<Plan.ResourceAssignment> resources = new ArrayList<>(List.of(
        new Plan.ResourceAssignment("Tester", "pat.pmo", 20),
        new Plan.ResourceAssignment("Lead", PM, 50)));
    public List<Plan.Communication> communications = new ArrayList<>(List.of(
        new Plan.Communication("Steering committee", "Status and decisions", "Meeting", "Monthly")));
    public List<RiskInput> risks = new ArrayList<>(List.of(
        new RiskInput("Key developer leaves", 2, 4, "Pair on every component")));
    public String qualityStandards = "ISO 9001 reviews";
    public String qualityAcceptanceCriteria = "No open critical defects";

    Plan build() {
      return new Plan(plannedStart, plannedEnd, workPackages, milestones, budget, resources, communications, risks,
          qualityStandards, qualityAcceptanceCriteria);
    }
  }
}
