package dev.xmppreactive.sasl;

import java.util.Objects;
import java.util.Optional;

/**
 * A member of the SCRAM family: a hash, with or without channel binding (-PLUS), RFC 5802 §4.
 *
 * @param hash the hash function
 * @param plus whether this is the -PLUS variant, which binds the exchange to the TLS channel
 */
public record ScramMechanism(ScramHash hash, boolean plus) {

  /** Checks the hash. */
  public ScramMechanism {
    Objects.requireNonNull(hash, "hash");
  }

  /** The mechanism name, such as {@code SCRAM-SHA-256-PLUS}. */
  public String name() {
    return "SCRAM-" + hash.scramName() + (plus ? "-PLUS" : "");
  }

  /** The SCRAM mechanism of that name, if it is one of SHA-1, SHA-256 or SHA-512. */
  public static Optional<ScramMechanism> forName(String name) {
    for (ScramHash h : ScramHash.values()) {
      for (boolean p : new boolean[] {false, true}) {
        ScramMechanism m = new ScramMechanism(h, p);
        if (m.name().equals(name)) {
          return Optional.of(m);
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return name();
  }
}
