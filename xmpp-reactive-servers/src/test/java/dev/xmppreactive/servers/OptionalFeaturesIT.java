package dev.xmppreactive.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

/** MAM, MUC and in-band registration, which are off unless a test asks for them. */
class OptionalFeaturesIT {

  @EachServer
  void offAreMamMucAndRegistration(XmppServer server) throws IOException {
    TestUser user = server.newUser("plain");
    try (RawXmpp xmpp = RawXmpp.directTls(server, server.trustAnchor())) {
      assertThat(xmpp.openStream(server.domain())).doesNotContain("http://jabber.org/features/iq-register");
      login(xmpp, server, user);
      assertThat(discoInfo(xmpp, user.jid())).doesNotContain("urn:xmpp:mam:2");
      assertThat(discoItems(xmpp, server.domain())).doesNotContain("conference." + server.domain());
    }
  }

  @EachServer(mam = true, muc = true, registration = true)
  void onRequestMamMucAndRegistrationWork(XmppServer server) throws IOException {
    String local = "registered-" + System.nanoTime();
    try (RawXmpp xmpp = RawXmpp.directTls(server, server.trustAnchor())) {
      assertThat(xmpp.openStream(server.domain())).contains("http://jabber.org/features/iq-register");
      xmpp.send("<iq type='set' id='reg1'><query xmlns='jabber:iq:register'><username>" + local
          + "</username><password>secret-1</password></query></iq>");
      assertThat(xmpp.readUntilAny("</iq>", "/>")).as("an empty result").contains("type='result'").contains("id='reg1'");
    }
    TestUser user = new TestUser(local, server.domain(), "secret-1");
    try (RawXmpp xmpp = RawXmpp.directTls(server, server.trustAnchor())) {
      xmpp.openStream(server.domain());
      login(xmpp, server, user);
      assertThat(discoInfo(xmpp, user.jid())).contains("urn:xmpp:mam:2");
      assertThat(discoItems(xmpp, server.domain())).contains("conference." + server.domain());
      assertThat(discoInfo(xmpp, "conference." + server.domain()))
          .contains("http://jabber.org/protocol/muc");
    }
  }

  private static void login(RawXmpp xmpp, XmppServer server, TestUser user) throws IOException {
    assertThat(xmpp.authPlain(user.local(), user.password())).startsWith("<success");
    xmpp.openStream(server.domain());
    assertThat(xmpp.bind("features")).contains("type='result'");
  }

  private static String discoInfo(RawXmpp xmpp, String to) throws IOException {
    return query(xmpp, to, "http://jabber.org/protocol/disco#info");
  }

  private static String discoItems(RawXmpp xmpp, String to) throws IOException {
    return query(xmpp, to, "http://jabber.org/protocol/disco#items");
  }

  private static String query(RawXmpp xmpp, String to, String namespace) throws IOException {
    String id = "q" + System.nanoTime();
    xmpp.send("<iq type='get' id='" + id + "' to='" + to + "'><query xmlns='" + namespace + "'/></iq>");
    String received;
    do {
      received = xmpp.readUntil("</iq>");
    } while (!received.contains(id));
    return received;
  }
}
