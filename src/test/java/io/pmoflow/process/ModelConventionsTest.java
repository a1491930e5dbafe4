package io.pmoflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pmoflow.TestProfiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DmnElement;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.xml.ModelInstance;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The house style of processes/, forms/ and the element templates, checked on the files the analysts edit and on
 * what the engine deployed from them. Same context configuration as {@link ScenarioSupport}, so Spring's context
 * cache hands this class the scenarios' engine instead of starting another one.
 */
@SpringBootTest
@ActiveProfiles(resolver = TestProfiles.class)
@Import(ProcessEngineCoverageConfiguration.class)
class ModelConventionsTest {

  static final Path PROCESSES = Path.of("processes");
  static final Path FORMS = Path.of("forms");
  static final Path TEMPLATES = PROCESSES.resolve(".camunda/element-templates");
  static final Path PROCESS_SOURCES = Path.of("src/main/java/io/pmoflow/process");
  static final Path SHARED_SOURCES = PROCESS_SOURCES.resolve("support");

  static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  static final String MODELER_NS = "http://camunda.org/schema/modeler/1.0";
  static final String DMNDI_NS = "https://www.omg.org/spec/DMN/20191111/DMNDI/";
  static final String PLATFORM = "Camunda Platform";
  static final String PLATFORM_VERSION = "7.24.0";

  /** Type prefix + a name in words: StartEvent_RequestSubmitted, never Flow_0x1y2z3 or Task_1. */
  static final Pattern HOUSE_ID = Pattern.compile("([A-Za-z]+)_[A-Z][A-Za-z0-9]*(_[A-Za-z0-9]+)*");
  static final Pattern DELEGATE_EXPRESSION = Pattern.compile("\\$\\{([a-z][A-Za-z0-9]*)}");
  static final Pattern STRING_CONSTANT = Pattern.compile("static\\s+final\\s+String\\s+(\\w+)\\s*=\\s*\"([^\"]*)\"\\s*;");
  static final Pattern PROCESS_KEY_CONSTANT = Pattern.compile("String\\s+KEY\\s*=\\s*\"(\\w+)\"");
  static final Pattern MODEL_EXPRESSION = Pattern.compile("[$#]\\{[^}]*}");
  static final Pattern VARIABLE_SOURCE = Pattern.compile("\\bsource=\"([^\"]*)\"");
  static final Pattern DMN_INPUT_EXPRESSION = Pattern.compile("<inputExpression[^>]*>\\s*<text>([^<]*)</text>");

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired RepositoryService repositoryService;
  @Autowired ApplicationContext context;

  static Stream<Path> processes() {
    return files(PROCESSES, ".bpmn");
  }

  static Stream<Path> decisions() {
    return files(PROCESSES, ".dmn");
  }

