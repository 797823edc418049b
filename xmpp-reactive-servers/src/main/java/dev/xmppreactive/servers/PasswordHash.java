package dev.xmppreactive.servers;

/**
 * The hash Prosody's {@code internal_hashed} accounts store their SCRAM keys for (its
 * {@code password_hash} option). It decides which SCRAM mechanism Prosody offers (RFC 5802, RFC 7677):
 * an account keeps keys for one hash only.
 */
public enum PasswordHash {
  /** Offers SCRAM-SHA-1 (and SCRAM-SHA-1-PLUS on TLS 1.2) and PLAIN. */
  SHA_1("SHA-1"),
  /** Offers SCRAM-SHA-256 (and SCRAM-SHA-256-PLUS on TLS 1.2) and PLAIN. */
  SHA_256("SHA-256");

  private final String prosodyName;

  PasswordHash(String prosodyName) {
    this.prosodyName = prosodyName;
  }

  /** The value of Prosody's {@code password_hash} option. */
  public String prosodyName() {
    return prosodyName;
  }

  /** The SCRAM mechanism name this hash yields, e.g. {@code SCRAM-SHA-256}. */
  public String scramMechanism() {
    return "SCRAM-" + prosodyName;
  }
}
