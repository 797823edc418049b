package dev.xmppreactive.test;

import static dev.xmppreactive.test.XmppSteps.expectMessage;
import static dev.xmppreactive.test.XmppSteps.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.client.XmppSession;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Iq;
import dev.xmppreactive.stanza.Message;
import dev.xmppreactive.stanza.Stanza;
import dev.xmppreactive.stream.StreamError;
import dev.xmppreactive.stream.StreamErrorCondition;
import dev.xmppreactive.stream.XmppException;
import dev.xmppreactive.xml.XmlElement;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.xmppreactive.client.SessionEvent;
import reactor.test.StepVerifier;
import reactor.util.retry.Retry;

/** Scripting the server side and injecting faults, seen from our client. */
class FaultInjectionTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Jid SERVICE = Jid.of("example.test");

  private RunningServer server;
  private XmppSession alice;
  private XmppSession bob;
  private TestSession aliceOnServer;

  @BeforeEach
  void start() {
    server = XmppTestServer.create().user("alice", "secret").user("bob", "secret").start();
    // These tests are about how a session ends, so alice does not reconnect; the last test shows
    // what the library's default client does instead.
    alice = server.clientFor("alice").reconnect(Retry.max(0)).connect().block(WAIT);
    bob = server.clientFor("bob").connect().block(WAIT);
    aliceOnServer = server.session(alice.jid()).block(WAIT);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static Message from(Jid from, Jid to, String body) {
    return Message.builder().from(from).to(to).type(Message.Type.CHAT).body(body).build();
  }

  @Test
  void aTestExpectsWhatTheClientSent() {
    alice.send(Message.chat(bob.jid(), "hello")).subscribe();
    StepVerifier.create(aliceOnServer.received().filter(message()))
        .assertNext(expectMessage(alice.jid(), "hello").to(bob.jid()))
        .thenCancel()
        .verify(WAIT);
  }

  @Test
  void anInterceptorDropsAStanza() {
    aliceOnServer.intercept((session, stanza) -> stanza instanceof Message m
        && "lost".equals(m.body()) ? Intercept.drop() : Intercept.pass());
    StepVerifier.create(bob.messages())
        .then(() -> alice.send(Message.chat(bob.jid(), "lost"))
            .then(alice.send(Message.chat(bob.jid(), "kept"))).subscribe())
        .assertNext(expectMessage(alice.jid(), "kept"))
        .thenCancel()
        .verify(WAIT);
    // The dropped one was still received, and recorded.
    StepVerifier.create(aliceOnServer.received().filter(message()))
        .assertNext(message().body("lost"))
        .assertNext(message().body("kept"))
        .thenCancel()
        .verify(WAIT);
  }

  @Test
  void anInterceptorReplacesAStanza() {
    aliceOnServer.intercept((session, stanza) -> stanza instanceof Message m
        ? Intercept.replace(m.withBody(m.body().toUpperCase())) : Intercept.pass());
    StepVerifier.create(bob.messages())
        .then(() -> alice.send(Message.chat(bob.jid(), "quiet")).subscribe())
        .assertNext(expectMessage(alice.jid(), "QUIET"))
        .thenCancel()
        .verify(WAIT);
  }

  @Test
  void aServerWideInterceptorScriptsAnIqAnswer() {
    server.close();
    StanzaInterceptor weather = (session, stanza) -> stanza instanceof Iq iq && iq.isRequest()
        && iq.hasPayload("query", "urn:example:weather")
        ? Intercept.reply(iq.resultReply(XmlElement.builder("query", "urn:example:weather")
            .textElement("sky", "urn:example:weather", "blue").build()).withFrom(SERVICE))
        : Intercept.pass();
    server = XmppTestServer.create().user("alice", "secret").intercept(weather).start();
    XmppSession client = server.clientFor("alice").connect().block(WAIT);
    StepVerifier.create(client.request(Iq.get(SERVICE, XmlElement.empty("query",
            "urn:example:weather"))))
        .assertNext(reply -> assertThat(reply.payload().childText("sky", "urn:example:weather"))
            .isEqualTo("blue"))
        .verifyComplete();
  }

  @Test
  void theServerSendsAStanzaOfTheTestsOwn() {
    StepVerifier.create(alice.messages())
        .then(() -> aliceOnServer.send(from(Jid.of("oracle@example.test/x"), alice.jid(), "42")))
        .assertNext(expectMessage("oracle@example.test/x", "42"))
        .thenCancel()
        .verify(WAIT);
  }

  @Test
  void rawBytesThatBreakXmlFailTheClientsSession() {
    StepVerifier.create(alice.receive())
        .then(() -> aliceOnServer.sendRaw("<message><body>broken</mess>"))
        .thenConsumeWhile(s -> true)
        // The client's decoder refuses the bytes (XmlFramingException); the core client may
        // report the connection's close instead, when that comes first.
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(XmppException.class))
        .verify(WAIT);
  }

  @Test
  void rawBytesCanCarryAStanza() {
    StepVerifier.create(alice.messages())
        .then(() -> aliceOnServer.sendRaw("<message from='raw@example.test/r' to='"
            + alice.jid() + "'><body>by hand</body></message>"))
        .assertNext(expectMessage("raw@example.test/r", "by hand"))
        .thenCancel()
        .verify(WAIT);
  }

  @Test
  void aStreamErrorEndsTheClientsSessionAndTheServersSession() {
    StepVerifier.create(alice.receive())
        .then(() -> aliceOnServer.sendStreamError(StreamError.of(StreamErrorCondition.RESET,
            "credentials changed")))
        .thenConsumeWhile(s -> true)
        .expectErrorSatisfies(XmppTestServerTest::endedByTheServer)
        .verify(WAIT);
    StepVerifier.create(aliceOnServer.onEnd()).verifyComplete();
    assertThat(aliceOnServer.isEnded()).isTrue();
  }

  @Test
  void aDroppedConnectionEndsTheClientsSessionWithoutEndOfStream() {
    StepVerifier.create(alice.receive())
        .then(aliceOnServer::dropConnection)
        .thenConsumeWhile(s -> true)
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(XmppException.class))
        .verify(WAIT);
    assertThat(bob.isClosed()).isFalse();
  }

  @Test
  void theDefaultClientResumesADroppedConnectionAndLosesNothing() {
    XmppSession carol = server.clientFor("bob", "phone").connect().block(WAIT);
    TestSession carolOnServer = server.session(carol.jid()).block(WAIT);
    StepVerifier.create(carol.messages().map(Message::body))
        .then(() -> alice.send(Message.chat(carol.jid(), "before")).subscribe())
        .expectNext("before")
        .then(() -> {
          carolOnServer.dropConnection();
          // sent while carol is away: the server queues it for the resumed stream (XEP-0198 §5)
          alice.send(Message.chat(carol.jid(), "while away")).subscribe();
        })
        .expectNext("while away")
        .thenCancel()
        .verify(WAIT);
    StepVerifier.create(carol.events().filter(e -> e instanceof SessionEvent.Resumed).next())
        .expectNextCount(1)
        .verifyComplete();
    assertThat(carol.isClosed()).isFalse();
    carol.close().block(WAIT);
  }

  @Test
  void theServerClosesTheStreamGracefully() {
    StepVerifier.create(alice.receive())
        .then(aliceOnServer::closeStream)
        .thenConsumeWhile(s -> true)
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(XmppException.class))
        .verify(WAIT);
    assertThat(aliceOnServer.isEnded()).isTrue();
  }

  @Test
  void delayedDeliveriesKeepTheirOrder() {
    Jid oracle = Jid.of("oracle@example.test/x");
    StepVerifier.create(alice.messages())
        .then(() -> {
          aliceOnServer.delayDeliveries(Duration.ofMillis(300));
          aliceOnServer.send(from(oracle, alice.jid(), "first, delayed"));
          aliceOnServer.delayDeliveries(Duration.ZERO);
          // Not delayed itself, but queued behind the delayed one.
          aliceOnServer.send(from(oracle, alice.jid(), "second"));
        })
        .assertNext(expectMessage(oracle, "first, delayed"))
        .assertNext(expectMessage(oracle, "second"))
        .thenCancel()
        .verify(WAIT);
  }

  @Test
  void delayedDeliveriesFromOtherClientsArriveInOrder() {
    aliceOnServer.delayDeliveries(Duration.ofMillis(50));
    StepVerifier.create(alice.messages().map(Message::body))
        .then(() -> bob.send(reactor.core.publisher.Flux.range(1, 20)
            .map(i -> (Stanza) Message.chat(alice.jid(), "m" + i))).subscribe())
        .expectNextSequence(java.util.stream.IntStream.rangeClosed(1, 20)
            .mapToObj(i -> "m" + i).toList())
        .thenCancel()
        .verify(WAIT);
  }
}
