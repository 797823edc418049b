package dev.xmppreactive.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Iq;
import dev.xmppreactive.stanza.Message;
import dev.xmppreactive.stanza.Stanza;
import dev.xmppreactive.stanza.StanzaErrorCondition;
import dev.xmppreactive.stream.StreamErrorCondition;
import dev.xmppreactive.stream.StreamHeader;
import dev.xmppreactive.xml.XmlElement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server's negotiation and its answers to bad input, seen byte for byte by a raw client. */
class RawStreamTest {

  private RunningServer server;
  private RawClient raw;

  @BeforeEach
  void start() {
    server = XmppTestServer.create().user("alice", "secret").user("bob", "secret").start();
    raw = RawClient.connect(server);
  }

  @AfterEach
  void stop() {
    raw.close();
    server.close();
  }

  @Test
  void beforeTlsOnlyRequiredStartTlsIsOffered() {
    XmlElement features = raw.open();
    assertThat(features.elements()).hasSize(1);
    XmlElement starttls = features.element("starttls", ConnectionHandler.TLS_NS);
    assertThat(starttls.element("required", ConnectionHandler.TLS_NS)).isNotNull();
  }

  @Test
  void afterTlsTheMechanismsAreOfferedAndAfterSaslBindingAndStreamManagement() {
    raw.open();
    XmlElement secured = raw.startTls();
    assertThat(secured.element("starttls", ConnectionHandler.TLS_NS)).isNull();
    assertThat(secured.element("mechanisms", ConnectionHandler.SASL_NS).elements())
        .extracting(XmlElement::text).containsExactly("SCRAM-SHA-256", "PLAIN");
    XmlElement success = raw.authPlain("alice", "secret");
    assertThat(success.is("success", ConnectionHandler.SASL_NS)).isTrue();
    XmlElement bound = raw.open();
    assertThat(bound.element("bind", ConnectionHandler.BIND_NS)).isNotNull();
    assertThat(bound.element("sm", SmElements.NS)).isNotNull();
    assertThat(bound.element("ver", "urn:xmpp:features:rosterver")).isNotNull();
    Jid jid = raw.bind("desk");
    assertThat(jid).isEqualTo(Jid.of("alice@example.test/desk"));
  }

  @Test
  void plaintextInjectedAfterStartTlsEndsTheConnection() {
    raw.close();
    raw = RawClient.connect(server, false); // reads on in plaintext: any answer would show
    raw.open();
    // <starttls/> and, in the same write, bytes that would be taken for the first ones over TLS.
    raw.sendRaw("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/><stream:stream"
        + " xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'"
        + " to='example.test' version='1.0'>");
    XmlElement proceed = raw.nextElement();
    assertThat(proceed.is("proceed", ConnectionHandler.TLS_NS)).isTrue();
    // The injected header is not answered: the connection just ends.
    raw.expectAbruptClose();
  }

  @Test
  void optionalTlsOffersScramButNotPlainInCleartext() {
    try (RunningServer optional = XmppTestServer.create().user("alice", "secret")
        .tls(TlsRequirement.OPTIONAL).start();
         RawClient client = RawClient.connect(optional)) {
      XmlElement features = client.open();
      XmlElement starttls = features.element("starttls", ConnectionHandler.TLS_NS);
      assertThat(starttls).isNotNull();
      assertThat(starttls.element("required", ConnectionHandler.TLS_NS)).isNull();
      assertThat(features.element("mechanisms", ConnectionHandler.SASL_NS).elements())
          .extracting(XmlElement::text).containsExactly("SCRAM-SHA-256");
      XmlElement failure = client.authPlain("alice", "secret");
      assertThat(failure.element("encryption-required", ConnectionHandler.SASL_NS)).isNotNull();
    }
  }

  @Test
  void theServerChoosesAResourceWhenAskedForNone() {
    Jid jid = raw.login("alice", "secret", null);
    assertThat(jid.bare()).isEqualTo(Jid.of("alice@example.test"));
    assertThat(jid.resourcepart()).isNotBlank();
  }

