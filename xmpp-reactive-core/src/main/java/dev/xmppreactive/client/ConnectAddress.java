package dev.xmppreactive.client;

import java.util.Objects;

/**
 * Where to open a TCP connection to an XMPP server.
 *
 * @param host      host name or IP address
 * @param port      TCP port
 * @param directTls whether TLS starts at once (XEP-0368) rather than with STARTTLS (RFC 6120 §5)
 */
public record ConnectAddress(String host, int port, boolean directTls) {

  public ConnectAddress {
    Objects.requireNonNull(host, "host");
    if (port < 1 || port > 0xFFFF) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  @Override
  public String toString() {
    return host + ":" + port + (directTls ? " (direct TLS)" : "");
  }
}
