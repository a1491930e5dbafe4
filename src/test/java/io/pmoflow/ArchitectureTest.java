package io.pmoflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;

/**
 * The layering of HOUSE-STYLE.md: the project store and notifications know nothing of the engine.
 *
 * <p>Rules are {@code @ArchTest} methods, not {@code ArchRule} fields: Surefire 3.5.3 (our version) silently
 * skips field rules (TNG/ArchUnit#1442, apache/maven-surefire#839), so a field rule would never fail the build.
 */
@AnalyzeClasses(packages = "io.pmoflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  void projectStoreDoesNotUseTheEngine(JavaClasses classes) {
    noClasses().that().resideInAPackage("io.pmoflow.project..")
        .should().dependOnClassesThat().resideInAPackage("org.camunda..")
        .because("the domain (project/) never imports org.camunda")
        .check(classes);
  }

  @ArchTest
  void notificationsDoNotUseTheEngine(JavaClasses classes) {
    noClasses().that().resideInAPackage("io.pmoflow.notify..")
        .should().dependOnClassesThat().resideInAPackage("org.camunda..")
        .because("notifications are rendered from the store's data, not from process state")
        .check(classes);
  }

  @ArchTest
  void projectStoreDoesNotDependOnOuterLayers(JavaClasses classes) {
    noClasses().that().resideInAPackage("io.pmoflow.project..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("io.pmoflow.process..", "io.pmoflow.api..", "io.pmoflow.config..")
        .because("processes, the API and configuration use the project store, not the other way round")
        .check(classes);
  }
}
