package io.pmoflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Overdue tasks across all processes, for the PMO only: every task, whoever it waits for. */
class OverdueTasksHttpIT extends HttpSupport {

  static final String PATH = "/api/tasks/overdue";

  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;

  /** Starts an intake and moves its screening task's due date {@code overdue} into the past. */
  private Task overdueScreening(String name, Map<String, Object> changes, Duration overdue) {
    Map<String, Object> variables = requestVariables(name);
    variables.putAll(changes);
    Reply started = post("rae.requester", "/engine-rest/process-definition/key/projectIntake/start",
        Map.of("variables", variables));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(started.json().get("businessKey").asText())
        .singleResult();
    task.setDueDate(Date.from(Instant.now().minus(overdue)));
    taskService.saveTask(task);
    return task;
  }

  @Test
  void thePmoSeesEveryOverdueTaskMostOverdueFirst() {
    Task pmoTask = overdueScreening("Overdue printers", Map.of(), Duration.ofDays(2).plusHours(1));
    Task boardTask = overdueScreening("Overdue data centre",
        Map.of("regulatory", var(true, "Boolean")), Duration.ofDays(5).plusHours(1));
    assertThat(openTask("pat.pmo", projectKey(boardTask))).as("not one of the PMO's own tasks").isNull();

    Reply reply = get("pat.pmo", PATH);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    reply.json().forEach(t -> ids.add(t.get("taskId").asText()));
    assertThat(ids).contains(pmoTask.getId(), boardTask.getId());
    assertThat(ids.indexOf(boardTask.getId())).as("most overdue first").isLessThan(ids.indexOf(pmoTask.getId()));

    JsonNode board = entry(reply.json(), boardTask.getId());
    assertThat(board.get("name").asText()).isEqualTo(boardTask.getName());
    assertThat(board.get("taskDefinitionKey").asText()).isEqualTo("Task_ScreenRequest");
    assertThat(board.get("projectKey").asText()).isEqualTo(projectKey(boardTask)).startsWith("PRJ-");
    assertThat(board.get("assignee").isNull()).isTrue();
    assertThat(board.get("candidateGroups")).extracting(JsonNode::asText).containsExactly("portfolio-board");
    assertThat(board.get("daysOverdue").asLong()).isEqualTo(5);
    assertThat(Instant.parse(board.get("due").asText())).isBefore(Instant.now().minus(Duration.ofDays(5)));
    JsonNode pmo = entry(reply.json(), pmoTask.getId());
    assertThat(pmo.get("candidateGroups")).extracting(JsonNode::asText).containsExactly("pmo");
    assertThat(pmo.get("daysOverdue").asLong()).isEqualTo(2);
    for (int i = 1; i < reply.json().size(); i++) {
      assertThat(Instant.parse(reply.json().get(i - 1).get("due").asText()))
          .isBeforeOrEqualTo(Instant.parse(reply.json().get(i).get("due").asText()));
    }

    Reply admin = get("admin", PATH);
    assertThat(admin.status()).as("operators too").isEqualTo(200);
    assertThat(get("pat.pmo", "/engine-rest/task?maxResults=1").status())
        .as("the caller's engine authentication is intact afterwards").isEqualTo(200);
  }

  @Test
  void othersGet403AndAnonymousCallers401() {
    for (String user : new String[] {"bob.board", "rae.requester", "mia.manager", "sam.sponsor"}) {
      Reply refused = get(user, PATH);
      assertThat(refused.status()).as(user).isEqualTo(403);
      assertThat(refused.json().get("message").asText()).contains("pmo");
    }
    assertThat(get(null, PATH).status()).isEqualTo(401);
  }

  private String projectKey(Task task) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult()
        .getBusinessKey();
  }

  private static JsonNode entry(JsonNode list, String taskId) {
    for (JsonNode t : list) {
      if (t.get("taskId").asText().equals(taskId)) {
        return t;
      }
    }
    throw new AssertionError("task " + taskId + " not listed");
  }
}
