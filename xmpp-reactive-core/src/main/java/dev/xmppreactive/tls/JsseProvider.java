package dev.xmppreactive.tls;

/**
 * Which JSSE implementation runs the TLS connection.
 *
 * <p>Java 17's own JSSE exposes no keying material, so over it only {@code tls-server-end-point}
 * channel binding exists (RFC 5929 §4). BouncyCastle's JSSE also gives {@code tls-unique} on TLS 1.2
 * (see {@link TlsChannelBindings} for what it cannot give), which SCRAM-*-PLUS against Prosody needs.
 */
public enum JsseProvider {
  /** BouncyCastle's JSSE provider ({@code bctls}), the default. A private instance; never registered globally. */
  BOUNCY_CASTLE,
  /** The JDK's own JSSE provider (SunJSSE). */
  JDK
}
