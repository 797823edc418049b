package dev.xmppreactive.test;

import static dev.xmppreactive.test.XmppSteps.expectMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xmppreactive.client.XmppSession;
import dev.xmppreactive.sasl.SaslException;
import dev.xmppreactive.stanza.Message;
import dev.xmppreactive.stream.StreamErrorException;
import dev.xmppreactive.tls.TlsException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.test.StepVerifier;
import reactor.util.retry.Retry;

/** Our client against the test server: login, TLS, SASL mechanisms, binding, messages, accounts. */
class XmppTestServerTest {

  private static final Logger log = LoggerFactory.getLogger(XmppTestServerTest.class);
  static final Duration WAIT = Duration.ofSeconds(10);

  private RunningServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private RunningServer start(XmppTestServer config) {
    server = config.start();
    return server;
  }

  private static XmppTestServer twoUsers() {
    return XmppTestServer.create().user("alice", "alice-secret").user("bob", "bob-secret");
  }

  /**
   * The client's session ended with the stream error the server sent. The conditions on the wire
   * are checked by the raw tests (RawStreamTest, RawSessionEndTest).
   */
  static void endedByTheServer(Throwable e) {
    assertThat(e).isInstanceOf(StreamErrorException.class);
  }

  @Test
  void startsOnAFreePortWithItsOwnCertificate() {
    RunningServer s = start(twoUsers());
    log.info("the test server started in {} ms (certificate included)", s.startupTime().toMillis());
    assertThat(s.port()).isPositive();
    assertThat(s.domain()).isEqualTo("example.test");
    assertThat(s.trustAnchorPem()).startsWith("-----BEGIN CERTIFICATE-----");
    assertThat(s.certificate().certificate().getIssuerX500Principal())
        .isEqualTo(s.certificate().trustAnchor().getSubjectX500Principal());
    assertThat(s.users()).containsExactly("alice", "bob");
  }

  @Test
  void ourClientLogsInOverStartTlsWithScramSha256() {
    RunningServer s = start(twoUsers());
    XmppSession alice = s.clientFor("alice").connect().block(WAIT);
    assertThat(alice.jid().bare()).isEqualTo(s.jid("alice"));
    assertThat(alice.jid().resourcepart()).isNotEmpty();
    TestSession onServer = s.session(alice.jid()).block(WAIT);
    assertThat(onServer.mechanism()).isEqualTo("SCRAM-SHA-256");
    assertThat(alice.features().streamManagement()).isTrue();
    alice.close().block(WAIT);
    StepVerifier.create(onServer.onEnd()).expectComplete().verify(WAIT);
  }

  @Test
  void ourClientLogsInWithPlainWhenTheServerOffersOnlyPlain() {
    RunningServer s = start(twoUsers().mechanisms(ServerMechanism.PLAIN));
    XmppSession alice = s.clientFor("alice").connect().block(WAIT);
    assertThat(s.session("alice").block(WAIT).mechanism()).isEqualTo("PLAIN");
    alice.close().block(WAIT);
  }

  @Test
  void ourClientLogsInWithScramSha1WhenOffered() {
    RunningServer s = start(twoUsers().mechanisms(ServerMechanism.SCRAM_SHA_1));
    XmppSession alice = s.clientFor("alice").connect().block(WAIT);
    assertThat(s.session("alice").block(WAIT).mechanism()).isEqualTo("SCRAM-SHA-1");
    alice.close().block(WAIT);
  }

  @Test
  void ourClientsExchangeMessagesThroughTheServer() {
    RunningServer s = start(twoUsers());
    XmppSession alice = s.clientFor("alice").connect().block(WAIT);
    XmppSession bob = s.clientFor("bob").connect().block(WAIT);
    StepVerifier.create(bob.messages())
        .then(() -> alice.send(Message.chat(bob.jid(), "hello bob")).subscribe())
        .assertNext(expectMessage(alice.jid(), "hello bob").to(bob.jid()))
        .then(() -> alice.send(Message.chat(s.jid("bob"), "to your bare JID")).subscribe())
        .assertNext(expectMessage(s.jid("alice"), "to your bare JID").to(s.jid("bob")))
        .thenCancel()
        .verify(WAIT);
    StepVerifier.create(alice.messages())
        .then(() -> bob.send(Message.chat(alice.jid(), "hi alice")).subscribe())
        .assertNext(expectMessage(bob.jid(), "hi alice"))
        .thenCancel()
        .verify(WAIT);
  }

