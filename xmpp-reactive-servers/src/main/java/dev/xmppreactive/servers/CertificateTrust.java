package dev.xmppreactive.servers;

/**
 * Which certificate a server under test presents, relative to the trust anchor the harness gives
 * the client ({@link XmppServer#trustAnchorPem()}). The non-trusted modes exist so that a test can
 * check that the client refuses the connection (RFC 6120 §13.7.2, RFC 6125).
 */
public enum CertificateTrust {
  /** Issued by the trust anchor for the server's domain: a client must accept it. */
  TRUSTED,
  /** Issued for the server's domain by a second CA that is not the trust anchor. */
  UNTRUSTED_ISSUER,
  /** Issued by the trust anchor, but for another domain ({@code wrong-<domain>}). */
  WRONG_DOMAIN
}
