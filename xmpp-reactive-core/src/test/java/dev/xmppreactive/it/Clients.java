package dev.xmppreactive.it;

import dev.xmppreactive.client.XmppClient;
import dev.xmppreactive.client.XmppSession;
import dev.xmppreactive.sasl.SaslSettings;
import dev.xmppreactive.servers.TestUser;
import dev.xmppreactive.servers.XmppServer;
import dev.xmppreactive.tls.TlsProtocol;
import java.time.Duration;
import java.util.List;

/** Clients configured for a harness server: its address, its generated trust anchor. */
final class Clients {

  /** The bound on any one blocking step of a test (a login, a close, a round trip). */
  static final Duration T = Duration.ofSeconds(20);

  /** How a client reaches the server. */
  enum Transport {
    /** The STARTTLS port (RFC 6120 §5). */
    STARTTLS,
    /** The direct-TLS port (XEP-0368). */
    DIRECT_TLS
  }

  private Clients() {
  }

  /** A STARTTLS client for the user on the server. */
  static XmppClient starttls(XmppServer server, TestUser user) {
    return XmppClient.create()
        .credentials(user.jid(), user.password())
        .host(server.host())
        .port(server.starttlsPort())
        .trust(server.trustAnchorPem());
  }

  /** A direct-TLS (XEP-0368) client for the user on the server. */
  static XmppClient directTls(XmppServer server, TestUser user) {
    return starttls(server, user).port(server.directTlsPort()).directTls(true);
  }

  /** A client for the user on the server over that transport. */
  static XmppClient over(XmppServer server, TestUser user, Transport transport) {
    return transport == Transport.STARTTLS ? starttls(server, user) : directTls(server, user);
  }

  /** The same client, restricted to TLS 1.2 (where tls-unique exists, RFC 5929 §3). */
  static XmppClient tls12(XmppClient client) {
    return client.tls(t -> t.withProtocols(TlsProtocol.TLS_1_2));
  }

  /** The client, authenticating as the user with that one mechanism only. */
  static XmppClient onlyMechanism(XmppClient client, TestUser user, String mechanism) {
    return client.sasl(SaslSettings.password(user.local(), user.password())
        .withMechanisms(List.of(mechanism)));
  }

  /** Connects, within {@link #T}. */
  static XmppSession login(XmppClient client) {
    return client.connect().block(T);
  }

  /** Closes the sessions (those not null), each within {@link #T}. */
  static void closeAll(XmppSession... sessions) {
    RuntimeException first = null;
    for (XmppSession s : sessions) {
      if (s == null) {
        continue;
      }
      try {
        s.close().block(T);
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
