package dev.xmppreactive.tls;

import java.util.List;
import java.util.Objects;

/**
 * The identity a client expects the server to prove, built from the XMPP domain only (RFC 6125 §6.2.1;
 * RFC 6120 §13.7.2.1: the domain of the initial stream header's {@code to}). Never from a host name that
 * DNS returned: an SRV target is not secured and so is not a reference identifier.
 *
 * <p>Its identifiers: the DNS-ID and XmppAddr {@code domain}; the SRV-ID {@code _xmpp-client.domain}
 * (RFC 6120 §13.7.1.2.1) and, for direct TLS, also {@code _xmpps-client.domain} (XEP-0368 §3, which
 * asks for the same validation as STARTTLS, so both are accepted there); and, as a last resort, a CN-ID
 * (RFC 6125 §6.4.4).
 */
public final class ReferenceIdentity {

  private final String domain;
  private final String asciiDomain;
  private final TlsMode mode;

  private ReferenceIdentity(String domain, String asciiDomain, TlsMode mode) {
    this.domain = domain;
    this.asciiDomain = asciiDomain;
    this.mode = mode;
  }

  /**
   * The reference identity for an XMPP domain reached in a mode.
   *
   * @param xmppDomain the domain, in U-label or A-label form
   * @throws IllegalArgumentException if it is not a usable domain name (empty or over-long labels, or
   *                                  characters of a JID's local or resource part, or a wildcard)
   */
  public static ReferenceIdentity of(String xmppDomain, TlsMode mode) {
    Objects.requireNonNull(xmppDomain, "xmppDomain");
    Objects.requireNonNull(mode, "mode");
    if (xmppDomain.indexOf('@') >= 0 || xmppDomain.indexOf('/') >= 0 || xmppDomain.indexOf('*') >= 0
        || xmppDomain.chars().anyMatch(c -> c <= 0x20)) {
      throw new IllegalArgumentException("not an XMPP domain: " + xmppDomain);
    }
    String ascii = DomainNames.toAsciiOrNull(xmppDomain);
    if (ascii == null) {
      throw new IllegalArgumentException("not a valid domain name: " + xmppDomain);
    }
    return new ReferenceIdentity(xmppDomain, ascii, mode);
  }

  /** The domain as given. */
  public String domain() {
    return domain;
  }

  /** The domain in ASCII (A-label, lower-case) form; also what SNI carries (XEP-0368 §3). */
  public String asciiDomain() {
    return asciiDomain;
  }

  /** The mode, which decides the SRV-ID services. */
  public TlsMode mode() {
    return mode;
  }

  /** The SRV services accepted in an SRV-ID, without underscore. */
  public List<String> srvServices() {
    return mode == TlsMode.DIRECT_TLS ? List.of(TlsMode.DIRECT_TLS.srvService(), TlsMode.STARTTLS.srvService())
        : List.of(TlsMode.STARTTLS.srvService());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReferenceIdentity r && r.asciiDomain.equals(asciiDomain) && r.mode == mode;
  }

  @Override
  public int hashCode() {
    return asciiDomain.hashCode() * 31 + mode.hashCode();
  }

  @Override
  public String toString() {
    return "ReferenceIdentity[" + asciiDomain + ", " + mode + "]";
  }
}
