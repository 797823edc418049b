package dev.xmppreactive.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.sm.SmElements;
import dev.xmppreactive.stanza.Message;
import dev.xmppreactive.xml.XmlElement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.util.retry.Retry;

/**
 * Issue 4 §5: a subscriber without demand pauses the reading; the session reports it, keeps the
 * connection alive with writes that need no answer, and notices a connection that closes meanwhile.
 */
class InboundStallTest {

  private static final Duration T = Duration.ofSeconds(15);
  private static final String ME = "anon@example.test/r1";
  private static final int CAPACITY = 8;
  private static final Keepalive FAST =
      new Keepalive(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMillis(200));

  private static Message msg(int n) {
    return Message.builder().to(ME).from("romeo@example.test/x").body(Integer.toString(n)).build();
  }

  private static Mono<Void> sendAll(ScriptedServer.Peer p, int from, int to) {
    return Flux.range(from, to - from + 1).concatMap(i -> p.send(msg(i))).then();
  }

  private static XmppClient client(ScriptedServer server) {
    return server.client().inboundCapacity(CAPACITY).keepalive(FAST);
  }

  private static <T> T await(Mono<T> m) {
    return m.block(T);
  }

  @Test
  void aStallIsReportedTheConnectionKeptAliveAndTheEndOfTheStallReported() {
    List<XmlElement> fromClient = new CopyOnWriteArrayList<>();
    Sinks.One<Boolean> go = Sinks.one();
    try (ScriptedServer server = ScriptedServer.start(p -> p.loginBindAndEnableSm(ME, "sm-1")
        .then(go.asMono()).then(sendAll(p, 1, 20))
        .then(p.nextElement().doOnNext(fromClient::add).repeat().then()))) {
      XmppSession s = client(server).connect().block(T);
      List<SessionEvent> events = new CopyOnWriteArrayList<>();
      s.events().subscribe(events::add);
      StepVerifier.create(s.messages().map(Message::body), 0)
          .then(() -> go.tryEmitValue(true)) // the subscriber is there, asking for nothing
          .then(() -> {
            SessionEvent.InboundStalled stalled = await(s.events()
                .ofType(SessionEvent.InboundStalled.class).next());
            assertThat(stalled.buffered()).isEqualTo(CAPACITY);
            assertThat(stalled.duration()).isGreaterThanOrEqualTo(FAST.stallAfter());
            // the keepalive write of a stall: an unrequested ack of what the hub holds
            await(Mono.fromCallable(() -> fromClient.isEmpty() ? null : fromClient.get(0))
                .repeatWhenEmpty(r -> r.delayElements(Duration.ofMillis(20))));
            assertThat(fromClient.get(0).is("a", SmElements.NS)).isTrue();
            assertThat(fromClient.get(0).attribute("h")).isEqualTo(Integer.toString(CAPACITY));
            assertThat(events).noneMatch(e -> e instanceof SessionEvent.InboundResumed);
          })
          .thenRequest(20)
          .expectNextSequence(IntStream.rangeClosed(1, 20).mapToObj(Integer::toString).toList())
          .thenCancel()
          .verify(T);
      SessionEvent.InboundResumed resumed = await(s.events()
          .ofType(SessionEvent.InboundResumed.class).next());
      assertThat(resumed.duration()).isGreaterThanOrEqualTo(FAST.stallAfter());
      assertThat(events).filteredOn(e -> e instanceof SessionEvent.Suspended).isEmpty();
      s.close().block(T);
    }
  }

  @Test
  void aConnectionClosedWhileTheSessionIsNotReadingIsNoticedAtOnceAndResumedExactlyOnce() {
    List<XmlElement> resumes = new CopyOnWriteArrayList<>();
    Sinks.One<Boolean> go = Sinks.one();
    try (ScriptedServer server = ScriptedServer.start(p -> {
      if (p.index == 1) {
        // 20 messages, of which the client's hub takes 8; the server drops the connection once it
        // has the stall's ack (so the client is surely not reading).
        return p.loginBindAndEnableSm(ME, "sm-1")
            .then(go.asMono()).then(sendAll(p, 1, 20))
            .then(p.nextElement().filter(e -> e.is("a", SmElements.NS)).repeatWhenEmpty(r -> r))
            .then(p.drop());
      }
      // The server sends again what the client did not acknowledge, as XEP-0198 §5 says.
      return p.loginAnonymous(XmlElement.empty("sm", SmElements.NS))
          .then(p.nextElement()).flatMap(resume -> {
            resumes.add(resume);
            long h = Long.parseLong(resume.attribute("h"));
            return p.send(XmlElement.builder("resumed", SmElements.NS)
                .attribute("previd", "sm-1").attribute("h", "0").build())
                .then(sendAll(p, (int) h + 1, 21));
          })
          .then(Mono.never());
    })) {
      XmppSession s = client(server).reconnect(Retry.fixedDelay(5, Duration.ofMillis(50)))
          .connect().block(T);
      StepVerifier.create(s.messages().map(Message::body), 0)
          .then(() -> go.tryEmitValue(true))
          .then(() -> {
            // noticed and resumed while the subscriber still asks for nothing
            SessionEvent.Suspended suspended = await(s.events()
                .ofType(SessionEvent.Suspended.class).next());
            assertThat(suspended.cause()).isInstanceOf(InboundStalledException.class);
            await(s.events().ofType(SessionEvent.Resumed.class).next());
          })
          .thenRequest(21)
          .expectNextSequence(IntStream.rangeClosed(1, 21).mapToObj(Integer::toString).toList())
          .thenRequest(1)
          .expectNoEvent(Duration.ofMillis(100)) // nothing twice
          .thenCancel()
          .verify(T);
      assertThat(resumes).hasSize(1);
      // all 20 had been read when the connection closed: they are counted, held, and not sent again
      assertThat(resumes.get(0).attribute("h")).isEqualTo("20");
      s.close().block(T);
    }
  }

  @Test
  void withoutStreamManagementTooWhatWasReadIsKeptAndTheSessionReconnectsAtOnce() {
    Sinks.One<Boolean> go = Sinks.one();
    try (ScriptedServer server = ScriptedServer.start(p -> p.index == 1
        ? p.loginAndBind(ME).then(go.asMono()).then(sendAll(p, 1, 20)).then(p.drop())
        : p.loginAndBind(ME).then(sendAll(p, 21, 22)).then(Mono.never()))) {
      XmppSession s = client(server).reconnect(Retry.fixedDelay(5, Duration.ofMillis(50)))
          .connect().block(T);
      StepVerifier.create(s.messages().map(Message::body), 0)
          .then(() -> go.tryEmitValue(true))
          .then(() -> await(s.events().ofType(SessionEvent.Reconnected.class).next()))
          .thenRequest(22)
          .expectNextSequence(IntStream.rangeClosed(1, 22).mapToObj(Integer::toString).toList())
          .thenCancel()
          .verify(T);
      s.close().block(T);
    }
  }
}
