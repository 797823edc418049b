package dev.xmppreactive.samples.cli;

import dev.xmppreactive.jid.Jid;
import picocli.CommandLine.ITypeConverter;

/** Reads a JID option (RFC 7622); picocli reports an invalid one as a usage error. */
final class JidConverter implements ITypeConverter<Jid> {

  @Override
  public Jid convert(String value) {
    return Jid.of(value);
  }
}
