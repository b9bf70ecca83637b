package dev.outbox.json;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The one ObjectMapper configuration is a leaf: it knows Jackson and the JDK only. */
@AnalyzeClasses(packages = "dev.outbox.json", importOptions = ImportOption.DoNotIncludeTests.class)
class LeafModuleTest {

  @ArchTest
  static final ArchRule json_depends_on_jackson_and_the_jdk_only =
      classes()
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", "com.fasterxml.jackson..", "dev.outbox.json..");
}
