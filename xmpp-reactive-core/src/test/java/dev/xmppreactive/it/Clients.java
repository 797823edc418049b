package dev.xmppreactive.it;

import dev.xmppreactive.client.XmppClient;
import dev.xmppreactive.servers.TestUser;
import dev.xmppreactive.servers.XmppServer;

/** Clients configured for a harness server: its address, its generated trust anchor. */
final class Clients {

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
}
