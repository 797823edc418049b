package dev.xmppreactive.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.client.ScriptedServer.Peer;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.sm.SmElements;
import dev.xmppreactive.stanza.Message;
import dev.xmppreactive.stanza.Stanza;
import dev.xmppreactive.stream.StreamErrorCondition;
import dev.xmppreactive.stream.StreamErrorException;
import dev.xmppreactive.xml.XmlElement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.util.retry.Retry;

/** Stream Management and reconnection against a scripted server. */
class ReconnectionTest {

  private static final Duration T = Duration.ofSeconds(15);
  private static final String ME = "anon@example.test/r1";

  private static XmppClient reconnecting(ScriptedServer server) {
    return server.client().reconnect(Retry.fixedDelay(5, Duration.ofMillis(50)));
  }

  private static Message msg(String body) {
    return Message.builder().to(ME).from("romeo@example.test/x").body(body).build();
  }

  @Test
  void aTransientStreamErrorReconnectsAndTheInboundFluxGoesOn() {
    try (ScriptedServer server = ScriptedServer.start(p -> p.index == 1
        ? p.loginAndBind(ME).then(p.send(msg("before")))
            .then(p.streamError(StreamErrorCondition.SYSTEM_SHUTDOWN, "restarting"))
        : p.loginAndBind(ME).then(p.send(msg("after"))).then(Mono.never()))) {
      XmppSession s = reconnecting(server).connect().block(T);
      StepVerifier.create(s.messages().map(Message::body).take(2))
          .expectNext("before", "after")
          .expectComplete()
          .verify(T);
      StepVerifier.create(s.events().take(4))
          .expectNextMatches(e -> e instanceof SessionEvent.Connected)
          .assertNext(e -> assertThat(((SessionEvent.Suspended) e).cause())
              .isInstanceOf(StreamErrorException.class))
          .expectNext(new SessionEvent.Reconnecting(1))
          .assertNext(e -> assertThat(e).isInstanceOfSatisfying(SessionEvent.Reconnected.class,
              r -> assertThat(r.newStream()).isTrue()))
          .expectComplete()
          .verify(T);
      assertThat(s.isClosed()).isFalse();
    }
  }

