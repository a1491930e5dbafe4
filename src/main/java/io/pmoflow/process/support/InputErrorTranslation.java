package io.pmoflow.process.support;

import io.pmoflow.project.ForbiddenActionException;
import io.pmoflow.project.InvalidInputException;
import io.pmoflow.project.ProjectNotFoundException;
import jakarta.ws.rs.core.Response.Status;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.delegate.DefaultDelegateInterceptor;
import org.camunda.bpm.engine.impl.delegate.DelegateInvocation;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Turns the project rules' refusals into the status codes a client expects. The engine REST API maps any
 * {@code ProcessEngineException} from {@code /start} or {@code /complete} to 500, but passes a
 * {@code RestException} raised inside the command on with its own status; so a delegate that refuses bad input
 * yields 400 (403 for a forbidden action, 404 for an unknown project) on {@code /start}, {@code /submit-form} and
 * {@code /complete}, in the engine REST API and in Tasklist alike. The exception still rolls the whole command
 * back, so nothing of the refused step is written. In a job it is an ordinary failure: retries, then an
 * incident carrying the same readable message.
 *
 * <p>A failing project-store statement becomes a {@code ProcessEngineException} whose message starts with the
 * database's own words ({@code relation "pmo_phase_stay" does not exist}, a violated constraint): Spring's
 * {@code BadSqlGrammarException} names only the statement, and the job's exception message is what Cockpit shows
 * operators as the incident.
 */
@Component
public class InputErrorTranslation extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setDelegateInterceptor(new DefaultDelegateInterceptor() {
      @Override
      public void handleInvocation(DelegateInvocation invocation) throws Exception {
        try {
          super.handleInvocation(invocation);
        } catch (InvalidInputException e) {
          throw new InvalidRequestException(Status.BAD_REQUEST, e, e.getMessage());
        } catch (ForbiddenActionException e) {
          throw new InvalidRequestException(Status.FORBIDDEN, e, e.getMessage());
        } catch (ProjectNotFoundException e) {
          throw new InvalidRequestException(Status.NOT_FOUND, e, e.getMessage());
        } catch (DataAccessException e) {
          throw readable(e);
        }
      }
    });
  }

  static RuntimeException readable(DataAccessException e) {
    String cause = e.getMostSpecificCause().getMessage();
    if (cause == null || e.getMessage() == null || e.getMessage().contains(cause)) {
      return e;
    }
    return new ProcessEngineException("Project store: " + cause.strip() + " (" + e.getMessage().strip() + ")", e);
  }
}
