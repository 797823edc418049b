package dev.xmppreactive.tls;

/**
 * Whether the client may go on without TLS. The default, {@link #REQUIRED}, never lets a stream go on in
 * cleartext. The other two exist for development against servers without certificates and must be
 * chosen explicitly; even then SASL PLAIN is never sent over a cleartext stream (the SASL layer refuses
 * it whatever this policy says).
 */
public enum TlsPolicy {
  /**
   * TLS is required (the default): STARTTLS must be offered and succeed, or the connection is direct
   * TLS; otherwise the connection fails with {@link TlsException.Reason#STARTTLS_REQUIRED_NOT_OFFERED}
   * or {@link TlsException.Reason#STARTTLS_REFUSED}.
   */
  REQUIRED,
  /**
   * INSECURE: use STARTTLS when the server offers it, go on in cleartext when it does not. An attacker
   * on the path can strip the offer (RFC 7590 §3.1); for development only.
   */
  INSECURE_OPPORTUNISTIC,
  /** INSECURE: never negotiate TLS. For local tests against a cleartext server only. */
  INSECURE_DISABLED;

  /** Whether this policy lets a stream go on without TLS. */
  public boolean permitsCleartext() {
    return this != REQUIRED;
  }
}
