package dev.outbox.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Test support serves every module's tests, so it may know the configuration leaf but no role or
 * domain module (a test of core must not pull in the relay through its helpers).
 */
@AnalyzeClasses(
    packages = "dev.outbox.testing",
    importOptions = ImportOption.DoNotIncludeTests.class)
class TestSupportTest {

  @ArchTest
  static final ArchRule testing_depends_on_no_role_or_domain_module =
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
}
