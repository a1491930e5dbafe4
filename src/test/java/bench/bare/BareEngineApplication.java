package bench.bare;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/**
 * The baseline of the REST latency and footprint benchmarks (issue #7): a bare Camunda 7 Spring Boot application
 * with the starters PMO Flow uses (webapps + REST, the same BOM and versions) and nothing of PMO Flow. It is set up
 * the way PMO Flow is where that decides the cost of a call: authorization checks on, HTTP Basic on
 * {@code /engine-rest/*} through the engine's own {@link ProcessEngineAuthenticationFilter} (as PMO Flow's
 * SecurityConfiguration), history level FULL, an admin user, and a plain user who starts the process through a
 * global grant (as PMO Flow's AccessSetup grants {@code projectIntake}). Its one process, {@code bareProcess}
 * (start → no-op service task → end, {@code bare/bareProcess.bpmn}), is the only thing it deploys.
 *
 * <p>It lives outside {@code io.pmoflow} on purpose: PMO Flow's tests scan {@code io.pmoflow.**} on the test
 * classpath and would pick it up. Its configuration is {@code bare.yaml} ({@code spring.config.name=bare}, set in
 * {@link #main}), so PMO Flow's {@code application.yaml} is never read. The benchmark scripts run it on a class path
 * of its own classes and the starter jars only (no {@code target/classes}, hence none of PMO Flow's
 * {@code META-INF/spring.factories} entries, and none of PMO Flow's extra libraries: Spin, Flyway, mail, springdoc,
 * Prometheus) — see {@code bench/run-rest-footprint.sh}. Actuator is kept so that both applications report readiness
 * the same way ({@code /actuator/health/readiness}).
 */
@SpringBootApplication
public class BareEngineApplication {

  /** The plain user the benchmark starts processes as (password {@value #PASSWORD}). */
  static final String USER = "benchuser";
  static final String PASSWORD = "demo";
  static final String PROCESS = "bareProcess";

  public static void main(String[] args) {
    if (System.getProperty("spring.config.name") == null) {
      System.setProperty("spring.config.name", "bare");
    }
    SpringApplication.run(BareEngineApplication.class, args);
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.setName("engine-rest-authentication");
    registration.setOrder(10);
    return registration;
  }

  @Bean
  BareAccess bareAccess(IdentityService identityService, AuthorizationService authorizationService) {
    return new BareAccess(identityService, authorizationService);
  }

  /** The benchmark user and what every user may do with {@code bareProcess}; idempotent, runs at every start. */
  static class BareAccess {

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;

    BareAccess(IdentityService identityService, AuthorizationService authorizationService) {
      this.identityService = identityService;
      this.authorizationService = authorizationService;
    }

    @EventListener(ApplicationStartedEvent.class)
    public void setUp() {
      if (identityService.createUserQuery().userId(USER).count() == 0) {
        User user = identityService.newUser(USER);
        user.setFirstName("Bench");
        user.setLastName("User");
        user.setEmail(USER + "@bench.example");
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
      }
      grantGlobal(Resources.PROCESS_DEFINITION, PROCESS, Permissions.READ, Permissions.CREATE_INSTANCE);
      grantGlobal(Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    }

    private void grantGlobal(Resource resource, String resourceId, Permission... permissions) {
      Authorization existing = authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GLOBAL)
          .userIdIn(ANY).resourceType(resource).resourceId(resourceId).singleResult();
      if (existing != null) {
        return;
      }
      Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GLOBAL);
      authorization.setUserId(ANY);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
      for (Permission permission : permissions) {
        authorization.addPermission(permission);
      }
      authorizationService.saveAuthorization(authorization);
    }
  }
}
