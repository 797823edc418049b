package dev.xmppreactive.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.client.InboundStalledException;
import dev.xmppreactive.client.Keepalive;
import dev.xmppreactive.client.SessionEvent;
import dev.xmppreactive.client.XmppSession;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.servers.EachServer;
import dev.xmppreactive.servers.FaultProxy;
import dev.xmppreactive.servers.XmppServer;
import dev.xmppreactive.stanza.Message;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Issue 4 §5 against the real servers: a receiver whose subscriber asks for nothing stops reading;
 * the session reports the stall, keeps the connection alive with unrequested acks (which Prosody and
 * ejabberd must take as acks, not as errors), notices a cut made while it is not reading, resumes,
 * and once the subscriber asks, every message arrives exactly once and in order.
 */
class StalledReceiverIT {

  private static final int MESSAGES = 2_000;
  private static final Duration T = Duration.ofSeconds(60);

  /** A subscriber that asks for nothing until told to. */
  private static final class Gate extends BaseSubscriber<Message> {
    final List<String> bodies = new CopyOnWriteArrayList<>();

    @Override
    protected void hookOnSubscribe(Subscription subscription) {
      // no demand
    }

    @Override
    protected void hookOnNext(Message m) {
      if (m.body() != null && m.body().startsWith("n:")) {
        bodies.add(m.body());
      }
    }
  }

  @EachServer
  void aStalledReceiverIsKeptAliveNoticesACutAndLosesNothing(XmppServer server) throws Exception {
    XmppSession a = null;
    XmppSession b = null;
    Gate gate = new Gate();
    List<SessionEvent> events = new CopyOnWriteArrayList<>();
    try (FaultProxy proxy = FaultProxy.to(server.host(), server.starttlsPort(), 7)) {
      a = Clients.login(Clients.starttls(server, server.newUser("sender")));
      b = Clients.login(Clients.starttls(server, server.newUser("stalled"))
          .host(proxy.host())
          .port(proxy.port())
          .keepalive(Keepalive.defaults().withStallAfter(Duration.ofSeconds(1)))
          .reconnect(Retry.backoff(20, Duration.ofMillis(50)).maxBackoff(Duration.ofMillis(500))));
      b.events().subscribe(events::add);
      b.messages().subscribe(gate);
      Jid to = b.jid();
      XmppSession sender = a;
      AtomicReference<Throwable> sendFailure = new AtomicReference<>();
      // every message acknowledged by the server: all of them are in the receiver's session
      Flux.range(0, MESSAGES)
          .flatMap(i -> sender.sendAcked(Message.chat(to, "n:" + i)), 100)
          .doOnError(sendFailure::set)
          .blockLast(T);
      SessionEvent.InboundStalled stalled = b.events().ofType(SessionEvent.InboundStalled.class)
          .next().block(T);
      System.out.printf("%s: %s%n", server.name(), stalled);
      assertThat(stalled.buffered()).isEqualTo(256);
      // Two keepalive periods more, so that unrequested acks of the stall go out (they cannot be
      // seen in the TLS the proxy relays; what is asserted is that the servers took them).
      Mono.delay(Duration.ofSeconds(2)).block();
      assertThat(events).noneMatch(e -> e instanceof SessionEvent.Suspended);

      proxy.cutAll();
      SessionEvent.Suspended suspended = b.events().ofType(SessionEvent.Suspended.class).next()
          .block(T);
      System.out.printf("%s: cut while stalled: %s%n", server.name(), suspended);
      // the proxy resets the connection: the session, drained at once, sees the reset itself
      assertThat(suspended.cause())
          .isInstanceOfAny(InboundStalledException.class, java.io.IOException.class);
      b.events().ofType(SessionEvent.Resumed.class).next().block(T);

      gate.request(Long.MAX_VALUE);
      Flux.interval(Duration.ofMillis(100))
          .takeUntil(i -> gate.bodies.size() >= MESSAGES)
          .timeout(T)
          .onErrorResume(e -> Mono.empty()) // the assertions below say what is missing
          .blockLast();
      System.out.printf("%s: received %d, events %s%n", server.name(), gate.bodies.size(),
          events.stream().map(e -> e.getClass().getSimpleName()).toList());
      assertThat(sendFailure.get()).isNull();
      assertThat(gate.bodies).hasSize(MESSAGES);
      for (int i = 0; i < MESSAGES; i++) {
        assertThat(gate.bodies.get(i)).isEqualTo("n:" + i);
      }
      assertThat(events).filteredOn(e -> e instanceof SessionEvent.Reconnected).isEmpty();
      // reported at the keepalive tick after reading went on
      assertThat(b.events().ofType(SessionEvent.InboundResumed.class).next().block(T)).isNotNull();
    } finally {
      gate.dispose();
      Clients.closeAll(a, b);
    }
  }
}
