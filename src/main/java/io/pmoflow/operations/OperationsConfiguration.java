package io.pmoflow.operations;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

  @Bean
  FilterRegistrationBean<MetricsAccessFilter> metricsAccess(IdentityService identityService,
      OperationsSettings settings) {
    FilterRegistrationBean<MetricsAccessFilter> registration =
        new FilterRegistrationBean<>(new MetricsAccessFilter(identityService, settings.getMetricsGroup()));
    registration.addUrlPatterns("/actuator/prometheus", "/actuator/prometheus/*");
    registration.setName("metrics-access");
    registration.setOrder(10);
    return registration;
  }
}
