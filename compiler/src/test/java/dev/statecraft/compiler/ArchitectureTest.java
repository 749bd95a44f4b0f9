package dev.statecraft.compiler;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The compiler's layering: only the front end reads Java (JavaParser); the IR depends on nothing
 * but diagnostics; back ends and passes see only the IR, never the front end or each other.
 */
class ArchitectureTest {
  private static final String ROOT = "dev.statecraft.compiler";
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
  }

  @Test
  void onlyTheFrontEndUsesJavaParser() {
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + ".frontend..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.github.javaparser..")
        .check(classes);
  }

  @Test
  void theIrDependsOnlyOnDiagnostics() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".ir..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            ROOT + ".frontend..",
            ROOT + ".passes..",
            ROOT + ".aws..",
            ROOT + ".gcp..",
            ROOT + ".azure..",
            ROOT + ".java..")
        .check(classes);
  }

  @Test
  void backEndsAndPassesNeverSeeTheFrontEnd() {
    noClasses()
        .that()
        .resideInAnyPackage(
            ROOT + ".aws..",
            ROOT + ".gcp..",
            ROOT + ".azure..",
            ROOT + ".java..",
            ROOT + ".passes..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT + ".frontend..")
        .check(classes);
  }

  @Test
  void backEndsAreIndependentOfEachOther() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".aws..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ROOT + ".gcp..", ROOT + ".azure..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".gcp..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ROOT + ".aws..", ROOT + ".azure..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".azure..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ROOT + ".aws..", ROOT + ".gcp..")
        .check(classes);
  }
}
