package io.pmoflow.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.pmoflow.notify.MailDispatcher;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.management.TablePage;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The state gauges: {@code pmo_tasks_open{group}} (open tasks offered to a candidate group, claimed or not),
 * {@code pmo_incidents_open{process}} and {@code pmo_notifications_mail_backlog}. One count query per group and per
 * process; the result is kept for {@code pmo.operations.gauge-cache} (5 s), so scrapes and several Prometheus
 * servers don't add load. Gauges for groups and processes that appear later are added when the values are next
 * computed. The queries run without a current user, so authorizations don't narrow them.
 */
@Component
public class OperationsGauges {

  private final MeterRegistry registry;
  private final IdentityService identityService;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final MailDispatcher mail;
  private final OperationsSettings settings;
  private final Clock clock;
  private final Set<String> registered = ConcurrentHashMap.newKeySet();

  private volatile Snapshot snapshot;

  record Snapshot(Instant at, Map<String, Long> tasksByGroup, Map<String, Long> incidentsByProcess, long mailBacklog) {
  }

  public OperationsGauges(MeterRegistry registry, IdentityService identityService, TaskService taskService,
      RuntimeService runtimeService, ManagementService managementService, MailDispatcher mail,
      OperationsSettings settings, Clock clock) {
    this.registry = registry;
    this.identityService = identityService;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.mail = mail;
    this.settings = settings;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void register() {
    Gauge.builder("pmo.notifications.mail.backlog", this, g -> g.current().mailBacklog())
        .description("Notification mails not yet delivered (the outbox)").register(registry);
    snapshot = null;
    current();
  }

  Snapshot current() {
    Snapshot s = snapshot;
    if (s == null || !s.at().plus(settings.getGaugeCache()).isAfter(clock.instant())) {
      s = compute();
      snapshot = s;
      s.tasksByGroup().keySet().forEach(group -> registerOnce("pmo.tasks.open", "group", group,
          "Open tasks offered to a candidate group, claimed or not"));
      s.incidentsByProcess().keySet().forEach(process -> registerOnce("pmo.incidents.open", "process", process,
          "Open incidents by process definition key"));
    }
    return s;
  }

  private Snapshot compute() {
    Map<String, Long> tasks = new TreeMap<>();
    for (Group group : identityService.createGroupQuery().list()) {
      tasks.put(group.getId(),
          taskService.createTaskQuery().taskCandidateGroup(group.getId()).includeAssignedTasks().count());
    }
    Map<String, Long> incidents = new TreeMap<>();
    for (String key : processDefinitionKeys()) {
      incidents.put(key, runtimeService.createIncidentQuery().processDefinitionKeyIn(key).count());
    }
    return new Snapshot(clock.instant(), tasks, incidents, mail.backlog());
  }

  /**
   * The keys of the deployed process definitions, read as table rows. Not the engine's process definition query: that
   * one parses every definition it returns, and again with the BPMN model API for the documentation, and the first
   * snapshot is taken on the start-up path, before PMO Flow reports ready — about a thousand classes and a second or
   * more of CPU (issue #7, bench/results/footprint.md). Like the other queries here it runs without a current user.
   */
  private Set<String> processDefinitionKeys() {
    TablePage rows = managementService.createTablePageQuery()
        .tableName(managementService.getTableName(ProcessDefinition.class)).listPage(0, Integer.MAX_VALUE);
    Set<String> keys = new TreeSet<>();
    for (Map<String, Object> row : rows.getRows()) {
      row.forEach((column, value) -> {
        if (column.equalsIgnoreCase("KEY_") && value != null) {
          keys.add(value.toString());
        }
      });
    }
    return keys;
  }

  private void registerOnce(String name, String tag, String value, String description) {
    if (registered.add(name + "|" + value)) {
      Gauge.builder(name, this, g -> {
        Snapshot s = g.current();
        return (tag.equals("group") ? s.tasksByGroup() : s.incidentsByProcess()).getOrDefault(value, 0L);
      }).tag(tag, value).description(description).register(registry);
    }
  }
}
