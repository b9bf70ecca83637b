package dev.outbox.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps core's layers honest (after ddd-by-examples/library's hexagonal architecture tests): the
 * domain knows only the JDK and jakarta.persistence annotations; the application knows the domain
 * but no adapter; adapters depend inwards; core knows no role module and reads no environment.
 */
@AnalyzeClasses(packages = "dev.outbox.core", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

  @ArchTest
  static final ArchRule domain_depends_only_on_the_jdk_and_jpa_annotations =
      classes()
          .that()
          .resideInAPackage("dev.outbox.core.domain..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", "jakarta.persistence..", "dev.outbox.core.domain..");

  @ArchTest
  static final ArchRule domain_is_free_of_application_persistence_and_frameworks =
      noClasses()
          .that()
          .resideInAPackage("dev.outbox.core.domain..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.outbox.core.application..",
              "dev.outbox.core.persistence..",
              "dev.outbox.core.outbox..",
              "dev.outbox.core.config..",
              "org.hibernate..",
              "org.flywaydb..",
              "com.rabbitmq..",
              "io.javalin..",
              "com.fasterxml.jackson..");

  @ArchTest
  static final ArchRule application_does_not_know_the_adapters =
      noClasses()
          .that()
          .resideInAPackage("dev.outbox.core.application..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.outbox.core.persistence..",
              "dev.outbox.core.outbox..",
              "dev.outbox.core.config..",
              "org.hibernate..",
              "org.flywaydb..",
              "jakarta.persistence..",
              "com.rabbitmq..",
              "io.javalin..");

  @ArchTest
  static final ArchRule the_outbox_does_not_know_persistence_or_use_cases =
      noClasses()
          .that()
          .resideInAPackage("dev.outbox.core.outbox..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.outbox.core.persistence..", "dev.outbox.core.application..");

  @ArchTest
  static final ArchRule core_depends_on_no_role_module =
      noClasses()
          .that()
          .resideInAPackage("dev.outbox.core..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.outbox.api..",
              "dev.outbox.relay..",
              "dev.outbox.notifier..",
              "dev.outbox.app..",
              "dev.outbox.bench..")
          .because("the roles depend on core, never the other way round");

  @ArchTest
  static final ArchRule core_reads_no_environment =
      noClasses()
          .that()
          .resideInAPackage("dev.outbox.core..")
          .should()
          .callMethod(System.class, "getenv")
          .orShould()
          .callMethod(System.class, "getenv", String.class)
          .because("configuration is read by the config module and handed in");

  @ArchTest
  static final ArchRule hibernate_adapters_are_package_private =
      classes()
          .that()
          .resideInAPackage("dev.outbox.core.persistence..")
          .and()
          .haveSimpleNameStartingWith("Hibernate")
          .should()
          .notBePublic();
}
