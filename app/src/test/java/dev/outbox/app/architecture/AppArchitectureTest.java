package dev.outbox.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.rabbitmq.client.ConnectionFactory;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The distribution wires the roles and reads the environment, AMQP connections and pools through
 * the config module only, like every role.
 */
@AnalyzeClasses(packages = "dev.outbox.app", importOptions = ImportOption.DoNotIncludeTests.class)
class AppArchitectureTest {

  @ArchTest
  static final ArchRule reads_the_environment_only_through_the_config_module =
      noClasses()
          .should()
          .callMethod(System.class, "getenv")
          .orShould()
          .callMethod(System.class, "getenv", String.class);

  @ArchTest
  static final ArchRule builds_no_amqp_connection_factory_of_its_own =
      noClasses().should().callConstructor(ConnectionFactory.class);

  @ArchTest
  static final ArchRule builds_no_connection_pool_of_its_own =
      noClasses()
          .should()
          .callConstructor(HikariDataSource.class)
          .orShould()
          .callConstructor(HikariDataSource.class, HikariConfig.class)
          .orShould()
          .callConstructor(HikariConfig.class);
}
