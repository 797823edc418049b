package dev.xmppreactive.tls;

import java.util.Optional;

/** How TLS starts on a connection. */
public enum TlsMode {
  /**
   * STARTTLS, RFC 6120 §5: the stream starts in cleartext and TLS begins after {@code <proceed/>}.
   * SRV service {@code xmpp-client}; no ALPN.
   */
  STARTTLS("xmpp-client", null),
  /**
   * Direct TLS, XEP-0368: TLS from the first byte. SRV service {@code xmpps-client}; ALPN
   * {@code xmpp-client} (XEP-0368 §3).
   */
  DIRECT_TLS("xmpps-client", "xmpp-client");

  private final String srvService;
  private final String alpnProtocol;

  TlsMode(String srvService, String alpnProtocol) {
    this.srvService = srvService;
    this.alpnProtocol = alpnProtocol;
  }

  /** The DNS SRV service name without the leading underscore, e.g. {@code xmpps-client}. */
  public String srvService() {
    return srvService;
  }

  /** The ALPN protocol the client offers in this mode (XEP-0368), or empty for STARTTLS. */
  public Optional<String> alpnProtocol() {
    return Optional.ofNullable(alpnProtocol);
  }
}
