package dev.xmppreactive.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Iq;
import dev.xmppreactive.stanza.Message;
import dev.xmppreactive.stanza.Stanza;
import dev.xmppreactive.stanza.StanzaErrorCondition;
import dev.xmppreactive.stream.StreamEnd;
import dev.xmppreactive.stream.StreamError;
import dev.xmppreactive.stream.StreamErrorCondition;
import dev.xmppreactive.xml.XmlElement;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** XEP-0198 on the test server, exchanged as raw XML. */
class StreamManagementTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Jid BOB = Jid.of("bob@example.test/desk");

  private RunningServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private RunningServer start(XmppTestServer config) {
    server = config.user("alice", "secret").user("bob", "secret").start();
    return server;
  }

  private static XmlElement enable(boolean resume) {
    XmlElement.Builder b = XmlElement.builder("enable", SmElements.NS);
    if (resume) {
      b.attribute("resume", "true");
    }
    return b.build();
  }

  private static XmlElement ack(long h) {
    return SmElements.a(h);
  }

  private static Iq ping(String id) {
    return Iq.builder().type(Iq.Type.GET).id(id)
        .payload(XmlElement.empty("ping", ServerIq.PING_NS)).build();
  }

  private static XmlElement resume(String previd, long h) {
    return XmlElement.builder("resume", SmElements.NS).attribute("previd", previd)
        .attribute("h", Long.toString(h)).build();
  }

  /** Logs in as alice/phone and enables stream management; returns {@code <enabled/>}. */
  private static XmlElement loginManaged(RawClient raw, boolean resume) {
    raw.login("alice", "secret", "phone");
    raw.send(enable(resume));
    XmlElement enabled = raw.nextElement();
    assertThat(enabled.is("enabled", SmElements.NS)).as(enabled.toXml()).isTrue();
    return enabled;
  }

  private static void expectFailed(RawClient raw, StanzaErrorCondition condition) {
    XmlElement failed = raw.nextElement();
    assertThat(failed.is("failed", SmElements.NS)).as(failed.toXml()).isTrue();
    assertThat(failed.element(condition.elementName(), StanzaErrorCondition.NS)).isNotNull();
  }

  @Test
  void enablingBeforeBindingFailsAndBindingStillWorks() {
    start(XmppTestServer.create());
    try (RawClient raw = RawClient.connect(server)) {
      raw.authenticate("alice", "secret");
      raw.send(enable(true));
      expectFailed(raw, StanzaErrorCondition.UNEXPECTED_REQUEST);
      assertThat(raw.bind("phone")).isEqualTo(Jid.of("alice@example.test/phone"));
    }
  }

  @Test
  void enablingWithResumptionGivesAnIdAndTheMaximum() {
    start(XmppTestServer.create().resumptionTimeout(Duration.ofSeconds(90)));
    try (RawClient raw = RawClient.connect(server)) {
      XmlElement enabled = loginManaged(raw, true);
      assertThat(enabled.attribute("id")).isNotBlank();
      assertThat(enabled.attribute("resume")).isEqualTo("true");
      assertThat(enabled.attribute("max")).isEqualTo("90");
      TestSession s = server.session("alice").block(WAIT);
      assertThat(s.isStreamManaged()).isTrue();
      assertThat(s.isResumable()).isTrue();
    }
  }

  @Test
  void enablingWithoutResumptionGivesNoId() {
    start(XmppTestServer.create());
    try (RawClient raw = RawClient.connect(server)) {
      XmlElement enabled = loginManaged(raw, false);
      assertThat(enabled.attribute("id")).isNull();
      assertThat(server.session("alice").block(WAIT).isResumable()).isFalse();
    }
  }

  @Test
  void anAckRequestIsAnsweredWithTheCountOfStanzasHandled() {
    start(XmppTestServer.create().ackRequestThreshold(0));
    try (RawClient raw = RawClient.connect(server)) {
      loginManaged(raw, false);
      raw.send(Message.chat(Jid.of("bob@example.test"), "one"));
      raw.send(Message.chat(Jid.of("bob@example.test"), "two"));
      raw.send(SmElements.R);
      XmlElement a = raw.nextElement();
      assertThat(a.is("a", SmElements.NS)).as(a.toXml()).isTrue();
      assertThat(a.attribute("h")).isEqualTo("2");
    }
  }

  @Test
  void theServerRequestsAnAckOnceAStanzaIsUnacknowledged() {
    start(XmppTestServer.create());
    try (RawClient raw = RawClient.connect(server)) {
      loginManaged(raw, false);
      raw.send(ping("p1"));
      assertThat(raw.nextStanza().id()).isEqualTo("p1");
      assertThat(raw.nextElement().is("r", SmElements.NS)).isTrue();
      raw.send(ping("p2"));
      assertThat(raw.nextStanza().id()).isEqualTo("p2");
      // One request outstanding: no second <r/> until the client acknowledges.
      raw.send(ack(2));
      raw.send(ping("p3"));
      assertThat(raw.nextStanza().id()).isEqualTo("p3");
      assertThat(raw.nextElement().is("r", SmElements.NS)).isTrue();
    }
  }

  @Test
  void anAckHigherThanTheStanzasSentIsAStreamError() {
    start(XmppTestServer.create());
    try (RawClient raw = RawClient.connect(server)) {
      loginManaged(raw, false);
      raw.send(ping("p1"));
      raw.nextStanza();
      raw.nextElement(); // <r/>
      raw.send(ack(5));
      StreamError e = raw.expectStreamError(StreamErrorCondition.UNDEFINED_CONDITION);
      assertThat(e.application().is("handled-count-too-high", SmElements.NS)).isTrue();
      assertThat(e.application().attribute("h")).isEqualTo("5");
      assertThat(e.application().attribute("send-count")).isEqualTo("1");
    }
  }

  @Test
  void anAckWithoutAValidHIsInvalidXml() {
    start(XmppTestServer.create());
    try (RawClient raw = RawClient.connect(server)) {
      loginManaged(raw, false);
      raw.sendRaw("<a xmlns='urn:xmpp:sm:3' h='-1'/>");
      raw.expectStreamError(StreamErrorCondition.INVALID_XML);
    }
  }

  @Test
  void ackElementsBeforeEnablingAreStreamErrors() {
    start(XmppTestServer.create());
    try (RawClient raw = RawClient.connect(server)) {
      raw.login("alice", "secret", "phone");
      raw.send(SmElements.R);
      raw.expectStreamError(StreamErrorCondition.UNSUPPORTED_STANZA_TYPE);
    }
  }

  @Test
  void aSecondEnableIsAStreamError() {
    start(XmppTestServer.create());
    try (RawClient raw = RawClient.connect(server)) {
      loginManaged(raw, true);
      raw.send(enable(true));
      raw.expectStreamError(StreamErrorCondition.POLICY_VIOLATION);
    }
  }

  @Test
  void resumingAnUnknownSessionFailsAndBindingStillWorks() {
    start(XmppTestServer.create());
    try (RawClient raw = RawClient.connect(server)) {
      raw.authenticate("alice", "secret");
      raw.send(resume("no-such-session", 0));
      expectFailed(raw, StanzaErrorCondition.ITEM_NOT_FOUND);
      assertThat(raw.bind("phone")).isEqualTo(Jid.of("alice@example.test/phone"));
    }
  }

  @Test
  void anotherAccountCannotResumeTheSession() {
    start(XmppTestServer.create());
    try (RawClient alice = RawClient.connect(server); RawClient bob = RawClient.connect(server)) {
      String id = loginManaged(alice, true).attribute("id");
      bob.authenticate("bob", "secret");
      bob.send(resume(id, 0));
      expectFailed(bob, StanzaErrorCondition.ITEM_NOT_FOUND);
    }
  }

  @Test
  void resumingAfterALostConnectionResendsWhatWasNotAcknowledged() {
    start(XmppTestServer.create());
    String id;
    try (RawClient first = RawClient.connect(server)) {
      id = loginManaged(first, true).attribute("id");
      TestSession alice = server.session("alice").block(WAIT);
      alice.send(Message.builder().from(BOB).to(alice.jid()).type(Message.Type.CHAT)
          .body("one").build());
      alice.send(Message.builder().from(BOB).to(alice.jid()).type(Message.Type.CHAT)
          .body("two").build());
      assertThat(((Message) Stanza.fromElement(first.nextSkippingAckRequests())).body())
          .isEqualTo("one");
      assertThat(((Message) Stanza.fromElement(first.nextSkippingAckRequests())).body())
          .isEqualTo("two");
      first.send(ack(1)); // "two" arrived, but the client does not acknowledge it
      first.send(Message.chat(Jid.of("bob@example.test"), "handled by the server"));
      first.syncPoint();
      first.drop();
    }
    try (RawClient second = RawClient.connect(server)) {
      second.authenticate("alice", "secret");
      second.send(resume(id, 1));
      XmlElement resumed = second.nextElement();
      assertThat(resumed.is("resumed", SmElements.NS)).as(resumed.toXml()).isTrue();
      assertThat(resumed.attribute("previd")).isEqualTo(id);
      assertThat(resumed.attribute("h")).isEqualTo("2"); // the message and the ping
      Message again = (Message) Stanza.fromElement(second.nextSkippingAckRequests());
      assertThat(again.body()).isEqualTo("two");
      Iq pong = (Iq) Stanza.fromElement(second.nextSkippingAckRequests());
      assertThat(pong.type()).isEqualTo(Iq.Type.RESULT); // the answer to the sync ping, unacked
      TestSession alice = server.session("alice").block(WAIT);
      assertThat(alice.jid()).isEqualTo(Jid.of("alice@example.test/phone"));
      assertThat(alice.isConnected()).isTrue();
      alice.send(Message.builder().from(BOB).to(alice.jid()).body("three").build());
      assertThat(((Message) Stanza.fromElement(second.nextSkippingAckRequests())).body())
          .isEqualTo("three");
      second.syncPoint();
    }
  }

  @Test
  void resumingWhileTheOldStreamIsOpenEndsItWithConflict() {
    start(XmppTestServer.create());
    try (RawClient first = RawClient.connect(server); RawClient second = RawClient.connect(server)) {
      String id = loginManaged(first, true).attribute("id");
      second.authenticate("alice", "secret");
      second.send(resume(id, 0));
      assertThat(second.nextElement().is("resumed", SmElements.NS)).isTrue();
      first.expectStreamError(StreamErrorCondition.CONFLICT);
      second.syncPoint();
      assertThat(server.liveSessions()).hasSize(1);
    }
  }

  @Test
  void aSessionNotResumedInTimeEndsAndItsUnacknowledgedMessagesGoOffline() {
    start(XmppTestServer.create().resumptionTimeout(Duration.ofMillis(200)));
    String id;
    TestSession alice;
    try (RawClient first = RawClient.connect(server)) {
      id = loginManaged(first, true).attribute("id");
      alice = server.session("alice").block(WAIT);
      first.drop();
    }
    assertThat(alice.onEnd().block(WAIT)).isNull(); // ended once the timeout passed
    assertThat(alice.isEnded()).isTrue();
    assertThat(server.liveSessions()).isEmpty();
    try (RawClient second = RawClient.connect(server)) {
      second.authenticate("alice", "secret");
      second.send(resume(id, 0));
      expectFailed(second, StanzaErrorCondition.ITEM_NOT_FOUND);
    }
  }

  @Test
  void stanzasSentAfterTheConnectionIsLostAreSentOnResumption() {
    start(XmppTestServer.create());
    String id;
    TestSession alice;
    try (RawClient first = RawClient.connect(server)) {
      id = loginManaged(first, true).attribute("id");
      alice = server.session("alice").block(WAIT);
      first.drop();
    }
    // Whether or not the server has noticed the loss yet, the message waits unacknowledged.
    alice.send(Message.builder().from(BOB).to(alice.jid()).body("while away").build());
    try (RawClient second = RawClient.connect(server)) {
      second.authenticate("alice", "secret");
      second.send(resume(id, 0));
      assertThat(second.nextElement().is("resumed", SmElements.NS)).isTrue();
      Message m = (Message) Stanza.fromElement(second.nextSkippingAckRequests());
      assertThat(m.body()).isEqualTo("while away");
    }
  }

  @Test
  void unacknowledgedMessagesOfACleanlyClosedSessionGoOffline() {
    start(XmppTestServer.create().ackRequestThreshold(0));
    try (RawClient raw = RawClient.connect(server)) {
      loginManaged(raw, true);
      TestSession alice = server.session("alice").block(WAIT);
      alice.send(Message.builder().from(BOB).to(alice.jid().bare()).type(Message.Type.CHAT)
          .body("maybe lost").build());
      raw.nextStanza();
      raw.send(StreamEnd.INSTANCE); // without acknowledging it
      assertThat(raw.next()).isEqualTo(StreamEnd.INSTANCE);
      alice.onEnd().block(WAIT);
    }
    assertThat(server.offlineMessages("alice")).singleElement()
        .satisfies(m -> assertThat(m.body()).isEqualTo("maybe lost"))
        .satisfies(m -> assertThat(m.hasExtension("delay", "urn:xmpp:delay")).isTrue());
  }
}
