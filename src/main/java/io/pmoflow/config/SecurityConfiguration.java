package io.pmoflow.config;

import io.pmoflow.api.ApiAuthenticationFilter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Closes what the Camunda starters leave open: the engine REST API and our own API both require HTTP Basic
 * against the engine's identity service, and run with that user's authorizations.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

  @Bean
  FilterRegistrationBean<SecurityHeadersFilter> securityHeaders(
      @Value("${pmo.security.hsts:false}") boolean hsts) {
    FilterRegistrationBean<SecurityHeadersFilter> registration =
        new FilterRegistrationBean<>(new SecurityHeadersFilter(hsts));
    registration.addUrlPatterns("/*");
    registration.setName("security-headers");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  FilterRegistrationBean<EngineRestErrors> engineRestErrors() {
    FilterRegistrationBean<EngineRestErrors> registration = new FilterRegistrationBean<>(new EngineRestErrors());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setName("engine-rest-errors");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
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
  FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(IdentityService identityService) {
    FilterRegistrationBean<ApiAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ApiAuthenticationFilter(identityService));
    registration.addUrlPatterns("/api/*");
    registration.setName("api-authentication");
    registration.setOrder(10);
    return registration;
  }
}
