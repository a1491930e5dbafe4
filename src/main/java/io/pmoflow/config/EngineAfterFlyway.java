package io.pmoflow.config;

import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitializationDetector;

/**
 * Makes the process engine wait for Flyway. Otherwise the engine may create its tables first, and Flyway then
 * meets a non-empty schema without its history. Registered in META-INF/spring.factories.
 */
public class EngineAfterFlyway implements DependsOnDatabaseInitializationDetector {

  @Override
  public Set<String> detect(ConfigurableListableBeanFactory beanFactory) {
    Set<String> names = new HashSet<>();
    names.addAll(Set.of(beanFactory.getBeanNamesForType(ProcessEngineConfiguration.class, true, false)));
    for (String name : beanFactory.getBeanNamesForType(ProcessEngineFactoryBean.class, true, false)) {
      names.add(BeanFactoryUtils.transformedBeanName(name));
    }
    return names;
  }
}
