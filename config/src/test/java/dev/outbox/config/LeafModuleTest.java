package dev.outbox.config;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The configuration module is a leaf every role may use: it knows no project module, and it is the
 * one place main code reads the process environment.
 */
@AnalyzeClasses(
    packages = "dev.outbox.config",
    importOptions = ImportOption.DoNotIncludeTests.class)
class LeafModuleTest {

  @ArchTest
  static final ArchRule config_depends_on_no_other_project_module =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.outbox.core..",
              "dev.outbox.api..",
              "dev.outbox.relay..",
              "dev.outbox.notifier..",
              "dev.outbox.app..",
              "dev.outbox.bench..",
              "dev.outbox.testing..",
              "dev.outbox.json..");

  @ArchTest
  static final ArchRule only_environment_reads_the_process_environment =
      noClasses()
          .that()
          .doNotHaveSimpleName("Environment")
          .should()
          .callMethod(System.class, "getenv")
          .orShould()
          .callMethod(System.class, "getenv", String.class);
}
