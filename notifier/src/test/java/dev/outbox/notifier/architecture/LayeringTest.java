package dev.outbox.notifier.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the notifier's packages pointing one way (after core's LayeringTest): the transport ({@code
 * consume}) feeds the logic ({@code dispatch}, {@code analytics}), which uses the channel ports and
 * the delivery log; everything meets in {@code event} (the contract, the handler port and the one
 * Outcome), which depends on nothing of the notifier. Only the composition root (the top-level
 * package) sees all of them.
 */
@AnalyzeClasses(
    packages = "dev.outbox.notifier",
    importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

  @ArchTest
  static final ArchRule packages_are_free_of_cycles =
      slices().matching("dev.outbox.notifier.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule dispatch_knows_neither_the_transport_nor_rabbitmq =
      noClasses()
          .that()
          .resideInAnyPackage("dev.outbox.notifier.dispatch..", "dev.outbox.notifier.analytics..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.outbox.notifier.consume..", "com.rabbitmq..");

  @ArchTest
  static final ArchRule channels_know_neither_dispatch_nor_the_transport_nor_the_store =
      noClasses()
          .that()
          .resideInAPackage("dev.outbox.notifier.channel..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.outbox.notifier.dispatch..",
              "dev.outbox.notifier.consume..",
              "dev.outbox.notifier.store..",
              "com.rabbitmq..");

  @ArchTest
  static final ArchRule the_event_package_depends_on_nothing_else_of_the_notifier =
      classes()
          .that()
          .resideInAPackage("dev.outbox.notifier.event..")
          .should()
          .onlyDependOnClassesThat(
              resideInAPackage("dev.outbox.notifier.event..")
                  .or(not(resideInAPackage("dev.outbox.notifier.."))));

  @ArchTest
  static final ArchRule the_store_depends_on_nothing_else_of_the_notifier =
      classes()
          .that()
          .resideInAPackage("dev.outbox.notifier.store..")
          .should()
          .onlyDependOnClassesThat(
              resideInAPackage("dev.outbox.notifier.store..")
                  .or(not(resideInAPackage("dev.outbox.notifier.."))));

  @ArchTest
  static final ArchRule only_the_transport_and_the_composition_root_talk_to_rabbitmq =
      noClasses()
          .that()
          .resideOutsideOfPackages("dev.outbox.notifier.consume..", "dev.outbox.notifier")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.rabbitmq..");

  @ArchTest
  static final ArchRule depends_on_no_project_module_but_json_and_config =
      noClasses()
          .should()
          .dependOnClassesThat(
              resideInAPackage("dev.outbox..")
                  .and(
                      not(
                          resideInAnyPackage(
                              "dev.outbox.notifier..",
                              "dev.outbox.json..",
                              "dev.outbox.config.."))));
}
