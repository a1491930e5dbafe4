package io.pmoflow.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pmoflow.process.intake.IntakeProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * Profile {@code dev} in a context of its own, watching a copy of {@code processes/} and {@code forms/}: each
 * test saves a file as an analyst would and waits for the poller (every 200 ms), never calling it itself.
 */
// an engine name of its own, so this context's engine does not become the registry's default one
@SpringBootTest(properties = {"camunda.bpm.process-engine-name=devReload", "pmo.dev.poll=PT0.2S"})
@ActiveProfiles({"dev", "test"})
class ModelReloaderTest {

  private static final Path COPY = copyOfModels();
  private static final List<String> INTAKE_UNIT = List.of("processes/projectIntake.bpmn",
      "processes/pmoGovernance.dmn", "forms/requestProject.form", "forms/screenRequest.form",
      "forms/amendRequest.form");

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired IdentityService identityService;

  @DynamicPropertySource
  static void watchTheCopy(DynamicPropertyRegistry registry) {
    registry.add("pmo.dev.processes", () -> COPY.resolve("processes").toString());
    registry.add("pmo.dev.forms", () -> COPY.resolve("forms").toString());
  }

  @Test
  void aChangedThresholdGoesLiveWithTheIntakeThatUsesItAndNothingElse() {
    Map<String, Integer> before = latestVersions();

    Deployment deployment = save("processes/pmoGovernance.dmn", "&gt;= 100000", "&gt;= 50000");

    assertThat(resources(deployment)).containsExactlyInAnyOrderElementsOf(INTAKE_UNIT);
    Map<String, Integer> expected = new HashMap<>(before);
    expected.merge("projectIntake", 1, Integer::sum);
    expected.merge("pmoGovernance", 1, Integer::sum);
    assertThat(latestVersions()).as("only the intake and its decision get a new version").isEqualTo(expected);

    Map<String, Object> request = request(60_000.0);
    ProcessInstance intake = asRequester(() -> runtimeService.startProcessInstanceByKey(IntakeProcess.KEY, request));
    assertThat(runtimeService.getVariable(intake.getId(), IntakeProcess.PMO_TYPE))
        .as("60,000 EUR is CONTROLLING from the new threshold on").isEqualTo("CONTROLLING");
  }

  @Test
  void aChangedFormIsWhatTheNextTaskShows() throws IOException {
    Deployment deployment = save("forms/screenRequest.form", "\"label\": \"Needs more information\"",
        "\"label\": \"Send back for more information\"");

    assertThat(resources(deployment)).containsExactlyInAnyOrderElementsOf(INTAKE_UNIT);
    Map<String, Object> request = request(20_000.0);
    ProcessInstance intake = asRequester(() -> runtimeService.startProcessInstanceByKey(IntakeProcess.KEY, request));
    Task screening = taskService.createTaskQuery().processInstanceId(intake.getId()).singleResult();
    try (InputStream form = formService.getDeployedTaskForm(screening.getId())) {
      assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("Send back for more information");
    }
  }

  @Test
  void aFormOfTheCalledGateRedeploysTheLifecycleThatCallsIt() {
    Map<String, Integer> before = latestVersions();

    Deployment deployment = save("forms/approveGate.form", "\"label\": \"Gate decision\"",
        "\"label\": \"Your gate decision\"");

    Set<String> resources = resources(deployment);
    assertThat(resources).contains("forms/approveGate.form", "processes/phaseGate.bpmn",
        "processes/projectLifecycle.bpmn", "processes/projectMonitoring.bpmn", "processes/gateApproval.dmn",
        "forms/draftCharter.form", "forms/statusReport.form");
    assertThat(resources).doesNotContain("processes/projectIntake.bpmn", "processes/changeRequest.bpmn",
        "processes/riskEscalation.bpmn", "processes/portfolioReview.bpmn", "processes/riskAssessment.dmn");
    Map<String, Integer> after = latestVersions();
    assertThat(after.get("projectIntake")).isEqualTo(before.get("projectIntake"));
    assertThat(after.get("phaseGate")).isEqualTo(before.get("phaseGate") + 1);
    assertThat(after.get("projectLifecycle")).isEqualTo(before.get("projectLifecycle") + 1);
  }

  @Test
  void aDecisionNoProcessBindsGoesAloneAndAFileSavedUnchangedNotAtAll() throws IOException {
    Path unchanged = COPY.resolve("processes/changeRequest.bpmn");
    Files.write(unchanged, Files.readAllBytes(unchanged));

    Deployment deployment = save("processes/reviewAgenda.dmn", "&gt; 10", "&gt; 12");

    assertThat(resources(deployment)).containsExactly("processes/reviewAgenda.dmn");
  }

  @AfterAll
  static void removeTheCopy() throws IOException {
    FileSystemUtils.deleteRecursively(COPY);
  }

  /** Saves the file with one change and waits for the deployment it causes. */
  private Deployment save(String file, String from, String to) {
    Set<String> earlier = deploymentIds();
    Path path = COPY.resolve(file);
    try {
      String content = Files.readString(path);
      assertThat(content).as(file).contains(from);
      Files.writeString(path, content.replace(from, to));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> deploymentIds().size() > earlier.size());
    List<Deployment> added = repositoryService.createDeploymentQuery().deploymentName(ModelReloader.DEPLOYMENT_NAME)
        .list().stream().filter(d -> !earlier.contains(d.getId())).toList();
    assertThat(added).as("deployments caused by saving %s", file).hasSize(1);
    return added.get(0);
  }

  private Set<String> deploymentIds() {
    return repositoryService.createDeploymentQuery().deploymentName(ModelReloader.DEPLOYMENT_NAME).list().stream()
        .map(Deployment::getId).collect(Collectors.toSet());
  }

  private Set<String> resources(Deployment deployment) {
    return Set.copyOf(repositoryService.getDeploymentResourceNames(deployment.getId()));
  }

  private Map<String, Integer> latestVersions() {
    return Stream.concat(
            repositoryService.createProcessDefinitionQuery().latestVersion().list().stream(),
            repositoryService.createDecisionDefinitionQuery().latestVersion().list().stream())
        .collect(Collectors.toMap(ResourceDefinition::getKey, ResourceDefinition::getVersion));
  }

  private <T> T asRequester(java.util.function.Supplier<T> call) {
    identityService.setAuthentication("rae.requester", List.of("requesters"));
    try {
      return call.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static Map<String, Object> request(double budget) {
    Map<String, Object> v = new HashMap<>();
    v.put(IntakeProcess.PROJECT_NAME, "Reloaded rules");
    v.put(IntakeProcess.DESCRIPTION, "Try the rules just saved");
    v.put(IntakeProcess.BUSINESS_UNIT, "Operations");
    v.put(IntakeProcess.SPONSOR, "sam.sponsor");
    v.put(IntakeProcess.ESTIMATED_BUDGET, budget);
    v.put(IntakeProcess.STRATEGIC_ALIGNMENT, 3L);
    v.put(IntakeProcess.COMPLEXITY, "LOW");
    v.put(IntakeProcess.RISK_LEVEL, "LOW");
    v.put(IntakeProcess.CROSS_DEPARTMENTAL, false);
    v.put(IntakeProcess.REGULATORY, false);
    return v;
  }

  private static Path copyOfModels() {
    try {
      Path copy = Files.createTempDirectory("pmo-dev-reload");
      FileSystemUtils.copyRecursively(Path.of("processes"), copy.resolve("processes"));
      FileSystemUtils.copyRecursively(Path.of("forms"), copy.resolve("forms"));
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