  @Test
  void theServerRecordsWhatEachSessionSent() {
    RunningServer s = start(twoUsers());
    XmppSession alice = s.clientFor("alice").connect().block(WAIT);
    TestSession onServer = s.session("alice").block(WAIT);
    alice.send(Message.chat(s.jid("bob"), "one")).block(WAIT);
    alice.send(Message.chat(s.jid("bob"), "two")).block(WAIT);
    StepVerifier.create(onServer.received().ofType(Message.class))
        .assertNext(XmppSteps.message().from(alice.jid()).body("one"))
        .assertNext(XmppSteps.message().from(alice.jid()).body("two"))
        .thenCancel()
        .verify(WAIT);
  }

  @Test
  void aWrongPasswordFailsAuthentication() {
    RunningServer s = start(twoUsers());
    StepVerifier.create(s.clientFor("alice").credentials("alice@example.test", "wrong").connect())
        .expectError(SaslException.class)
        .verify(WAIT);
    StepVerifier.create(s.clientFor("alice").credentials("nobody@example.test", "x").connect())
        .expectError(SaslException.class)
        .verify(WAIT);
  }

  @Test
  void aClientThatRequiresTlsRefusesAServerWithoutIt() {
    RunningServer s = start(twoUsers().tls(TlsRequirement.DISABLED));
    StepVerifier.create(s.clientFor("alice")
            .tls(t -> t.withPolicy(dev.xmppreactive.tls.TlsPolicy.REQUIRED)).connect())
        .expectError(TlsException.class)
        .verify(WAIT);
    XmppSession cleartext = s.clientFor("alice").connect().block(WAIT);
    assertThat(s.session("alice").block(WAIT).mechanism()).isEqualTo("SCRAM-SHA-256");
    cleartext.close().block(WAIT);
  }

  @Test
  void aClientThatDoesNotTrustTheCertificateFails() {
    RunningServer s = start(twoUsers());
    StepVerifier.create(s.clientFor("alice")
            .tls(t -> t.withTrust(TestCertificate.generate("example.test").trust())).connect())
        .expectError(TlsException.class)
        .verify(WAIT);
  }

  @Test
  void bindingAResourceInUseReplacesTheOlderSessionWithConflict() {
    RunningServer s = start(twoUsers());
    XmppSession first = s.clientFor("alice", "phone").connect().block(WAIT);
    assertThat(first.jid().resourcepart()).isEqualTo("phone");
    StepVerifier.create(first.receive())
        .then(() -> s.clientFor("alice", "phone").connect().subscribe())
        .thenConsumeWhile(stanza -> true) // its own presence, reflected
        .expectErrorSatisfies(XmppTestServerTest::endedByTheServer)
        .verify(WAIT);
    TestSession second = s.session(s.jid("alice").withResource("phone")).block(WAIT);
    assertThat(second.isEnded()).isFalse();
    assertThat(s.liveSessions()).containsExactly(second);
  }

  @Test
  void accountsChangeAtRunTime() {
    RunningServer s = start(twoUsers());
    s.addUser("carol", "carol-secret");
    assertThat(s.users()).containsExactly("alice", "bob", "carol");
    XmppSession carol = s.clientFor("carol").connect().block(WAIT);
    StepVerifier.create(carol.receive())
        .then(() -> assertThat(s.removeUser("carol")).isTrue())
        .thenConsumeWhile(stanza -> true)
        .expectErrorSatisfies(XmppTestServerTest::endedByTheServer)
        .verify(WAIT);
    assertThat(s.removeUser("carol")).isFalse();
    assertThatThrownBy(() -> s.clientFor("carol")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void closingTheServerEndsSessionsWithSystemShutdown() {
    RunningServer s = start(twoUsers());
    // system-shutdown is worth a reconnection by default; this test is about the stream error
    XmppSession alice = s.clientFor("alice").reconnect(Retry.max(0)).connect().block(WAIT);
    StepVerifier.create(alice.receive())
        .then(s::close)
        .thenConsumeWhile(stanza -> true)
        .expectErrorSatisfies(XmppTestServerTest::endedByTheServer)
        .verify(WAIT);
    server = null;
  }
}
