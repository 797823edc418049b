package dev.xmppreactive.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package tiers of DESIGN.md: a package imports only packages of its own tier or a lower one.
 *
 * <ol>
 *   <li>{@code jid}, {@code xml}: no Reactor, no Netty;</li>
 *   <li>{@code stream}, {@code stanza}, {@code codec};</li>
 *   <li>{@code sasl}, {@code tls};</li>
 *   <li>{@code client}, {@code router}, {@code sm}.</li>
 * </ol>
 *
 * <p>{@code stream} (stream headers, stream errors, the root of the typed errors) sits in tier 2 rather
 * than 3 because the codec's typed errors carry stream error conditions (RFC 6120 §4.9.3).
 */
@AnalyzeClasses(packages = "dev.xmppreactive", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageTiersTest {

  private static final String P = "dev.xmppreactive.";

  @ArchTest
  static final ArchRule tiers = layeredArchitecture()
      .consideringOnlyDependenciesInLayers()
      .withOptionalLayers(true)
      .layer("1 jid, xml").definedBy(P + "jid..", P + "xml..")
      .layer("2 stream, stanza, codec").definedBy(P + "stream..", P + "stanza..", P + "codec..")
      .layer("3 sasl, tls").definedBy(P + "sasl..", P + "tls..")
      .layer("4 client, router, sm").definedBy(P + "client..", P + "router..", P + "sm..")
      .whereLayer("4 client, router, sm").mayNotBeAccessedByAnyLayer()
      .whereLayer("3 sasl, tls").mayOnlyBeAccessedByLayers("4 client, router, sm")
      .whereLayer("2 stream, stanza, codec")
      .mayOnlyBeAccessedByLayers("3 sasl, tls", "4 client, router, sm")
      .whereLayer("1 jid, xml")
      .mayOnlyBeAccessedByLayers("2 stream, stanza, codec", "3 sasl, tls", "4 client, router, sm");

  @ArchTest
  static final ArchRule tierOneHasNoReactorOrNetty = noClasses()
      .that().resideInAnyPackage(P + "jid..", P + "xml..")
      .should().dependOnClassesThat().resideInAnyPackage("reactor..", "io.netty..");

  @ArchTest
  static final ArchRule packagesHaveNoCycles = slices().matching(P + "(*)..").should().beFreeOfCycles();

  /** No global mutable state: every static field is final (DESIGN.md, "No global state"). */
  @ArchTest
  static final ArchRule noMutableStatics = fields().that().areStatic().should().beFinal()
      .allowEmptyShould(true);
}
