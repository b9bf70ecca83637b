package dev.outbox.api.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.javalin.config.RoutesConfig;

/**
 * Keeps the api an adapter over core (after core's LayeringTest): routes reach core through its use
 * cases and domain types, only the composition root knows core's persistence, exceptions become
 * responses in one package, RabbitMQ is touched only by the readiness check, and the api knows no
 * other role.
 */
@AnalyzeClasses(packages = "dev.outbox.api", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

  @ArchTest
  static final ArchRule routes_use_core_through_its_use_cases_and_domain_only =
      noClasses()
          .that()
          .resideInAPackage("dev.outbox.api..")
          .and()
          .doNotHaveFullyQualifiedName("dev.outbox.api.Api")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.outbox.core.persistence..",
              "dev.outbox.core.outbox..",
              "dev.outbox.core.config..")
          .because("only Api, the composition root, wires core's persistence");

  @ArchTest
  static final ArchRule exceptions_become_responses_in_the_error_package_only =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.outbox.api.error..")
          .should()
          .callMethodWhere(
              target(name("exception"))
                  .and(
                      target(
                          owner(
                              describe(
                                  "RoutesConfig", o -> o.isAssignableTo(RoutesConfig.class))))))
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("dev.outbox.core.domain.DomainException")
          .because(
              "ExceptionMapping and DomainProblems are the one place refusals become problems");

  @ArchTest
  static final ArchRule only_the_readiness_check_talks_to_rabbitmq =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.outbox.api.ops..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.rabbitmq..");

  @ArchTest
  static final ArchRule the_api_depends_on_no_other_role =
      noClasses()
          .that()
          .resideInAPackage("dev.outbox.api..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.outbox.relay..",
              "dev.outbox.notifier..",
              "dev.outbox.app..",
              "dev.outbox.bench..");

  @ArchTest
  static final ArchRule the_api_reads_no_environment_itself =
      noClasses()
          .that()
          .resideInAPackage("dev.outbox.api..")
          .should()
          .callMethod(System.class, "getenv")
          .orShould()
          .callMethod(System.class, "getenv", String.class)
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("dev.outbox.config.Environment")
          .because("the caller hands ApiConfig.read a ConfigReader over the one Environment");
}
