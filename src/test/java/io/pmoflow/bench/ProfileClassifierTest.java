package io.pmoflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pmoflow.bench.ProfileClassifier.Category;
import io.pmoflow.bench.ProfileClassifier.Frame;
import io.pmoflow.bench.ProfileClassifier.PmoPart;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The lifecycle profile's classification on made-up stacks (root first): no engine, no JFR. */
class ProfileClassifierTest {

  private static final String THREAD = "java.lang.Thread.run";
  private static final String DRIVER = "io.pmoflow.bench.LifecycleDriver.playProject";
  private static final String COMPLETE = "org.camunda.bpm.engine.impl.TaskServiceImpl.complete";
  private static final String DELEGATE = "io.pmoflow.process.lifecycle.CharterRecorder.execute";
  private static final String FLUSH = "org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager.flush";
  private static final String SELECT = "org.camunda.bpm.engine.impl.db.sql.DbSqlSession.selectList";
  private static final String HISTORY = "org.camunda.bpm.engine.impl.history.event.HistoryEventProcessor"
      + ".processHistoryEvents";
  private static final String AUTHORIZATION = "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager"
      + ".configureQuery";
  private static final String JUEL = "org.camunda.bpm.impl.juel.TreeValueExpression.getValue";
  private static final String DMN = "org.camunda.bpm.engine.impl.dmn.invocation.DecisionInvocation.invoke";
  private static final String COMMIT = "org.springframework.transaction.support.AbstractPlatformTransactionManager"
      + ".processCommit";
  private static final String JDBC = "org.springframework.jdbc.core.JdbcTemplate.update";
  private static final String H2 = "org.h2.command.Command.executeUpdate";

  private static List<Frame> stack(String... rootFirst) {
    return Stream.of(rootFirst).map(Frame::of).toList();
  }

  @Test
  void theFirstMatchingFrameFromTheRootDecides() {
    // PMO Flow code that runs an engine query and a flush below it is PMO Flow's cost ...
    assertThat(ProfileClassifier.classify(stack(THREAD, DRIVER, COMPLETE, DELEGATE, SELECT, H2)))
        .isEqualTo(Category.PMO_CODE);
    // ... and a flush that runs PMO Flow's history handler is the flush's (read leaf first, both would flip)
    assertThat(ProfileClassifier.classify(stack(THREAD, DRIVER, COMPLETE, FLUSH,
        "io.pmoflow.operations.ProcessKpiPlugin$KpiHistoryEventHandler.handleEvent")))
        .isEqualTo(Category.ENGINE_FLUSH);
    assertThat(ProfileClassifier.classify(stack(THREAD, DRIVER, COMPLETE, HISTORY, SELECT)))
        .isEqualTo(Category.HISTORY);
    assertThat(ProfileClassifier.classify(stack(THREAD, DRIVER, COMPLETE, AUTHORIZATION, SELECT)))
        .isEqualTo(Category.AUTHORIZATION);
    assertThat(ProfileClassifier.classify(stack(THREAD, DRIVER, COMPLETE, DMN, JUEL)))
        .isEqualTo(Category.DMN);
    assertThat(ProfileClassifier.classify(stack(THREAD, DRIVER, COMPLETE, JUEL, SELECT)))
        .isEqualTo(Category.EXPRESSION_LANGUAGE);
    assertThat(ProfileClassifier.classify(stack(THREAD, DRIVER, COMPLETE, COMMIT, H2)))
        .isEqualTo(Category.TRANSACTION_COMMIT);
    assertThat(ProfileClassifier.classify(stack(THREAD, DRIVER, COMPLETE,
        "org.camunda.bpm.engine.impl.cfg.standalone.StandaloneTransactionContext.commit", H2)))
        .isEqualTo(Category.TRANSACTION_COMMIT);
    assertThat(ProfileClassifier.classify(stack(THREAD, DRIVER, COMPLETE, SELECT, H2)))
        .isEqualTo(Category.ENGINE_SELECT);
    assertThat(ProfileClassifier.classify(stack(THREAD, DRIVER, COMPLETE, H2))).isEqualTo(Category.OTHER);
  }

