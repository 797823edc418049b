package dev.xmppreactive.tls;

import java.util.Locale;
import java.util.Objects;

/**
 * The TLS versions the client may negotiate. RFC 7590 §1 makes RFC 7525 binding for XMPP, and RFC 7525
 * §3.1.1 forbids TLS 1.0 and 1.1; so this type has no constant for them and {@link #fromJsseName}
 * refuses their names.
 */
public enum TlsProtocol {
  /** TLS 1.3, RFC 8446. */
  TLS_1_3("TLSv1.3"),
  /** TLS 1.2, RFC 5246. */
  TLS_1_2("TLSv1.2");

  private final String jsseName;

  TlsProtocol(String jsseName) {
    this.jsseName = jsseName;
  }

  /** The JSSE name of the version, e.g. {@code TLSv1.3}. */
  public String jsseName() {
    return jsseName;
  }

  /**
   * The version with this JSSE name.
   *
   * @throws IllegalArgumentException for {@code TLSv1.1}, {@code TLSv1}, {@code SSLv3} and any other
   *                                  name: the client does not speak versions older than TLS 1.2
   */
  public static TlsProtocol fromJsseName(String name) {
    Objects.requireNonNull(name, "name");
    for (TlsProtocol p : values()) {
      if (p.jsseName.equalsIgnoreCase(name)) {
        return p;
      }
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.startsWith("ssl") || lower.equals("tlsv1") || lower.equals("tlsv1.0") || lower.equals("tlsv1.1")) {
      throw new IllegalArgumentException(name + " is refused: XMPP requires TLS 1.2 or newer (RFC 7590, RFC 7525 §3.1.1)");
    }
    throw new IllegalArgumentException("unknown TLS protocol version: " + name);
  }
}
