package org.downline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The engines are plain Java: no framework, database, CSV or web import may creep into them; and no
 * two packages depend on each other, so each adapter can be read (and changed) on its own.
 */
class ArchitectureTest {
  static final String[] ENGINES = {
    "org.downline.core..", "org.downline.network..", "org.downline.commission..",
    "org.downline.nextstep..", "org.downline.generate..", "org.downline.disclosure..", "org.downline.strategy..", "org.downline.payout..", "org.downline.prospect.."
  };

  static final JavaClasses CLASSES =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.downline");

  @Test
  void enginesUseOnlyTheJdkAndEachOther() {
    noClasses().that().resideInAnyPackage(ENGINES)
        .should().dependOnClassesThat().resideOutsideOfPackages(
            "java..", "org.downline.core..", "org.downline.network..", "org.downline.commission..",
            "org.downline.nextstep..", "org.downline.generate..", "org.downline.disclosure..", "org.downline.strategy..", "org.downline.payout..", "org.downline.prospect..")
        .because("the engines must stay plain Java on primitive arrays; storage, web and CLI are adapters")
        .check(CLASSES);
  }

  @Test
  void enginesDoNotUseJdbc() {
    noClasses().that().resideInAnyPackage(ENGINES)
        .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
        .check(CLASSES);
  }

  @Test
  void enginesDoNotReachIntoAdapters() {
    noClasses().that().resideInAnyPackage(ENGINES)
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.downline.cli..", "org.downline.store..", "org.downline.web..", "org.downline.csv..")
        .check(CLASSES);
  }

  @Test
  void storeKeepsToPersistence() {
    noClasses().that().resideInAPackage("org.downline.store..")
        .should().dependOnClassesThat().resideInAnyPackage("org.downline.app..", "org.downline.cli..", "org.downline.web..",
            "org.downline.csv..")
        .because("the store holds SQL and row mapping only; reading files and checking them are the use cases' (ADR 9)")
        .check(CLASSES);
  }

  @Test
  void applicationLayerDoesNotKnowItsAdapters() {
    noClasses().that().resideInAPackage("org.downline.app..")
        .should().dependOnClassesThat().resideInAnyPackage("org.downline.cli..", "org.downline.web..")
        .because("the command line and the web both call the application layer, never the other way (ADR 9)")
        .check(CLASSES);
  }

  /** Every package, adapters included, and each web subpackage as its own slice: no cycles (ADR 10). */
  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("org.downline.(**)").should().beFreeOfCycles()
        .because("a package that depends on another must not be depended on by it; shared pieces move down")
        .check(CLASSES);
  }
}
