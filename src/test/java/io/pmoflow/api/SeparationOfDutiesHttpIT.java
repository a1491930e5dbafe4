package io.pmoflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pmoflow.process.support.SeparationOfDuties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Separation of duties on every approval, over HTTP: whoever submitted what an approval decides can neither see,
 * claim, be assigned nor complete it, even as a member of every group that decides; an approval the model would
 * assign to them goes to the PMO. The submitter here, {@code sod.submitter}, is in every group, so nothing but
 * separation of duties stands in the way. Each approval task is reached with the variables its process gives it
 * (instance modification), except the screening, which a real request reaches.
 */
class SeparationOfDutiesHttpIT extends HttpSupport {

  static final String SUBMITTER = "sod.submitter";

  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  @BeforeEach
  void submitterInEveryGroup() {
    if (identityService.createUserQuery().userId(SUBMITTER).count() == 0) {
      User user = identityService.newUser(SUBMITTER);
      user.setPassword("demo");
      identityService.saveUser(user);
      for (String group : List.of("pmo", "portfolio-board", "project-managers", "sponsors", "requesters")) {
        identityService.createMembership(SUBMITTER, group);
      }
    }
  }

  static Stream<Arguments> approvals() {
    return Stream.of(
        Arguments.of("phaseGate", "Task_ReviewGate", Map.of("gate", "CHARTER", "gateReviewGroup", "pmo",
            "projectManager", SUBMITTER, "sponsor", "sam.sponsor"), "pat.pmo", false),
        Arguments.of("phaseGate", "Task_SignOffGateByGroup", Map.of("gate", "PLAN",
            "gateApproverGroup", "portfolio-board", "projectManager", SUBMITTER, "sponsor", "sam.sponsor"),
            "bob.board", false),
        Arguments.of("phaseGate", "Task_SignOffGateBySponsor", Map.of("gate", "ACCEPTANCE",
            "projectManager", SUBMITTER, "sponsor", SUBMITTER), "pat.pmo", true),
        Arguments.of("changeRequest", "Task_ApproveChangeByGroup", Map.of("changeApproverGroup", "pmo",
            "changeRequester", SUBMITTER, "projectManager", "mia.manager"), "pat.pmo", false),
        Arguments.of("changeRequest", "Task_ApproveChangeByManager", Map.of("changeRequester", SUBMITTER,
            "projectManager", SUBMITTER), "pat.pmo", true),
        Arguments.of("projectMonitoring", "Task_ReviewRecoveryPlan", Map.of("projectManager", SUBMITTER,
            "sponsor", "sam.sponsor"), "pat.pmo", false),
        Arguments.of("projectMonitoring", "Task_DecideException", Map.of("toleranceOwner", "portfolio-board",
            "projectManager", SUBMITTER, "sponsor", "sam.sponsor"), "bob.board", false));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("approvals")
  void theSubmitterCannotDecideTheirOwnSubmission(String process, String taskKey, Map<String, Object> given,
      String otherApprover, boolean assignedToSubmitterByTheModel) {
    String key = startIntake("rae.requester", "Duties " + taskKey);
    Map<String, Object> variables = new HashMap<>(given);
    variables.put("projectKey", key);
    ProcessInstance instance = runtimeService.createProcessInstanceByKey(process).businessKey(key)
        .setVariables(variables).startBeforeActivity(taskKey).execute();
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
        .singleResult();
    assertThat(task).isNotNull();
    if (assignedToSubmitterByTheModel) {
      assertThat(task.getAssignee()).as("not left with its submitter").isNull();
      assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
          .contains(SeparationOfDuties.FALLBACK_GROUP);
    }
    assertRefusedToTheSubmitter(task.getId(), instance.getId());
    assertThat(post(otherApprover, "/engine-rest/task/" + task.getId() + "/claim",
        Map.of("userId", otherApprover)).status()).as("another approver may take it").isEqualTo(204);
  }

  @Test
  void theRequesterCannotScreenTheirOwnRequest() {
    String key = startIntake(SUBMITTER, "Duties screening");
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(key)
        .taskDefinitionKey("Task_ScreenRequest").singleResult();
    assertRefusedToTheSubmitter(task.getId(), task.getProcessInstanceId());
    assertThat(post("pat.pmo", "/engine-rest/task/" + task.getId() + "/submit-form",
        Map.of("variables", Map.of("decision", var("APPROVED", "String")))).status()).isEqualTo(204);
  }

  private void assertRefusedToTheSubmitter(String taskId, String instanceId) {
    String before = String.valueOf(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee());
    JsonNode visible = get(SUBMITTER, "/engine-rest/task?maxResults=10&processInstanceId=" + instanceId).json();
    assertThat(visible).as("hidden from the submitter").isEmpty();
    assertThat(get(SUBMITTER, "/engine-rest/task/" + taskId).status()).isIn(403, 404);
    assertThat(post(SUBMITTER, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", SUBMITTER)).status())
        .isEqualTo(403);
    assertThat(post(SUBMITTER, "/engine-rest/task/" + taskId + "/complete",
        Map.of("variables", Map.of("decision", var("APPROVED", "String")))).status()).isEqualTo(403);
    assertThat(post(SUBMITTER, "/engine-rest/task/" + taskId + "/submit-form",
        Map.of("variables", Map.of("decision", var("APPROVED", "String")))).status()).isEqualTo(403);
    Reply assigned = post("admin", "/engine-rest/task/" + taskId + "/assignee", Map.of("userId", SUBMITTER));
    assertThat(assigned.status()).as("not even an operator can hand it to them").isEqualTo(403);
    assertThat(assigned.json().get("message").asText()).contains("Separation of duties").contains(SUBMITTER);

    Task after = taskService.createTaskQuery().taskId(taskId).singleResult();
    assertThat(after).as("still open").isNotNull();
    assertThat(String.valueOf(after.getAssignee())).isEqualTo(before);
    assertThat(taskService.getVariable(taskId, "decision")).isNull();
  }

  @Test
  void anApprovalCannotBeAssignedOutsideItsCandidates() {
    String key = startIntake("rae.requester", "Duties candidates");
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(key)
        .taskDefinitionKey("Task_ScreenRequest").singleResult();
    Reply refused = post("admin", "/engine-rest/task/" + task.getId() + "/assignee", Map.of("userId", "bob.board"));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("message").asText()).contains("bob.board").contains("pmo");
    assertThat(post("pat.pmo", "/engine-rest/task/" + task.getId() + "/assignee", Map.of("userId", "mia.manager"))
        .status()).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
    assertThat(post("admin", "/engine-rest/task/" + task.getId() + "/assignee", Map.of("userId", "pat.pmo"))
        .status()).isEqualTo(204);
  }

  /** Every approval (a user task whose form has a decision) is covered, or deliberately left out. */
  @Test
  void everyApprovalTaskOfTheModelsIsCovered() throws IOException {
    Pattern userTask = Pattern.compile("<bpmn:userTask id=\"([^\"]+)\"[^>]*camunda:formRef=\"([^\"]+)\"");
    TreeSet<String> approvals = new TreeSet<>();
    try (Stream<Path> models = Files.list(Path.of("processes"))) {
      for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
        Matcher m = userTask.matcher(Files.readString(model));
        while (m.find()) {
          if (Files.readString(Path.of("forms", m.group(2) + ".form")).matches("(?s).*\"key\"\\s*:\\s*\"decision\".*")) {
            approvals.add(m.group(1));
          }
        }
      }
    }
    System.out.println("Approval tasks found in processes/*.bpmn: " + approvals.size() + " " + approvals);
    TreeSet<String> expected = new TreeSet<>(SeparationOfDuties.SUBMITTER.keySet());
    expected.add("Task_ReviewPortfolio");
    assertThat(approvals).isEqualTo(expected);
  }
}