  @Test
  void anInvalidResourceIsABadRequest() {
    raw.authenticate("alice", "secret");
    raw.send(Iq.builder().type(Iq.Type.SET).id("b").payload(XmlElement.builder("bind",
        ConnectionHandler.BIND_NS).textElement("resource", ConnectionHandler.BIND_NS, "a\u0085b")
        .build()).build());
    Stanza reply = raw.nextStanza();
    assertThat(reply.error().condition()).isEqualTo(StanzaErrorCondition.BAD_REQUEST);
    assertThat(raw.bind("good")).isEqualTo(Jid.of("alice@example.test/good"));
  }

  @Test
  void xmlThatIsNotWellFormedIsAStreamError() {
    raw.open();
    raw.sendRaw("<message><body>unclosed</message>");
    raw.expectStreamError(StreamErrorCondition.NOT_WELL_FORMED);
  }

  @Test
  void restrictedXmlIsAStreamError() {
    raw.open();
    raw.sendRaw("<!-- a comment -->");
    raw.expectStreamError(StreamErrorCondition.RESTRICTED_XML);
  }

  @Test
  void garbageBeforeAnyHeaderGetsTheServersHeaderThenTheError() {
    raw.sendRaw("hello\n");
    assertThat(raw.next()).isInstanceOf(StreamHeader.class);
    raw.expectStreamError(StreamErrorCondition.NOT_WELL_FORMED);
  }

  @Test
  void aWrongContentNamespaceIsInvalidNamespace() {
    raw.send(new StreamHeader(null, "example.test", null, "1.0", null,
        Map.of("", "jabber:server", "stream", StreamHeader.STREAM_NS)));
    assertThat(raw.next()).isInstanceOf(StreamHeader.class);
    raw.expectStreamError(StreamErrorCondition.INVALID_NAMESPACE);
  }

  @Test
  void anotherDomainIsHostUnknown() {
    raw.send(StreamHeader.client("elsewhere.test", null, null));
    assertThat(raw.next()).isInstanceOf(StreamHeader.class);
    raw.expectStreamError(StreamErrorCondition.HOST_UNKNOWN);
  }

  @Test
  void aStreamWithoutVersionIsUnsupportedVersion() {
    raw.send(new StreamHeader(null, "example.test", null, null, null,
        Map.of("", "jabber:client", "stream", StreamHeader.STREAM_NS)));
    assertThat(raw.next()).isInstanceOf(StreamHeader.class);
    raw.expectStreamError(StreamErrorCondition.UNSUPPORTED_VERSION);
  }

  @Test
  void aStanzaBeforeAuthenticationIsNotAuthorized() {
    raw.open();
    raw.send(Message.chat(Jid.of("bob@example.test"), "too early"));
    raw.expectStreamError(StreamErrorCondition.NOT_AUTHORIZED);
  }

  @Test
  void afterAStreamErrorTheServerClosesEvenIfTheClientNeverEndsItsStream() {
    raw.open();
    raw.send(Message.chat(Jid.of("bob@example.test"), "too early"));
    raw.expectStreamError(StreamErrorCondition.NOT_AUTHORIZED, false);
  }

  @Test
  void saslBeforeRequiredTlsIsRefusedWithEncryptionRequired() {
    raw.open();
    XmlElement failure = raw.authPlain("alice", "secret");
    assertThat(failure.is("failure", ConnectionHandler.SASL_NS)).isTrue();
    assertThat(failure.element("encryption-required", ConnectionHandler.SASL_NS)).isNotNull();
  }

  @Test
  void threeFailedAuthenticationsArePolicyViolation() {
    raw.open();
    raw.startTls();
    for (int i = 0; i < 2; i++) {
      XmlElement failure = raw.authPlain("alice", "wrong");
      assertThat(failure.element("not-authorized", ConnectionHandler.SASL_NS)).isNotNull();
    }
    XmlElement last = raw.authPlain("alice", "wrong");
    assertThat(last.element("not-authorized", ConnectionHandler.SASL_NS)).isNotNull();
    raw.expectStreamError(StreamErrorCondition.POLICY_VIOLATION);
  }

  @Test
  void anUnknownMechanismIsInvalidMechanism() {
    raw.open();
    raw.startTls();
    raw.send(XmlElement.builder("auth", ConnectionHandler.SASL_NS)
        .attribute("mechanism", "DIGEST-MD5").build());
    XmlElement failure = raw.nextElement();
    assertThat(failure.element("invalid-mechanism", ConnectionHandler.SASL_NS)).isNotNull();
  }

