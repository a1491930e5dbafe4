package io.pmoflow.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.pmoflow.project.PhaseTime;
import io.pmoflow.project.PmoType;
import io.pmoflow.project.PortfolioBreakdown;
import io.pmoflow.project.PortfolioFilter;
import io.pmoflow.project.PortfolioService;
import io.pmoflow.project.PortfolioSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.task.NativeTaskQuery;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The portfolio for the dashboard and the board: figures and KPIs, breakdowns by business unit and phase, and
 * governance flow from the engine's history. Every authenticated user may read them.
 */
@RestController
@RequestMapping("/api/portfolio")
@Tag(name = "Portfolio", description = "Portfolio figures, KPIs, breakdowns and governance flow analytics")
public class PortfolioController {

  /**
   * The store's figures plus {@code overdueApprovals}: open tasks past their due date, of the matching projects'
   * process instances (all open tasks past due without a filter).
   */
  public record Summary(@JsonUnwrapped PortfolioSummary figures, long overdueApprovals) {
  }

  /**
   * {@code phaseTimes} from the store's history; the rest from the engine's (see {@link FlowAnalytics}). Over the
   * whole portfolio.
   */
  public record Flow(List<PhaseTime> phaseTimes, List<FlowAnalytics.GateTime> gateTimes,
      List<FlowAnalytics.LeadTime> approvalLeadTimes, List<FlowAnalytics.Rework> rework) {
  }

  static final String BUSINESS_UNIT = "only projects of this business unit (exact name)";
  static final String PMO_TYPE = "only projects of this PMO type";

  private final PortfolioService portfolio;
  private final FlowAnalytics flow;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final IdentityService identityService;
  private final Clock clock;

  public PortfolioController(PortfolioService portfolio, FlowAnalytics flow, TaskService taskService,
      ManagementService managementService, IdentityService identityService, Clock clock) {
    this.portfolio = portfolio;
    this.flow = flow;
    this.taskService = taskService;
    this.managementService = managementService;
    this.identityService = identityService;
    this.clock = clock;
  }

  @GetMapping("/summary")
  @Operation(summary = "Counts by phase, health and PMO type, money totals and the KPIs",
      description = "Computed by aggregate queries. health NONE: not assessed yet; pmoType NONE: not routed yet.")
  public Summary summary(
      @Parameter(description = BUSINESS_UNIT) @RequestParam(required = false) String businessUnit,
      @Parameter(description = PMO_TYPE) @RequestParam(required = false) PmoType pmoType) {
    PortfolioFilter filter = new PortfolioFilter(businessUnit, pmoType);
    return new Summary(portfolio.summary(filter),
        WithoutCallerAuthorizations.query(identityService, () -> overdueApprovals(filter)));
  }

  @GetMapping("/breakdown")
  @Operation(summary = "Health by business unit, the phase funnel from INTAKE to CLOSED, budget vs actual by unit")
  public PortfolioBreakdown breakdown(
      @Parameter(description = BUSINESS_UNIT) @RequestParam(required = false) String businessUnit,
      @Parameter(description = PMO_TYPE) @RequestParam(required = false) PmoType pmoType) {
    return portfolio.breakdown(new PortfolioFilter(businessUnit, pmoType));
  }

  @GetMapping("/flow")
  @Operation(summary = "Governance flow: time per phase and gate, approval lead times, rework per PMO type",
      description = "Hours with 2 decimals; averages and medians are null where nothing finished yet.")
  public Flow flow() {
    return new Flow(portfolio.phaseTimes(PortfolioFilter.ALL),
        WithoutCallerAuthorizations.query(identityService, flow::gateTimes),
        WithoutCallerAuthorizations.query(identityService, flow::leadTimes),
        WithoutCallerAuthorizations.query(identityService, flow::rework));
  }

  /**
   * Counted by the database: a native query joins the open tasks to their process instance's business key (the
   * project key) and the project, so a filter needs no list of keys. Runs without the caller's authorizations
   * (table names need them): the count names no task.
   */
  private long overdueApprovals(PortfolioFilter filter) {
    StringBuilder sql = new StringBuilder("select count(*) from ")
        .append(managementService.getTableName(Task.class)).append(" t");
    if (filter.businessUnit() != null || filter.pmoType() != null) {
      sql.append(" join ").append(managementService.getTableName(Execution.class))
          .append(" e on e.ID_ = t.PROC_INST_ID_ join pmo_project p on p.project_key = e.BUSINESS_KEY_");
    }
    sql.append(" where t.DUE_DATE_ < #{now}");
    if (filter.businessUnit() != null) {
      sql.append(" and p.business_unit = #{businessUnit}");
    }
    if (filter.pmoType() != null) {
      sql.append(" and p.pmo_type = #{pmoType}");
    }
    NativeTaskQuery query = taskService.createNativeTaskQuery().sql(sql.toString())
        .parameter("now", Date.from(clock.instant()));
    if (filter.businessUnit() != null) {
      query.parameter("businessUnit", filter.businessUnit());
    }
    if (filter.pmoType() != null) {
      query.parameter("pmoType", filter.pmoType().name());
    }
    return query.count();
  }
}
