package io.pmoflow.governance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.ModelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The analyst's loop (profile {@code dev}): a model or form saved in {@code processes/} or {@code forms/} is
 * deployed within a poll interval, so Tasklist shows it at once, without a restart.
 *
 * <p>Only what changed is deployed, plus what the engine needs to see it: our models bind forms, decisions and
 * called processes with {@code binding="deployment"}, which looks them up in the process definition's own
 * deployment. A changed form or decision deployed alone would never be used, so it goes out together with every
 * process that references it (directly or through a called process), and each such process with everything it
 * references. Processes that reference nothing changed keep their version.
 *
 * <p>Files are compared by content hash, polled rather than watched: editors save by writing a temporary file
 * and renaming it, or in several writes, which file-system events report inconsistently.
 */
@Component
@Profile("dev")
public class ModelReloader {

  static final String DEPLOYMENT_NAME = "pmo-flow dev reload";
  private static final String DEPLOYMENT_BINDING = "deployment";
  private static final Logger log = LoggerFactory.getLogger(ModelReloader.class);

  private final RepositoryService repositoryService;
  private final DevReloadSettings settings;
  /** Content hash of every model and form as last deployed; at start, as the start-up deployment found them. */
  private Map<Path, String> deployed;

  public ModelReloader(RepositoryService repositoryService, DevReloadSettings settings) {
    this.repositoryService = repositoryService;
    this.settings = settings;
    this.deployed = snapshot();
    log.info("Profile dev: models in {} and forms in {} are deployed when saved (checked every {})",
        settings.processes().toAbsolutePath(), settings.forms().toAbsolutePath(), settings.poll());
  }

  @Scheduled(fixedDelayString = "${pmo.dev.poll:PT1S}", initialDelayString = "${pmo.dev.poll:PT1S}")
  public void deployChanged() {
    Map<Path, String> now = snapshot();
    Set<Path> changed = now.keySet().stream().filter(f -> !now.get(f).equals(deployed.get(f)))
        .collect(Collectors.toCollection(TreeSet::new));
    // remembered even if the deployment fails: a broken model is reported once, and deployed on its next save
    deployed = now;
    if (changed.isEmpty()) {
      return;
    }
    try {
      Set<Path> resources = withProcessesThatUseThem(changed, now.keySet());
      DeploymentWithDefinitions deployment = deploy(resources);
      log.info("Saved {}: deployed {} as {}", names(changed), names(resources), versions(deployment));
    } catch (RuntimeException e) {
      log.warn("Saved {}: not deployed: {}", names(changed), e.getMessage());
    }
  }

  private DeploymentWithDefinitions deploy(Set<Path> resources) {
    DeploymentBuilder builder = repositoryService.createDeployment().name(DEPLOYMENT_NAME).source(DEPLOYMENT_NAME)
        // not deployChangedOnly: a process's deployment must hold its unchanged forms and decisions too
        .enableDuplicateFiltering(false);
    for (Path resource : resources) {
      builder.addInputStream(resourceName(resource), new ByteArrayInputStream(read(resource)));
    }
    return builder.deployWithResult();
  }

  /** The changed files, plus every process whose deployment must contain one of them, with all it references. */
  private Set<Path> withProcessesThatUseThem(Set<Path> changed, Set<Path> files) {
    Map<String, Path> processes = byId(files, ".bpmn");
    Map<String, Path> decisions = byId(files, ".dmn");
    Map<String, Path> forms = byId(files, ".form");
    Map<Path, Set<Path>> references = new HashMap<>();
    processes.values().forEach(p -> references.put(p, referencedBy(p, processes, decisions, forms)));

    Set<Path> resources = new TreeSet<>(changed);
    for (Path process : processes.values()) {
      Set<Path> unit = unit(process, references, new TreeSet<>());
      if (unit.stream().anyMatch(changed::contains)) {
        resources.addAll(unit);
      }
    }
    return resources;
  }

  /** A process with everything it binds by deployment, transitively through called processes. */
  private static Set<Path> unit(Path process, Map<Path, Set<Path>> references, Set<Path> unit) {
    if (unit.add(process)) {
      for (Path referenced : references.getOrDefault(process, Set.of())) {
        if (references.containsKey(referenced)) {
          unit(referenced, references, unit);
        } else {
          unit.add(referenced);
        }
      }
    }
    return unit;
  }

