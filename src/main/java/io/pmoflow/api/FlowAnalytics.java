package io.pmoflow.api;

import io.pmoflow.process.gate.PhaseGateProcess;
import io.pmoflow.process.intake.IntakeProcess;
import io.pmoflow.project.Decision;
import io.pmoflow.project.Gate;
import io.pmoflow.project.PmoType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * Governance analytics from the engine's history: how long each gate took, how long each kind of task waited
 * from creation to completion (per candidate group), and how often work went round again (a NEEDS_INFO screening,
 * a RECYCLE gate decision) per PMO type. History is read in pages and reduced here: the engine's query API has no
 * aggregates. The caller runs it without task and history authorizations (the figures show no one's tasks).
 */
@Component
public class FlowAnalytics {

  /** Rows per history query; below the engine's query-max-results-limit. */
  static final int PAGE = 1000;
  private static final String COMPLETED = "completed";
  private static final String ADD = "add";
  private static final String NONE = "NONE";
  private static final BigDecimal MILLIS_PER_HOUR = BigDecimal.valueOf(3_600_000);

  /** Count, mean and median of a set of durations, in hours with 2 decimals (null without any). */
  public record Durations(long count, BigDecimal averageHours, BigDecimal medianHours) {

    static Durations of(List<Long> millis) {
      if (millis.isEmpty()) {
        return new Durations(0, null, null);
      }
      long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
      int n = sorted.length;
      BigDecimal sum = BigDecimal.valueOf(Arrays.stream(sorted).sum());
      BigDecimal median = n % 2 == 1 ? BigDecimal.valueOf(sorted[n / 2])
          : BigDecimal.valueOf(sorted[n / 2 - 1]).add(BigDecimal.valueOf(sorted[n / 2]))
              .divide(BigDecimal.valueOf(2));
      return new Durations(n, hours(sum.divide(BigDecimal.valueOf(n), 6, RoundingMode.HALF_UP)), hours(median));
    }

    private static BigDecimal hours(BigDecimal millis) {
      return millis.divide(MILLIS_PER_HOUR, 2, RoundingMode.HALF_UP);
    }
  }

  /** A gate from the call to its decision (holds included), over finished phaseGate instances. */
  public record GateTime(Gate gate, long count, BigDecimal averageHours, BigDecimal medianHours) {
  }

  /**
   * A kind of user task (its definition key and name) offered to a candidate group, created → completed.
   * {@code candidateGroup} is null for tasks given to a person (e.g. the sponsor); a task offered to two groups
   * counts for both.
   */
  public record LeadTime(String taskDefinitionKey, String taskName, String candidateGroup, long count,
      BigDecimal averageHours, BigDecimal medianHours) {
  }

  /** Rework per PMO type: screenings answered NEEDS_INFO, gates decided RECYCLE. NONE: no PMO type known. */
  public record Rework(String pmoType, long needsInfo, long recycles) {
  }

  private final HistoryService history;

  public FlowAnalytics(HistoryService history) {
    this.history = history;
  }

  public List<GateTime> gateTimes() {
    List<HistoricProcessInstance> gates = all((first, max) -> history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(PhaseGateProcess.KEY).finished().orderByProcessInstanceId().asc()
        .listPage(first, max));
    Map<String, String> gateOf = values(PhaseGateProcess.GATE,
        gates.stream().map(HistoricProcessInstance::getId).toList());
    Map<String, List<Long>> durations = new HashMap<>();
    for (HistoricProcessInstance g : gates) {
      String gate = gateOf.get(g.getId());
      if (gate != null && g.getDurationInMillis() != null) {
        durations.computeIfAbsent(gate, x -> new ArrayList<>()).add(g.getDurationInMillis());
      }
    }
    return Arrays.stream(Gate.values()).map(gate -> {
      Durations d = Durations.of(durations.getOrDefault(gate.name(), List.of()));
      return new GateTime(gate, d.count(), d.averageHours(), d.medianHours());
    }).toList();
  }

  /** In task definition key and candidate group order. */
  public List<LeadTime> leadTimes() {
    List<HistoricTaskInstance> tasks = all((first, max) -> history.createHistoricTaskInstanceQuery().finished()
        .taskDeleteReason(COMPLETED).orderByTaskId().asc().listPage(first, max));
    Map<String, Set<String>> groupsOf = new HashMap<>();
    for (HistoricIdentityLinkLog link : all((first, max) -> history.createHistoricIdentityLinkLogQuery()
        .type(IdentityLinkType.CANDIDATE).operationType(ADD).orderByTime().asc().listPage(first, max))) {
      if (link.getTaskId() != null && link.getGroupId() != null) {
        groupsOf.computeIfAbsent(link.getTaskId(), t -> new HashSet<>()).add(link.getGroupId());
      }
    }
    record Kind(String key, String group) {
    }
    Map<Kind, List<Long>> durations = new TreeMap<>(Comparator.comparing(Kind::key)
        .thenComparing(Kind::group, Comparator.nullsLast(Comparator.naturalOrder())));
    Map<String, String> names = new HashMap<>();
    for (HistoricTaskInstance t : tasks) {
      if (t.getTaskDefinitionKey() == null || t.getDurationInMillis() == null) {
        continue;
      }
      names.putIfAbsent(t.getTaskDefinitionKey(), t.getName());
      Collection<String> groups = groupsOf.getOrDefault(t.getId(), Set.of());
      for (String group : groups.isEmpty() ? Collections.<String>singletonList(null) : groups) {
        durations.computeIfAbsent(new Kind(t.getTaskDefinitionKey(), group), k -> new ArrayList<>())
            .add(t.getDurationInMillis());
      }
    }
    return durations.entrySet().stream().map(e -> {
      Durations d = Durations.of(e.getValue());
      return new LeadTime(e.getKey().key(), names.get(e.getKey().key()), e.getKey().group(), d.count(),
          d.averageHours(), d.medianHours());
    }).toList();
  }

  /** Every PMO type, in order, then NONE if some rework belongs to an instance without one. */
  public List<Rework> rework() {
    List<String> needsInfo = all((first, max) -> history.createHistoricActivityInstanceQuery()
        .activityId(IntakeProcess.TASK_AMEND_REQUEST).orderByHistoricActivityInstanceId().asc()
        .listPage(first, max)).stream().map(HistoricActivityInstance::getProcessInstanceId).toList();
    List<String> recycled = all((first, max) -> history.createHistoricVariableInstanceQuery()
        .processDefinitionKey(PhaseGateProcess.KEY).variableName(PhaseGateProcess.GATE_DECISION)
        .orderByVariableId().asc().listPage(first, max)).stream()
        .filter(v -> Decision.RECYCLE.name().equals(v.getValue()))
        .map(HistoricVariableInstance::getProcessInstanceId).toList();
    Set<String> instances = new HashSet<>(needsInfo);
    instances.addAll(recycled);
    Map<String, String> typeOf = values(IntakeProcess.PMO_TYPE, instances);
    Map<String, long[]> counts = new LinkedHashMap<>();
    Arrays.stream(PmoType.values()).forEach(t -> counts.put(t.name(), new long[2]));
    needsInfo.forEach(id -> counts.computeIfAbsent(typeOf.getOrDefault(id, NONE), t -> new long[2])[0]++);
    recycled.forEach(id -> counts.computeIfAbsent(typeOf.getOrDefault(id, NONE), t -> new long[2])[1]++);
    return counts.entrySet().stream().map(e -> new Rework(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
  }

  /** The value of variable {@code name} in each of the process instances (as text), by instance id. */
  private Map<String, String> values(String name, Collection<String> processInstanceIds) {
    List<String> ids = List.copyOf(processInstanceIds);
    Map<String, String> values = new HashMap<>();
    for (int from = 0; from < ids.size(); from += PAGE) {
      String[] chunk = ids.subList(from, Math.min(ids.size(), from + PAGE)).toArray(String[]::new);
      all((first, max) -> history.createHistoricVariableInstanceQuery().variableName(name)
          .processInstanceIdIn(chunk).orderByVariableId().asc().listPage(first, max))
          .stream().filter(v -> v.getValue() != null)
          .forEach(v -> values.put(v.getProcessInstanceId(), String.valueOf(v.getValue())));
    }
    return values;
  }

  /** Every row of a query, page by page. */
  static <T> List<T> all(BiFunction<Integer, Integer, List<T>> page) {
    List<T> rows = new ArrayList<>();
    for (int first = 0; ; first += PAGE) {
      List<T> next = page.apply(first, PAGE);
      rows.addAll(next);
      if (next.size() < PAGE) {
        return rows;
      }
    }
  }
}
