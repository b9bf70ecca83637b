package dev.outbox.chaos;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.rabbitmq.client.ConnectionFactory;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The suite judges the product from outside: it knows no role or domain module (only processes, env
 * vars, HTTP, AMQP and SQL), and it reads EVENT_BUS_URL the way the roles do.
 */
@AnalyzeClasses(packages = "dev.outbox.chaos", importOptions = ImportOption.DoNotIncludeTests.class)
class OutsideViewTest {

  @ArchTest
  static final ArchRule the_suite_depends_on_no_role_or_domain_module =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.outbox.core..",
              "dev.outbox.api..",
              "dev.outbox.relay..",
              "dev.outbox.notifier..",
              "dev.outbox.app..",
              "dev.outbox.bench..");

  @ArchTest
  static final ArchRule connection_factories_come_from_the_config_module =
      noClasses().should().callConstructor(ConnectionFactory.class);

  @ArchTest
  static final ArchRule the_suite_reads_no_environment =
      noClasses()
          .should()
          .callMethod(System.class, "getenv")
          .orShould()
          .callMethod(System.class, "getenv", String.class);
}