  /** File name = id (house style), so a reference finds its file by the id alone. */
  private static Set<Path> referencedBy(Path process, Map<String, Path> processes, Map<String, Path> decisions,
      Map<String, Path> forms) {
    BpmnModelInstance model;
    try (InputStream in = new ByteArrayInputStream(read(process))) {
      model = Bpmn.readModelFromStream(in);
    } catch (IOException | ModelException unreadable) {
      // a model saved half-way cannot be read; deploying it reports the parser's message
      return Set.of();
    }
    Set<String> formIds = new HashSet<>();
    model.getModelElementsByType(UserTask.class).stream()
        .filter(t -> DEPLOYMENT_BINDING.equals(t.getCamundaFormRefBinding()))
        .forEach(t -> formIds.add(t.getCamundaFormRef()));
    model.getModelElementsByType(StartEvent.class).stream()
        .filter(s -> DEPLOYMENT_BINDING.equals(s.getCamundaFormRefBinding()))
        .forEach(s -> formIds.add(s.getCamundaFormRef()));
    Set<String> decisionIds = model.getModelElementsByType(BusinessRuleTask.class).stream()
        .filter(t -> DEPLOYMENT_BINDING.equals(t.getCamundaDecisionRefBinding()))
        .map(BusinessRuleTask::getCamundaDecisionRef).collect(Collectors.toSet());
    Set<String> calledIds = model.getModelElementsByType(CallActivity.class).stream()
        .filter(c -> DEPLOYMENT_BINDING.equals(c.getCamundaCalledElementBinding()))
        .map(CallActivity::getCalledElement).collect(Collectors.toSet());

    Set<Path> referenced = new HashSet<>();
    formIds.stream().map(forms::get).filter(f -> f != null).forEach(referenced::add);
    decisionIds.stream().map(decisions::get).filter(f -> f != null).forEach(referenced::add);
    calledIds.stream().map(processes::get).filter(f -> f != null).forEach(referenced::add);
    return referenced;
  }

  private Map<Path, String> snapshot() {
    Map<Path, String> hashes = new TreeMap<>();
    Set<Path> files = new HashSet<>(list(settings.processes(), ".bpmn", ".dmn"));
    files.addAll(list(settings.forms(), ".form"));
    for (Path file : files) {
      try {
        hashes.put(file, sha256(Files.readAllBytes(file)));
      } catch (NoSuchFileException renamedAway) {
        // an editor replaced it between listing and reading; the next poll sees the new file
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return hashes;
  }

  /** Editors' hidden temporary files (".x.bpmn.swp", ".~lock") are not models. */
  private static Set<Path> list(Path folder, String... suffixes) {
    if (!Files.isDirectory(folder)) {
      return Set.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().startsWith("."))
          .filter(f -> Stream.of(suffixes).anyMatch(f.toString()::endsWith))
          .collect(Collectors.toSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Path> byId(Set<Path> files, String suffix) {
    return files.stream().filter(f -> f.toString().endsWith(suffix)).collect(Collectors.toMap(
        f -> f.getFileName().toString().substring(0, f.getFileName().toString().length() - suffix.length()),
        f -> f));
  }

  private String resourceName(Path file) {
    String folder = file.startsWith(settings.forms()) ? "forms/" : "processes/";
    return folder + file.getFileName();
  }

  private static String names(Set<Path> files) {
    return files.stream().map(f -> f.getFileName().toString()).sorted().collect(Collectors.joining(", "));
  }

  private static String versions(DeploymentWithDefinitions deployment) {
    List<ResourceDefinition> definitions = new ArrayList<>();
    Optional.ofNullable(deployment.getDeployedProcessDefinitions()).ifPresent(definitions::addAll);
    Optional.ofNullable(deployment.getDeployedDecisionDefinitions()).ifPresent(definitions::addAll);
    return definitions.stream().map(d -> d.getKey() + " v" + d.getVersion()).sorted()
        .collect(Collectors.joining(", ", "deployment " + deployment.getId() + " (", ")"));
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
