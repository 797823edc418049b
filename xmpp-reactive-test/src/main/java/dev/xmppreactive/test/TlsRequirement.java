package dev.xmppreactive.test;

/**
 * Whether the test server offers and requires STARTTLS (RFC 6120 §5).
 */
public enum TlsRequirement {
  /**
   * STARTTLS is offered as mandatory-to-negotiate ({@code <required/>}, RFC 6120 §5.3.1): before it,
   * only {@code <starttls/>} is offered, and SASL is refused with {@code encryption-required}. The
   * default, as on any server worth testing against.
   */
  REQUIRED,
  /** STARTTLS is offered as voluntary; SASL mechanisms other than PLAIN work without it. */
  OPTIONAL,
  /** STARTTLS is never offered (a client whose policy requires TLS must refuse such a server). */
  DISABLED
}
