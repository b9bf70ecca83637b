package dev.outbox.bench.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The harness measures the roles from outside, as processes started the way the README starts them,
 * and reads its settings the way every role does.
 */
@AnalyzeClasses(packages = "dev.outbox.bench", importOptions = ImportOption.DoNotIncludeTests.class)
class BenchDependenciesTest {

  @ArchTest
  static final ArchRule depends_on_no_role_module =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.outbox.relay..",
              "dev.outbox.notifier..",
              "dev.outbox.api..",
              "dev.outbox.app..");

  @ArchTest
  static final ArchRule reads_the_environment_only_through_the_config_module =
      noClasses()
          .should()
          .callMethod(System.class, "getenv")
          .orShould()
          .callMethod(System.class, "getenv", String.class);

  @ArchTest
  static final ArchRule builds_amqp_connections_only_through_the_config_module =
      noClasses().should().callConstructor(com.rabbitmq.client.ConnectionFactory.class);
}
