package dev.xmppreactive.samples.cli;

import picocli.CommandLine.IVersionProvider;

/** The version {@code --version} prints: the jar's, from its manifest. */
final class SamplesVersion implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String v = SamplesVersion.class.getPackage().getImplementationVersion();
    return new String[] {"xmpp-reactive samples " + (v == null ? "(development build)" : v)};
  }
}
