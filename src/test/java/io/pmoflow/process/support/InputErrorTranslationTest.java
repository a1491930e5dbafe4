package io.pmoflow.process.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.BadSqlGrammarException;

/** What an operator reads in Cockpit when a project-store statement fails inside a job. */
class InputErrorTranslationTest {

  @Test
  void aFailedStatementIsReportedInTheDatabasesOwnWords() {
    SQLException cause = new SQLException("ERROR: relation \"pmo_phase_stay\" does not exist\n  Position: 8");
    BadSqlGrammarException failure = new BadSqlGrammarException("PreparedStatementCallback",
        "update pmo_phase_stay set left_at = ?", cause);

    RuntimeException readable = InputErrorTranslation.readable(failure);

    assertThat(readable).isInstanceOf(ProcessEngineException.class).hasCause(failure);
    assertThat(readable.getMessage())
        .startsWith("Project store: ERROR: relation \"pmo_phase_stay\" does not exist")
        .contains("bad SQL grammar [update pmo_phase_stay set left_at = ?]");
  }

  @Test
  void aMessageThatAlreadySaysWhyIsLeftAsItIs() {
    DataIntegrityViolationException failure = new DataIntegrityViolationException("duplicate key value");

    assertThat(InputErrorTranslation.readable(failure)).isSameAs(failure);
  }
}