  @Test
  void badBase64IsIncorrectEncoding() {
    raw.open();
    raw.startTls();
    raw.send(XmlElement.builder("auth", ConnectionHandler.SASL_NS)
        .attribute("mechanism", "PLAIN").text("*not base64*").build());
    XmlElement failure = raw.nextElement();
    assertThat(failure.element("incorrect-encoding", ConnectionHandler.SASL_NS)).isNotNull();
  }

  @Test
  void aStanzaBeforeBindingIsNotAuthorized() {
    raw.authenticate("alice", "secret");
    raw.send(Message.chat(Jid.of("bob@example.test"), "not bound yet"));
    raw.expectStreamError(StreamErrorCondition.NOT_AUTHORIZED);
  }

  @Test
  void anUnknownTopLevelElementIsUnsupportedStanzaType() {
    raw.login("alice", "secret", "r");
    raw.send(XmlElement.empty("frobnicate", "urn:example:unknown"));
    raw.expectStreamError(StreamErrorCondition.UNSUPPORTED_STANZA_TYPE);
  }

  @Test
  void anInvalidStanzaGetsAStanzaErrorAndTheStreamGoesOn() {
    raw.login("alice", "secret", "r");
    raw.sendRaw("<iq type='get' id='no-child'/>");
    Stanza reply = raw.nextStanza();
    assertThat(reply.id()).isEqualTo("no-child");
    assertThat(reply.error().condition()).isEqualTo(StanzaErrorCondition.BAD_REQUEST);
    raw.syncPoint();
  }

  @Test
  void theServerStampsFromAndAnswersPingsAndDisco() {
    raw.login("alice", "secret", "r");
    raw.send(Iq.get(Jid.of("example.test"), XmlElement.empty("query", ServerIq.DISCO_INFO))
        .withId("d1"));
    Iq info = (Iq) raw.nextStanza();
    assertThat(info.type()).isEqualTo(Iq.Type.RESULT);
    assertThat(info.from()).isEqualTo(Jid.of("example.test"));
    assertThat(info.to()).isEqualTo(Jid.of("alice@example.test/r"));
    assertThat(info.payload().element("identity", ServerIq.DISCO_INFO).attribute("category"))
        .isEqualTo("server");
    raw.send(Iq.get(Jid.of("bob@example.test"), XmlElement.empty("query", ServerIq.DISCO_INFO))
        .withId("d2"));
    Iq account = (Iq) raw.nextStanza();
    assertThat(account.payload().element("identity", ServerIq.DISCO_INFO).attribute("category"))
        .isEqualTo("account");
    raw.syncPoint();
  }

  @Test
  void routingErrorsFollowRfc6121() {
    raw.login("alice", "secret", "r");
    raw.send(Message.chat(Jid.of("someone@elsewhere.test"), "remote").withId("m1"));
    assertThat(raw.nextStanza().error().condition())
        .isEqualTo(StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND);
    raw.send(Iq.get(Jid.of("nobody@example.test/x"), XmlElement.empty("ping", ServerIq.PING_NS))
        .withId("i1"));
    assertThat(raw.nextStanza().error().condition())
        .isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE);
    raw.send(Iq.get(Jid.of("bob@example.test/offline"), XmlElement.empty("ping", ServerIq.PING_NS))
        .withId("i2"));
    Stanza error = raw.nextStanza();
    assertThat(error.id()).isEqualTo("i2");
    assertThat(error.error().condition()).isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE);
    raw.send(Message.builder().type(Message.Type.GROUPCHAT).to("bob@example.test").body("x")
        .id("g1").build());
    assertThat(raw.nextStanza().error().condition())
        .isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE);
  }

  @Test
  void theClientsEndOfStreamIsAnsweredAndTheConnectionCloses() {
    raw.login("alice", "secret", "r");
    raw.send(dev.xmppreactive.stream.StreamEnd.INSTANCE);
    assertThat(raw.next()).isEqualTo(dev.xmppreactive.stream.StreamEnd.INSTANCE);
    assertThat(raw.closed()).isTrue();
    assertThat(server.liveSessions()).isEmpty();
  }
}
