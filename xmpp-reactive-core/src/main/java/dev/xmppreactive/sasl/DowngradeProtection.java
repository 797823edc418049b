package dev.xmppreactive.sasl;

/**
 * What came of XEP-0474 (SASL SCRAM Downgrade Protection) in an exchange.
 */
public enum DowngradeProtection {
  /** The server's {@code h=} hash matched the mechanisms and channel-binding types it offered. */
  VERIFIED,
  /** The server sent no downgrade-protection attribute. */
  NOT_OFFERED,
  /**
   * The server sent a {@code d=} attribute of a draft before XEP-0474 0.4.0 (its meaning changed
   * between drafts: a flag in 0.1/0.2, a hash with other separators in 0.3); it was not checked.
   */
  LEGACY_UNVERIFIED,
  /** The mechanism is not SCRAM, so there is nothing to check. */
  NOT_APPLICABLE
}
