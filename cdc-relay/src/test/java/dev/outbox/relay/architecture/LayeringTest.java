package dev.outbox.relay.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the relay's packages in one direction (after core's LayeringTest). From the top: the
 * composition root ({@code dev.outbox.relay}: Relay, its supervisor and jobs) wires everything;
 * {@code capture} runs the engine and delivers; {@code replay} is below it, reached by the capture
 * for WAL replays and reaching the capture's delivery only through its Republisher port; {@code
 * status}, {@code metrics}, {@code standby}, {@code store}, {@code publish} and {@code config} are
 * adapters below; {@code model} is the bottom; {@code window} is a Debezium plug-in that knows
 * nothing of the relay. Debezium and Kafka Connect stay in the few packages that run inside or
 * beside the engine, RabbitMQ in {@code publish}.
 */
@AnalyzeClasses(packages = "dev.outbox.relay", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

  private static final String ROOT = "dev.outbox.relay";

  @ArchTest
  static final ArchRule relay_packages_are_free_of_cycles =
      slices().matching("dev.outbox.relay.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule the_relay_depends_on_no_role_module =
      noClasses()
          .that()
          .resideInAPackage("dev.outbox.relay..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.outbox.core..",
              "dev.outbox.api..",
              "dev.outbox.notifier..",
              "dev.outbox.app..",
              "dev.outbox.bench..");

  @ArchTest
  static final ArchRule only_the_composition_root_uses_the_composition_root =
      classes()
          .that()
          .resideInAPackage(ROOT)
          .should()
          .onlyHaveDependentClassesThat()
          .resideInAPackage(ROOT);

  @ArchTest
  static final ArchRule only_the_composition_root_starts_the_capture =
      classes()
          .that()
          .resideInAPackage("..relay.capture..")
          .should()
          .onlyHaveDependentClassesThat()
          .resideInAnyPackage(ROOT, "..relay.capture..");

  @ArchTest
  static final ArchRule replay_knows_neither_the_capture_nor_the_broker =
      noClasses()
          .that()
          .resideInAPackage("..relay.replay..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "..relay.capture..", "..relay.publish..", "io.debezium..", "com.rabbitmq..");

  @ArchTest
  static final ArchRule adapters_know_neither_capture_nor_replay =
      noClasses()
          .that()
          .resideInAnyPackage(
              "..relay.store..",
              "..relay.standby..",
              "..relay.status..",
              "..relay.metrics..",
              "..relay.publish..",
              "..relay.config..",
              "..relay.model..",
              "..relay.window..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..relay.capture..", "..relay.replay..");

  @ArchTest
  static final ArchRule the_model_depends_on_no_other_relay_package =
      classes()
          .that()
          .resideInAPackage("..relay.model..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", "..relay.model..");

  @ArchTest
  static final ArchRule the_window_plug_in_knows_nothing_of_the_relay =
      classes()
          .that()
          .resideInAPackage("..relay.window..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "java..", "io.debezium..", "org.apache.kafka..", "org.slf4j..", "..relay.window..");

  @ArchTest
  static final ArchRule debezium_runs_only_in_the_capture_and_its_plug_in =
      noClasses()
          .that()
          .resideOutsideOfPackages("..relay.capture..", "..relay.window..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.debezium..");

  @ArchTest
  static final ArchRule kafka_connect_types_stay_beside_the_engine =
      noClasses()
          .that()
          .resideOutsideOfPackages(
              "..relay.capture..", "..relay.window..", "..relay.store..", "..relay.replay..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.apache.kafka..");

  @ArchTest
  static final ArchRule configuration_is_free_of_engine_and_broker_classes =
      noClasses()
          .that()
          .resideInAPackage("..relay.config..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.debezium..", "org.apache.kafka..", "com.rabbitmq..");

  @ArchTest
  static final ArchRule rabbitmq_is_spoken_only_by_the_publisher =
      noClasses()
          .that()
          .resideOutsideOfPackage("..relay.publish..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.rabbitmq..");

  @ArchTest
  static final ArchRule the_environment_is_read_only_by_the_config_module =
      noClasses()
          .that()
          .resideInAPackage("dev.outbox.relay..")
          .should()
          .callMethod(System.class, "getenv")
          .orShould()
          .callMethod(System.class, "getenv", String.class);
}
