package dev.xmppreactive.test;

import dev.xmppreactive.sasl.ScramHash;

/**
 * The SASL mechanisms the test server can offer (RFC 6120 §6). PLAIN is only ever offered on a
 * TLS-protected stream.
 */
public enum ServerMechanism {
  /** SCRAM-SHA-256, RFC 7677 (without channel binding). */
  SCRAM_SHA_256("SCRAM-SHA-256", ScramHash.SHA_256),
  /** SCRAM-SHA-1, RFC 5802 (without channel binding); off by default, for clients that lack SHA-256. */
  SCRAM_SHA_1("SCRAM-SHA-1", ScramHash.SHA_1),
  /** PLAIN, RFC 4616, over TLS only. */
  PLAIN("PLAIN", null);

  private final String mechanismName;
  private final ScramHash hash;

  ServerMechanism(String mechanismName, ScramHash hash) {
    this.mechanismName = mechanismName;
    this.hash = hash;
  }

  /** The name as offered in {@code <mechanism/>}. */
  public String mechanismName() {
    return mechanismName;
  }

  /** The SCRAM hash, or {@code null} for PLAIN. */
  ScramHash scramHash() {
    return hash;
  }
}
