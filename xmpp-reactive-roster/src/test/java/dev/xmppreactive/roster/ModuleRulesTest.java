package dev.xmppreactive.roster;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The roster is a feature module (tier 5 of DESIGN.md): it works over the session's public API,
 * never the transport or the codec, and keeps no global state.
 */
@AnalyzeClasses(packages = "dev.xmppreactive.roster", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleRulesTest {

  @ArchTest
  static final ArchRule noTransport = noClasses()
      .that().resideInAPackage("dev.xmppreactive.roster..")
      .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "reactor.netty..",
          "dev.xmppreactive.sasl..", "dev.xmppreactive.tls..", "dev.xmppreactive.sm..");

  @ArchTest
  static final ArchRule noGlobalState = fields()
      .that().areDeclaredInClassesThat().resideInAPackage("dev.xmppreactive.roster..")
      .and().areStatic()
      .should().beFinal();
}
