package io.pmoflow.bench;

import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Sorts one execution sample of a lifecycle driver thread into where its CPU went, for the lifecycle profile
 * (issue #7). Frames are given root first ("class.method" is not needed: class and method apart); the first frame
 * from the thread's root that matches a category decides, so the engine flush that runs a history handler counts
 * as flush, and PMO Flow code that runs an engine query counts as PMO Flow code. A frame matching two categories
 * takes the one listed first in {@link Category}.
 */
final class ProfileClassifier {

  /** One stack frame: the declaring class (binary name, as JFR reports it) and the method. */
  record Frame(String type, String method) {

    static Frame of(String classDotMethod) {
      int dot = classDotMethod.lastIndexOf('.');
      return new Frame(classDotMethod.substring(0, dot), classDotMethod.substring(dot + 1));
    }
  }

  /** The categories, in the order that decides when one frame matches several; OTHER matches none. */
  enum Category {
    PMO_CODE("PMO Flow code", (type, method) -> isPmoCode(type)),
    DMN("DMN", (type, method) -> type.equals("org.camunda.bpm.dmn.engine.impl.DefaultDmnEngine")
        || type.equals("org.camunda.bpm.engine.impl.dmn.invocation.DecisionInvocation")),
    AUTHORIZATION("authorization",
        (type, method) -> type.equals("org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager")),
    HISTORY("history", (type, method) -> type.equals("org.camunda.bpm.engine.impl.history.event.HistoryEventProcessor")
        || type.startsWith("org.camunda.bpm.engine.impl.history.handler.") && type.endsWith("HistoryEventHandler")),
    ENGINE_FLUSH("engine flush", (type, method) ->
        type.equals("org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager") && method.equals("flush")),
    EXPRESSION_LANGUAGE("expression language (JUEL)", (type, method) -> type.startsWith("org.camunda.bpm.impl.juel.")),
    ENGINE_SELECT("engine select", (type, method) -> method.startsWith("select")
        && (type.equals("org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager")
        || type.startsWith("org.camunda.bpm.engine.impl.db.sql.") && type.endsWith("DbSqlSession"))),
    // PMO Flow's engine commits through Spring's transaction manager, the standalone baseline through its own
    TRANSACTION_COMMIT("transaction commit", (type, method) ->
        type.equals("org.springframework.transaction.support.AbstractPlatformTransactionManager")
            && method.equals("processCommit")
            || type.equals("org.camunda.bpm.engine.impl.cfg.standalone.StandaloneTransactionContext")
            && method.equals("commit")),
    OTHER("other", (type, method) -> false);

    final String label;
    private final BiPredicate<String, String> matches;

    Category(String label, BiPredicate<String, String> matches) {
      this.label = label;
      this.matches = matches;
    }
  }

  /** What PMO Flow code spends its samples on: what runs below its deepest frame. */
  enum PmoPart {
    STORE_SQL("project store SQL (JdbcTemplate / JdbcClient)"),
    IDENTITY("identity lookups (CamundaDirectory, identity service)"),
    ENGINE_QUERY("engine calls (e.g. ProcessContext.occurrence's history count)"),
    SELF("own code and other libraries");

    final String label;

    PmoPart(String label) {
      this.label = label;
    }
  }

  /** Classes of the benchmark's driver that live outside io.pmoflow.bench (the journeys' form data). */
  private static final Set<String> DRIVER_HELPERS = Set.of("io.pmoflow.process.ScenarioSupport",
      "io.pmoflow.process.ProjectJourneys");

  private ProfileClassifier() {
  }

  /**
   * PMO Flow's own code: io.pmoflow outside the benchmark and its helpers, not the delegate interceptor
   * ({@code InputErrorTranslation}, which wraps every delegate of both engines' kind), not generated proxies or
   * lambda classes.
   */
  static boolean isPmoCode(String type) {
    return type.startsWith("io.pmoflow.") && !type.startsWith("io.pmoflow.bench.")
        && !DRIVER_HELPERS.contains(type)
        && !type.startsWith("io.pmoflow.process.support.InputErrorTranslation")
        && !type.contains("CGLIB") && !type.contains("$$Lambda");
  }

  /** The category of a sample whose frames are given root first. */
  static Category classify(List<Frame> rootFirst) {
    for (Frame frame : rootFirst) {
      for (Category category : Category.values()) {
        if (category.matches.test(frame.type(), frame.method())) {
          return category;
        }
      }
    }
    return Category.OTHER;
  }

  /** For a sample of PMO Flow code: what runs below the deepest PMO Flow frame. */
  static PmoPart pmoPart(List<Frame> rootFirst) {
    int deepest = -1;
    for (int i = 0; i < rootFirst.size(); i++) {
      if (isPmoCode(rootFirst.get(i).type())) {
        deepest = i;
      }
    }
    if (deepest < 0) {
      throw new IllegalArgumentException("no PMO Flow frame in " + rootFirst);
    }
    List<Frame> below = rootFirst.subList(deepest + 1, rootFirst.size());
    if (below.stream().anyMatch(f -> f.type().startsWith("org.springframework.jdbc."))) {
      return PmoPart.STORE_SQL;
    }
    if (rootFirst.get(deepest).type().equals("io.pmoflow.config.CamundaDirectory")
        || below.stream().anyMatch(f -> f.type().equals("org.camunda.bpm.engine.impl.IdentityServiceImpl"))) {
      return PmoPart.IDENTITY;
    }
    if (below.stream().anyMatch(f -> f.type().startsWith("org.camunda.bpm."))) {
      return PmoPart.ENGINE_QUERY;
    }
    return PmoPart.SELF;
  }
}