  @Test
  void aConflictEndsTheSessionWithoutReconnecting() {
    try (ScriptedServer server = ScriptedServer.start(p -> p.loginAndBind(ME)
        .then(p.streamError(StreamErrorCondition.CONFLICT, "replaced")))) {
      XmppSession s = reconnecting(server).connect().block(T);
      StepVerifier.create(s.receive())
          .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(StreamErrorException.class,
              se -> assertThat(se.condition()).isEqualTo(StreamErrorCondition.CONFLICT)))
          .verify(T);
      assertThat(server.connections.get()).isEqualTo(1);
    }
  }

  @Test
  void givingUpEndsTheSessionWithTheCauseNotTheRetrySpecsWrapper() {
    try (ScriptedServer server = ScriptedServer.start(p -> p.index == 1
        ? p.loginAndBind(ME).then(p.drop())
        : p.openStream().then(p.streamError(StreamErrorCondition.INTERNAL_SERVER_ERROR, "down")))) {
      XmppSession s = server.client().reconnect(Retry.fixedDelay(2, Duration.ofMillis(20)))
          .connect().block(T);
      StepVerifier.create(s.receive())
          .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(StreamErrorException.class,
              se -> assertThat(se.condition()).isEqualTo(StreamErrorCondition.INTERNAL_SERVER_ERROR)))
          .verify(T);
      assertThat(server.connections.get()).isEqualTo(3); // the first, then two attempts
    }
  }

  @Test
  void theServersAckRequestsAreAnsweredWithTheHandledCount() {
    List<XmlElement> answers = new CopyOnWriteArrayList<>();
    try (ScriptedServer server = ScriptedServer.start(p -> p.loginBindAndEnableSm(ME, "sm-1")
        .then(p.send(msg("one"))).then(p.send(msg("two")))
        .then(p.send(SmElements.request()))
        .then(p.nextElement()).doOnNext(answers::add)
        .then(Mono.never()))) {
      XmppSession s = reconnecting(server).connect().block(T);
      StepVerifier.create(s.messages().take(2)).expectNextCount(2).expectComplete().verify(T);
      Mono.fromCallable(answers::size).filter(n -> n > 0)
          .repeatWhenEmpty(r -> r.delayElements(Duration.ofMillis(10))).block(T);
      assertThat(answers.get(0).is("a", SmElements.NS)).isTrue();
      assertThat(answers.get(0).attribute("h")).isEqualTo("2");
    }
  }

  @Test
  void theServersStanzasAreAcknowledgedUnaskedEverySoMany() {
    List<XmlElement> fromClient = new CopyOnWriteArrayList<>();
    try (ScriptedServer server = ScriptedServer.start(p -> p.loginBindAndEnableSm(ME, "sm-1")
        .then(reactor.core.publisher.Flux.range(1, 25).concatMap(i -> p.send(msg("m" + i))).then())
        .then(p.nextElement().doOnNext(fromClient::add).repeat().then()))) {
      XmppSession s = reconnecting(server)
          .streamManagement(SmSettings.defaults().withAckHandledEvery(10))
          .connect().block(T);
      StepVerifier.create(s.messages().take(25)).expectNextCount(25).expectComplete().verify(T);
      Mono.fromCallable(fromClient::size).filter(n -> n >= 2)
          .repeatWhenEmpty(r -> r.delayElements(Duration.ofMillis(10))).block(T);
      assertThat(fromClient).allMatch(e -> e.is("a", SmElements.NS));
      assertThat(fromClient.stream().map(e -> e.attribute("h")).toList()).containsExactly("10", "20");
    }
  }

  @Test
  void aResumedStreamSendsAgainOnlyWhatTheServerDidNotHandle() {
    List<String> secondConnection = new CopyOnWriteArrayList<>();
    List<XmlElement> resumeRequests = new CopyOnWriteArrayList<>();
    try (ScriptedServer server = ScriptedServer.start(p -> {
      if (p.index == 1) {
        // Three messages come; the server handles two, says so, and then the network fails.
        return p.loginBindAndEnableSm(ME, "sm-1")
            .then(p.send(msg("in-1")))
            .then(p.nextStanza()).then(p.nextStanza()).then(p.nextStanza())
            .then(p.send(SmElements.answer(2)))
            .then(p.drop());
      }
      return p.loginAnonymous(XmlElement.empty("sm", SmElements.NS))
          .then(p.nextElement()).flatMap(resume -> {
            resumeRequests.add(resume);
            return p.send(XmlElement.builder("resumed", SmElements.NS)
                .attribute("previd", "sm-1").attribute("h", "2").build());
          })
          .then(p.nextStanza()).doOnNext(st -> secondConnection.add(((Message) st).body()))
          .then(p.send(SmElements.answer(3)))
          .then(Mono.never());
    })) {
      XmppSession s = reconnecting(server).connect().block(T);
      StepVerifier.create(s.messages().take(1)).expectNextCount(1).expectComplete().verify(T);
      Jid to = Jid.of("romeo@example.test");
      Mono<Void> third = s.sendAcked(Message.chat(to, "out-3"));
      s.send(Message.chat(to, "out-1")).block(T);
      s.send(Message.chat(to, "out-2")).block(T);
      StepVerifier.create(third).expectComplete().verify(T); // acked on the resumed stream
      assertThat(secondConnection).containsExactly("out-3");
      assertThat(resumeRequests.get(0).attribute("previd")).isEqualTo("sm-1");
      assertThat(resumeRequests.get(0).attribute("h")).isEqualTo("1"); // one inbound stanza handled
      StepVerifier.create(s.events().filter(e -> e instanceof SessionEvent.Resumed).next())
          .assertNext(e -> assertThat(((SessionEvent.Resumed) e).jid()).isEqualTo(Jid.of(ME)))
          .expectComplete()
          .verify(T);
    }
  }

  @Test
  void aFailedResumptionBindsANewStreamAndSendsTheUnackedAgain() {
    List<Stanza> secondConnection = new CopyOnWriteArrayList<>();
    try (ScriptedServer server = ScriptedServer.start(p -> {
      if (p.index == 1) {
        return p.loginBindAndEnableSm(ME, "sm-1")
            .then(p.nextStanza()).then(p.drop());
      }
      return p.loginAnonymous(Peer.bindFeature(), XmlElement.empty("sm", SmElements.NS))
          .then(p.nextElement())
          .then(p.send(XmlElement.builder("failed", SmElements.NS)
              .child(XmlElement.empty("item-not-found", "urn:ietf:params:xml:ns:xmpp-stanzas"))
              .build()))
          .then(p.bindAs("anon@example.test/r2"))
          .then(p.enableSm("sm-2"))
          .then(p.nextStanza()).doOnNext(secondConnection::add)
          .then(Mono.never());
    })) {
      XmppSession s = reconnecting(server).connect().block(T);
      s.send(Message.chat(Jid.of("romeo@example.test"), "lost?")).block(T);
      StepVerifier.create(s.events().filter(e -> e instanceof SessionEvent.Reconnected).next())
          .assertNext(e -> {
            SessionEvent.Reconnected r = (SessionEvent.Reconnected) e;
            assertThat(r.newStream()).isTrue();
            assertThat(r.jid()).isEqualTo(Jid.of("anon@example.test/r2"));
          })
          .expectComplete()
          .verify(T);
      Mono.fromCallable(secondConnection::size).filter(n -> n > 0)
          .repeatWhenEmpty(r -> r.delayElements(Duration.ofMillis(10))).block(T);
      assertThat(((Message) secondConnection.get(0)).body()).isEqualTo("lost?");
      assertThat(s.jid()).isEqualTo(Jid.of("anon@example.test/r2"));
    }
  }

  @Test
  void aSilentConnectionIsProbedAndTakenAsDead() {
    try (ScriptedServer server = ScriptedServer.start(p -> p.index == 1
        ? p.loginBindAndEnableSm(ME, "sm-1").then(Mono.never()) // then never answers
        : p.loginAndBind(ME).then(Mono.never()))) {
      XmppSession s = reconnecting(server)
          .keepalive(new Keepalive(Duration.ofMillis(300), Duration.ofMillis(300)))
          .connect().block(T);
      StepVerifier.create(s.events().filter(e -> e instanceof SessionEvent.Suspended).next())
          .assertNext(e -> assertThat(((SessionEvent.Suspended) e).cause())
              .isInstanceOf(KeepaliveTimeoutException.class))
          .expectComplete()
          .verify(T);
    }
  }
}