  static Stream<Path> forms() {
    return files(FORMS, ".form");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void processIsDeployedUnderItsFileNameAsWritten(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    Bpmn.validateModel(model);
    List<org.camunda.bpm.model.bpmn.instance.Process> executable =
        model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).stream()
            .filter(org.camunda.bpm.model.bpmn.instance.Process::isExecutable).toList();
    assertThat(executable).as("%s: executable processes", file).hasSize(1);
    assertThat(executable.get(0).getId()).as("%s: process id = file name", file).isEqualTo(baseName(file));

    ProcessDefinition deployed = deployedProcess(baseName(file));
    assertThat(deployedResource(deployed.getDeploymentId(), deployed.getResourceName()))
        .as("%s: the engine runs this file as it is in processes/", file).isEqualTo(read(file));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void processOpensInTheModelerWithTtlAndDiagram(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    assertExecutionPlatform(file, model);
    model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).forEach(p ->
        assertThat(p.getCamundaHistoryTimeToLiveString()).as("%s: historyTimeToLive of %s", file, p.getId())
            .isNotBlank());

    Set<String> drawn = new TreeSet<>();
    model.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));
    model.getModelElementsByType(BpmnEdge.class).forEach(e -> drawn.add(e.getBpmnElement().getId()));
    Set<String> undrawn = model.getModelElementsByType(FlowElement.class).stream()
        .filter(e -> e instanceof FlowNode || e instanceof SequenceFlow).map(BaseElement::getId)
        .filter(id -> !drawn.contains(id)).collect(Collectors.toCollection(TreeSet::new));
    assertThat(undrawn).as("%s: flow elements without a shape or edge in the diagram", file).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void processElementIdsFollowTheHouseStyle(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    List<String> wrong = new ArrayList<>();
    for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
      if (element instanceof org.camunda.bpm.model.bpmn.instance.Process || element.getId() == null) {
        continue;
      }
      String prefix = element instanceof Task ? "Task" : element instanceof Gateway ? "Gateway" : typeName(element);
      checkId(element.getId(), prefix, wrong);
    }
    assertThat(wrong).as("%s: ids must be <type>_<Name in words>, never generated", file).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void exclusiveGatewaysHaveExactlyOneDefaultFlow(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    List<String> wrong = new ArrayList<>();
    for (ExclusiveGateway gateway : model.getModelElementsByType(ExclusiveGateway.class)) {
      Collection<SequenceFlow> outgoing = gateway.getOutgoing();
      if (outgoing.size() < 2) {
        continue;
      }
      SequenceFlow fallback = gateway.getDefault();
      if (fallback == null || !outgoing.contains(fallback)) {
        wrong.add(gateway.getId() + " has no default among its outgoing flows");
        continue;
      }
      if (fallback.getConditionExpression() != null) {
        wrong.add(gateway.getId() + ": default flow " + fallback.getId() + " has a condition");
      }
      outgoing.stream().filter(f -> f != fallback && f.getConditionExpression() == null)
          .forEach(f -> wrong.add(gateway.getId() + ": " + f.getId() + " is neither default nor conditional"));
    }
    assertThat(wrong).as("%s", file).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void noJavaClassesScriptsOrConnectors(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    List<String> wrong = new ArrayList<>();
    walk(model.getDocument().getRootElement(), e -> {
      String where = e.getLocalName() + " " + describe(e);
      if (e.hasAttribute(CAMUNDA_NS, "class") || isCamundaListener(e) && e.hasAttribute("class")) {
        wrong.add(where + ": camunda:class (use a delegateExpression naming a bean)");
      }
      if (e.getLocalName().equals("scriptTask") || CAMUNDA_NS.equals(e.getNamespaceURI())
          && e.getLocalName().equals("script")) {
        wrong.add(where + ": script");
      }
      if (e.getLocalName().equals("conditionExpression") && e.hasAttribute("language")) {
        wrong.add(where + ": script condition (language=" + e.getAttribute("language") + ")");
      }
      if (CAMUNDA_NS.equals(e.getNamespaceURI()) && e.getLocalName().equals("connector")) {
        wrong.add(where + ": connector");
      }
    });
    assertThat(wrong).as("%s", file).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void delegateExpressionsNameBeansOfTheRightKind(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    List<String> wrong = new ArrayList<>();
    walk(model.getDocument().getRootElement(), e -> {
      String expression = isCamundaListener(e) ? e.getAttribute("delegateExpression")
          : e.getAttribute(CAMUNDA_NS, "delegateExpression");
      if (expression == null) {
        return;
      }
      Class<?> kind = e.getLocalName().equals("executionListener") ? ExecutionListener.class
          : e.getLocalName().equals("taskListener") ? TaskListener.class : JavaDelegate.class;
      Matcher bean = DELEGATE_EXPRESSION.matcher(expression);
      if (!bean.matches()) {
        wrong.add(describe(e) + ": " + expression + " is not ${beanName}");
      } else if (!context.containsBean(bean.group(1))) {
        wrong.add(describe(e) + ": no bean " + bean.group(1));
      } else if (!context.isTypeMatch(bean.group(1), kind)) {
        wrong.add(describe(e) + ": bean " + bean.group(1) + " is no " + kind.getSimpleName());
      }
    });
    assertThat(wrong).as("%s", file).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void decisionRefsAndCalledElementsResolveInTheSameDeployment(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    String deployment = deployedProcess(baseName(file)).getDeploymentId();
    List<String> wrong = new ArrayList<>();
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      String ref = task.getCamundaDecisionRef();
      if (ref == null || !"deployment".equals(task.getCamundaDecisionRefBinding())) {
        wrong.add(task.getId() + ": needs camunda:decisionRef with decisionRefBinding=\"deployment\"");
      } else if (!Files.exists(PROCESSES.resolve(ref + ".dmn")) || repositoryService
          .createDecisionDefinitionQuery().deploymentId(deployment).decisionDefinitionKey(ref).count() != 1) {
        wrong.add(task.getId() + ": decision " + ref + " is not processes/" + ref + ".dmn deployed with the process");
      }
    }
    for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
      if (repositoryService.createProcessDefinitionQuery().deploymentId(deployment)
          .processDefinitionKey(call.getCalledElement()).count() != 1) {
        wrong.add(call.getId() + ": called process " + call.getCalledElement() + " is not deployed with the process");
      }
    }
    assertThat(wrong).as("%s", file).isEmpty();
  }

  /**
   * A form field the process never reads is a value a user types for nothing. "Reads" is checked on the source:
   * the key is used, as a string literal or through a constant holding it, by the Java code of the process's
   * package (the one whose constants say KEY = process id) or of process/support, or by the model itself (an
   * expression or a variable mapping), or by an input of a decision the model calls.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void formRefsResolveToDeployedFormsWhoseFieldsTheProcessReads(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    String processId = baseName(file);
    String deployment = deployedProcess(processId).getDeploymentId();
    Set<String> deployedForms = deployedFormIds(deployment);
    VariableReads reads = VariableReads.of(processId, file, model);
    List<String> wrong = new ArrayList<>();
    walk(model.getDocument().getRootElement(), e -> {
      String ref = e.getAttribute(CAMUNDA_NS, "formRef");
      if (ref == null) {
        if (e.getLocalName().equals("userTask")) {
          wrong.add(describe(e) + ": user task without camunda:formRef");
        }
        return;
      }
      if (!"deployment".equals(e.getAttribute(CAMUNDA_NS, "formRefBinding"))) {
        wrong.add(describe(e) + ": formRefBinding must be \"deployment\"");
      }
      Path form = FORMS.resolve(ref + ".form");
      if (!Files.exists(form) || !deployedForms.contains(ref)) {
        wrong.add(describe(e) + ": formRef " + ref + " is not forms/" + ref + ".form deployed with the process");
        return;
      }
      List<String> unread = fieldKeys(json(form)).stream().filter(key -> !reads.reads(key)).toList();
      if (!unread.isEmpty()) {
        wrong.add(describe(e) + ": " + form + " has fields " + processId + " never reads: " + unread);
      }
    });
    assertThat(wrong).as("%s", file).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decisions")
  void decisionIsDeployedUnderItsFileNameAndOpensInTheModeler(Path file) {
    DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
    Dmn.validateModel(model);
    assertExecutionPlatform(file, model);
    Collection<Decision> decisions = model.getModelElementsByType(Decision.class);
    assertThat(decisions).as("%s: decisions", file).extracting(Decision::getId).contains(baseName(file));
    Set<String> drawn = new TreeSet<>();
    walk(model.getDocument().getRootElement(), e -> {
      if (DMNDI_NS.equals(e.getNamespaceURI()) && e.getLocalName().equals("DMNShape")) {
        drawn.add(e.getAttribute("dmnElementRef"));
      }
    });
    List<String> wrong = new ArrayList<>();
    for (Decision decision : decisions) {
      if (decision.getCamundaHistoryTimeToLiveString() == null) {
        wrong.add(decision.getId() + ": no historyTimeToLive");
      }
      if (!drawn.contains(decision.getId())) {
        wrong.add(decision.getId() + ": no shape in the decision requirements diagram");
      }
      if (repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(decision.getId()).count() == 0) {
        wrong.add(decision.getId() + ": not deployed");
      }
    }
    for (DmnElement element : model.getModelElementsByType(DmnElement.class)) {
      if (element instanceof Decision || element.getId() == null) {
        continue;
      }
      String prefix = element instanceof InputEntry ? "UnaryTests"
          : element instanceof OutputEntry ? "LiteralExpression" : typeName(element);
      checkId(element.getId(), prefix, wrong);
    }
    assertThat(wrong).as("%s", file).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void formIsNamedByItsIdAndTargetsThePlatform(Path file) {
    JsonNode form = json(file);
    assertThat(form.path("id").asText()).as("%s: form id = file name", file).isEqualTo(baseName(file));
    assertThat(form.path("executionPlatform").asText()).as("%s: executionPlatform", file).isEqualTo(PLATFORM);
    assertThat(form.path("executionPlatformVersion").asText()).as("%s: executionPlatformVersion", file)
        .isEqualTo(PLATFORM_VERSION);
    assertThat(processes().map(ModelConventionsTest::read))
        .as("%s: referenced by a model (an unused form is dead)", file)
        .anyMatch(xml -> xml.contains("camunda:formRef=\"" + baseName(file) + "\""));
  }

  /**
   * Every service task carries the element template of its delegate, so an analyst edits it through the
   * template's fields; the task must hold what the template would have set.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void serviceTasksUseTheElementTemplateOfTheirDelegate(Path file) {
    Map<String, JsonNode> templates = elementTemplates();
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    List<String> wrong = new ArrayList<>();
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      String id = task.getAttributeValueNs(CAMUNDA_NS, "modelerTemplate");
      JsonNode template = id == null ? null : templates.get(id);
      if (template == null) {
        wrong.add(task.getId() + ": no element template (camunda:modelerTemplate " + id + ")");
        continue;
      }
      wrong.addAll(ElementTemplates.mismatches(task, template));
    }
    assertThat(wrong).as("%s", file).isEmpty();
  }

  @Test
  void elementTemplatesAreUniqueAndEachIsUsed() {
    Set<String> used = processes().flatMap(f -> Bpmn.readModelFromFile(f.toFile())
            .getModelElementsByType(ServiceTask.class).stream())
        .map(t -> t.getAttributeValueNs(CAMUNDA_NS, "modelerTemplate")).collect(Collectors.toSet());
    Set<String> unused = new TreeSet<>(elementTemplates().keySet());
    unused.removeAll(used);
    assertThat(unused).as("element templates no service task uses").isEmpty();
  }

  /** All templates by id; a file may hold one template or an array of them, as the Modeler reads both. */
  static Map<String, JsonNode> elementTemplates() {
    Map<String, JsonNode> byId = new HashMap<>();
    files(TEMPLATES, ".json").forEach(file -> {
      JsonNode content = json(file);
      for (JsonNode template : content.isArray() ? content : List.of(content)) {
        JsonNode before = byId.put(template.path("id").asText(), template);
        assertThat(before).as("%s: template id %s defined twice", file, template.path("id").asText()).isNull();
      }
    });
    assertThat(byId).as("element templates in %s", TEMPLATES).isNotEmpty();
    return byId;
  }

  private ProcessDefinition deployedProcess(String key) {
    ProcessDefinition deployed = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
        .latestVersion().singleResult();
    assertThat(deployed).as("deployed process %s", key).isNotNull();
    return deployed;
  }

  private String deployedResource(String deploymentId, String name) {
    try (InputStream in = repositoryService.getResourceAsStream(deploymentId, name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Form ids as the engine resolves a formRef: by the id inside each deployed .form resource. */
  private Set<String> deployedFormIds(String deploymentId) {
    return repositoryService.getDeploymentResourceNames(deploymentId).stream().filter(n -> n.endsWith(".form"))
        .map(n -> {
          try {
            return JSON.readTree(deployedResource(deploymentId, n)).path("id").asText();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }).collect(Collectors.toSet());
  }

  private static void assertExecutionPlatform(Path file, ModelInstance model) {
    DomElement root = model.getDocument().getRootElement();
    assertThat(root.getAttribute(MODELER_NS, "executionPlatform")).as("%s: modeler:executionPlatform", file)
        .isEqualTo(PLATFORM);
    assertThat(root.getAttribute(MODELER_NS, "executionPlatformVersion"))
        .as("%s: modeler:executionPlatformVersion", file).isEqualTo(PLATFORM_VERSION);
  }

  private static void checkId(String id, String prefix, List<String> wrong) {
    Matcher m = HOUSE_ID.matcher(id);
    if (!m.matches() || !m.group(1).equals(prefix)) {
      wrong.add(id + " (expected " + prefix + "_<Name>)");
    }
  }

  private static String typeName(ModelElementInstance element) {
    String name = element.getElementType().getTypeName();
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private static boolean isCamundaListener(DomElement e) {
    return CAMUNDA_NS.equals(e.getNamespaceURI())
        && (e.getLocalName().equals("executionListener") || e.getLocalName().equals("taskListener"));
  }

  /** The element, or for an extension element the BPMN element it belongs to. */
  private static String describe(DomElement e) {
    DomElement owner = e;
    while (owner != null && !owner.hasAttribute("id")) {
      owner = owner.getParentElement();
    }
    return owner == null ? e.getLocalName() : owner.getAttribute("id");
  }

  private static void walk(DomElement element, Consumer<DomElement> visit) {
    visit.accept(element);
    element.getChildElements().forEach(child -> walk(child, visit));
  }

  /** Keys of input fields and dynamic lists, nested ones included; text and layout components have none. */
  static List<String> fieldKeys(JsonNode form) {
    List<String> keys = new ArrayList<>();
    for (JsonNode component : form.path("components")) {
      if (component.hasNonNull("key")) {
        keys.add(component.get("key").asText());
      }
      if (component.hasNonNull("path")) {
        keys.add(component.get("path").asText());
      }
      keys.addAll(fieldKeys(component));
    }
    return keys;
  }

  static Stream<Path> files(Path dir, String suffix) {
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String baseName(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.lastIndexOf('.'));
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("not valid JSON: " + file, e);
    }
  }

  /** What a process reads, from its package's Java sources, its model and the inputs of the decisions it calls. */
  record VariableReads(String code, Map<String, Set<String>> constantsByValue, String modelUses) {

    static VariableReads of(String processId, Path file, BpmnModelInstance model) {
      Map<Path, String> sources = new LinkedHashMap<>();
      sources.putAll(javaSources(packageOf(processId)));
      sources.putAll(javaSources(SHARED_SOURCES));
      Map<String, Set<String>> constants = new HashMap<>();
      StringBuilder code = new StringBuilder();
      sources.values().forEach(source -> {
        Matcher m = STRING_CONSTANT.matcher(source);
        while (m.find()) {
          constants.computeIfAbsent(m.group(2), v -> new TreeSet<>()).add(m.group(1));
        }
        code.append(STRING_CONSTANT.matcher(source).replaceAll("")).append('\n');
      });

      String xml = read(file);
      StringBuilder uses = new StringBuilder();
      MODEL_EXPRESSION.matcher(xml).results().forEach(r -> uses.append(r.group()).append('\n'));
      VARIABLE_SOURCE.matcher(xml).results().forEach(r -> uses.append(r.group(1)).append('\n'));
      for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
        DMN_INPUT_EXPRESSION.matcher(read(PROCESSES.resolve(task.getCamundaDecisionRef() + ".dmn"))).results()
            .forEach(r -> uses.append(r.group(1)).append('\n'));
      }
      return new VariableReads(code.toString(), constants, uses.toString());
    }

    boolean reads(String key) {
      Pattern word = Pattern.compile("\\b" + Pattern.quote(key) + "\\b");
      return code.contains("\"" + key + "\"") || word.matcher(modelUses).find()
          || constantsByValue.getOrDefault(key, Set.of()).stream()
              .anyMatch(name -> Pattern.compile("\\b" + name + "\\b").matcher(code).find());
    }

    /** The package whose constants class declares KEY = the process id. */
    private static Path packageOf(String processId) {
      try (Stream<Path> packages = Files.list(PROCESS_SOURCES)) {
        List<Path> matching = packages.filter(Files::isDirectory)
            .filter(dir -> javaSources(dir).values().stream().anyMatch(source -> {
              Matcher m = PROCESS_KEY_CONSTANT.matcher(source);
              return m.find() && m.group(1).equals(processId);
            })).toList();
        assertThat(matching).as("a package under %s whose constants say KEY = \"%s\"", PROCESS_SOURCES, processId)
            .hasSize(1);
        return matching.get(0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static Map<Path, String> javaSources(Path dir) {
      Map<Path, String> sources = new LinkedHashMap<>();
      files(dir, ".java").forEach(f -> sources.put(f, read(f)));
      return sources;
    }
  }

  /** A service task against the element template it names. */
  static final class ElementTemplates {

    static List<String> mismatches(ServiceTask task, JsonNode template) {
      List<String> wrong = new ArrayList<>();
      String where = task.getId() + " (template " + template.path("id").asText() + ")";
      if (!String.valueOf(template.path("version").asInt())
          .equals(task.getAttributeValueNs(CAMUNDA_NS, "modelerTemplateVersion"))) {
        wrong.add(where + ": camunda:modelerTemplateVersion must be " + template.path("version").asInt());
      }
      if (!template.path("appliesTo").toString().contains("\"bpmn:ServiceTask\"")) {
        wrong.add(where + ": the template does not apply to service tasks");
      }
      Map<String, String> inputs = new LinkedHashMap<>();
      task.getModelInstance().getModelElementsByType(CamundaInputParameter.class).stream()
          .filter(p -> isInside(p, task)).forEach(p -> inputs.put(p.getCamundaName(), p.getTextContent()));
      Set<String> declared = new TreeSet<>();
      for (JsonNode property : template.path("properties")) {
        JsonNode binding = property.path("binding");
        String name = binding.path("name").asText();
        if (binding.path("type").asText().equals("property") && name.equals("camunda:delegateExpression")) {
          if (!property.path("value").asText().equals(task.getCamundaDelegateExpression())) {
            wrong.add(where + ": delegateExpression " + task.getCamundaDelegateExpression() + " is not the template's "
                + property.path("value").asText());
          }
        } else if (binding.path("type").asText().equals("camunda:inputParameter")) {
          declared.add(name);
          wrong.addAll(inputMismatches(where, property, name, inputs.get(name)));
        } else {
          wrong.add(where + ": binding " + binding + " is not checked here (delegateExpression and input parameters"
              + " are)");
        }
      }
      inputs.keySet().stream().filter(name -> !declared.contains(name))
          .forEach(name -> wrong.add(where + ": input parameter " + name + " is not a field of the template"));
      return wrong;
    }

    private static List<String> inputMismatches(String where, JsonNode property, String name, String value) {
      List<String> wrong = new ArrayList<>();
      JsonNode constraints = property.path("constraints");
      if (value == null || value.isBlank()) {
        if (constraints.path("notEmpty").asBoolean()) {
          wrong.add(where + ": input parameter " + name + " is required by the template");
        }
        return wrong;
      }
      if (property.path("type").asText().equals("Dropdown")) {
        Set<String> choices = new TreeSet<>();
        property.path("choices").forEach(c -> choices.add(c.path("value").asText()));
        if (!choices.contains(value)) {
          wrong.add(where + ": input parameter " + name + " = " + value + " is none of the template's " + choices);
        }
      }
      JsonNode pattern = constraints.path("pattern");
      String regex = pattern.isObject() ? pattern.path("value").asText() : pattern.asText(null);
      if (regex != null && !Pattern.compile(regex).matcher(value).find()) {
        wrong.add(where + ": input parameter " + name + " = " + value + " does not match " + regex);
      }
      return wrong;
    }

    private static boolean isInside(ModelElementInstance element, ModelElementInstance ancestor) {
      for (ModelElementInstance e = element; e != null; e = e.getParentElement()) {
        if (e == ancestor) {
          return true;
        }
      }
      return false;
    }
  }
}