  @Test
  void patternsAreExact() {
    // the entity manager's flush, not its other methods; select only on the entity manager and SQL session
    assertThat(ProfileClassifier.classify(stack(THREAD,
        "org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager.flushEntityCache")))
        .isEqualTo(Category.OTHER);
    assertThat(ProfileClassifier.classify(stack(THREAD,
        "org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager.selectById"))).isEqualTo(Category.ENGINE_SELECT);
    assertThat(ProfileClassifier.classify(stack(THREAD,
        "org.camunda.bpm.engine.impl.db.sql.BatchDbSqlSession.selectOne"))).isEqualTo(Category.ENGINE_SELECT);
    assertThat(ProfileClassifier.classify(stack(THREAD, "org.apache.ibatis.session.SqlSession.selectList")))
        .isEqualTo(Category.OTHER);
    assertThat(ProfileClassifier.classify(stack(THREAD,
        "org.springframework.transaction.support.AbstractPlatformTransactionManager.commit")))
        .isEqualTo(Category.OTHER);
    assertThat(ProfileClassifier.classify(stack(THREAD,
        "org.camunda.bpm.engine.impl.cfg.standalone.StandaloneTransactionContext.rollback")))
        .isEqualTo(Category.OTHER);
    assertThat(ProfileClassifier.classify(stack(THREAD,
        "org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler.handleEvent")))
        .isEqualTo(Category.HISTORY);
    assertThat(ProfileClassifier.classify(stack(THREAD,
        "org.camunda.bpm.dmn.engine.impl.DefaultDmnEngine.evaluateDecisionTable"))).isEqualTo(Category.DMN);
  }

  @Test
  void pmoCodeLeavesOutTheBenchmarkTheInterceptorProxiesAndLambdas() {
    for (String notPmo : List.of("io.pmoflow.bench.LifecycleBenchmark.lambda$main$0",
        "io.pmoflow.process.ScenarioSupport.request",
        "io.pmoflow.process.support.InputErrorTranslation$1.handleInvocation",
        "io.pmoflow.process.lifecycle.CharterRecorder$$SpringCGLIB$$0.execute",
        "io.pmoflow.process.lifecycle.CharterRecorder$$Lambda$1234/0x0000000801234567.apply")) {
      assertThat(ProfileClassifier.classify(stack(THREAD, notPmo, SELECT))).as(notPmo)
          .isEqualTo(Category.ENGINE_SELECT);
    }
    // a lambda body is a method of its own class, and that is PMO Flow code
    assertThat(ProfileClassifier.classify(stack(THREAD, "io.pmoflow.project.ProjectStore.lambda$find$3", SELECT)))
        .isEqualTo(Category.PMO_CODE);
  }

  @Test
  void pmoCodeIsSplitByWhatRunsBelowItsDeepestFrame() {
    assertThat(ProfileClassifier.pmoPart(stack(THREAD, DRIVER, COMPLETE, DELEGATE,
        "io.pmoflow.project.ProjectStore.save", JDBC, H2))).isEqualTo(PmoPart.STORE_SQL);
    assertThat(ProfileClassifier.pmoPart(stack(THREAD, DRIVER, COMPLETE, DELEGATE,
        "io.pmoflow.config.CamundaDirectory.isMember", "org.camunda.bpm.engine.impl.AbstractQuery.count", SELECT)))
        .isEqualTo(PmoPart.IDENTITY);
    assertThat(ProfileClassifier.pmoPart(stack(THREAD, DRIVER, COMPLETE, DELEGATE,
        "io.pmoflow.process.support.ProcessContext.occurrence", "org.camunda.bpm.engine.impl.AbstractQuery.count",
        SELECT))).isEqualTo(PmoPart.ENGINE_QUERY);
    assertThat(ProfileClassifier.pmoPart(stack(THREAD, DRIVER, COMPLETE, DELEGATE,
        "java.util.HashMap.put"))).isEqualTo(PmoPart.SELF);
    // the deepest PMO Flow frame counts: a store call below an engine call below PMO Flow code is store SQL
    assertThat(ProfileClassifier.pmoPart(stack(THREAD, DRIVER, DELEGATE, COMPLETE,
        "io.pmoflow.project.ProjectStore.save", JDBC))).isEqualTo(PmoPart.STORE_SQL);
    assertThat(ProfileClassifier.pmoPart(stack(THREAD, DRIVER, DELEGATE, JDBC, H2,
        "io.pmoflow.project.ProjectStore.lambda$find$3", "java.lang.Long.valueOf"))).isEqualTo(PmoPart.SELF);
    assertThatThrownBy(() -> ProfileClassifier.pmoPart(stack(THREAD, DRIVER, COMPLETE)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
