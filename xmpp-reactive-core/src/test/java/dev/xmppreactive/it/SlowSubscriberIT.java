package dev.xmppreactive.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.client.SessionEvent;
import dev.xmppreactive.client.SmSettings;
import dev.xmppreactive.client.XmppSession;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.servers.Ejabberd;
import dev.xmppreactive.servers.Prosody;
import dev.xmppreactive.servers.XmppServer;
import dev.xmppreactive.stanza.Message;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Issue 4 §5: the inbound demand reaches the socket. A sender pushes 200,000 messages as fast as it
 * can at a receiver whose subscriber takes about 1,000 a second: the receiver stops reading when its
 * subscriber has no demand, the server holds the rest (TCP pushes back), and the heap of this JVM
 * (both clients) stays flat while all 200,000 arrive, in order. It runs about 200 s, against
 * Prosody only (once is the point; ejabberd's behaviour with a slow receiver is the second test:
 * ejabberd ends the stream of a receiver too far behind with Stream Management; the session sees
 * the connection close although it is not reading (it takes what it had read at once), reports it
 * as Suspended (the stream error, or the reset ejabberd sends with it), and comes back on a new
 * stream).
 *
 * <p>The receiver runs without Stream Management here: with it, a server bounds the stanzas a client
 * has not acknowledged (the harness sets 20,000), and a receiver 190,000 behind would be cut off by
 * design, which the second test shows is seen and survived.
 */
class SlowSubscriberIT {

  private static final int MESSAGES = 200_000;

  /** The slow subscriber's pace: ten messages every 10 ms, 1,000 a second, asking for ten at a time. */
  private static Flux<Message> slowly(Flux<Message> in) {
    return in.buffer(10).delayElements(Duration.ofMillis(10)).concatMapIterable(l -> l, 10);
  }

  @Test
  void twoHundredThousandMessagesAtOneThousandASecondKeepTheHeapFlat(@Prosody XmppServer server)
      throws Exception {
    XmppSession a = null;
    XmppSession b = null;
    List<Disposable> running = new ArrayList<>();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    try {
      a = Clients.login(Clients.starttls(server, server.newUser("flood")));
      b = Clients.login(Clients.starttls(server, server.newUser("slow"))
          .streamManagement(SmSettings.disabled()));
      Jid to = b.jid();
      AtomicInteger next = new AtomicInteger();
      AtomicReference<String> fault = new AtomicReference<>();
      running.add(slowly(b.messages())
          .subscribe(m -> {
            int n = Integer.parseInt(m.body());
            if (n != next.get()) {
              fault.compareAndSet(null, "got " + n + ", expected " + next.get());
            }
            next.set(n + 1);
          }, e -> fault.compareAndSet(null, "the receiver's session ended: " + e)));
      XmppSession sender = a;
      AtomicReference<Throwable> sendFailure = new AtomicReference<>();
      running.add(Flux.range(0, MESSAGES)
          .concatMap(i -> sender.send(Message.chat(to, Integer.toString(i))), 256)
          .subscribe(v -> { }, sendFailure::set));

      List<Long> heap = new ArrayList<>();
      long t0 = System.nanoTime();
      int lastSeen = -1;
      long lastMove = t0;
      while (next.get() < MESSAGES && fault.get() == null && sendFailure.get() == null
          && System.nanoTime() - lastMove < Duration.ofSeconds(30).toNanos()) {
        Mono.delay(Duration.ofSeconds(10)).block();
        System.gc();
        long used = memory.getHeapMemoryUsage().getUsed();
        heap.add(used);
        if (next.get() != lastSeen) {
          lastSeen = next.get();
          lastMove = System.nanoTime();
        }
        System.out.printf("slow subscriber: +%d s, received %d, heap after GC %.1f MiB%n",
            (System.nanoTime() - t0) / 1_000_000_000, next.get(), used / 1048576.0);
      }
      assertThat(fault.get()).isNull();
      assertThat(sendFailure.get()).isNull();
      assertThat(next.get()).as("all messages arrived").isEqualTo(MESSAGES);
      // Flat: after the first samples (warm-up, the sender's queue filling), the heap after a full GC
      // moves within 24 MiB, and the last sample is not above the first steady one by more.
      List<Long> steady = heap.subList(Math.min(2, heap.size() - 1), heap.size());
      long min = steady.stream().mapToLong(Long::longValue).min().orElseThrow();
      long max = steady.stream().mapToLong(Long::longValue).max().orElseThrow();
      System.out.printf("slow subscriber: %d samples, steady heap %.1f..%.1f MiB%n", heap.size(),
          min / 1048576.0, max / 1048576.0);
      assertThat(max - min).as("heap after GC, max - min (bytes)").isLessThan(24L << 20);
    } finally {
      running.forEach(Disposable::dispose);
      Clients.closeAll(a, b);
    }
  }

  @Test
  void aServerThatGivesUpOnASlowReceiverIsSeenAndTheSessionComesBack(@Ejabberd XmppServer server)
      throws Exception {
    XmppSession a = null;
    XmppSession b = null;
    List<Disposable> running = new ArrayList<>();
    try {
      a = Clients.login(Clients.starttls(server, server.newUser("flood")));
      b = Clients.login(Clients.starttls(server, server.newUser("stuck"))); // SM on: the default
      Jid to = b.jid();
      List<SessionEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
      running.add(b.events().subscribe(events::add));
      // a subscriber that takes about 1,000 a second, while 30,000 come as fast as the sender goes:
      // the server's bound on unacknowledged stanzas (20,000 in the harness) is passed
      running.add(slowly(b.messages()).subscribe(m -> { }, e -> { }));
      XmppSession sender = a;
      running.add(Flux.range(0, 30_000)
          .concatMap(i -> sender.send(Message.chat(to, Integer.toString(i))), 256)
          .subscribe(v -> { }, e -> { }));
      SessionEvent.Suspended suspended = b.events().ofType(SessionEvent.Suspended.class).next()
          .block(Duration.ofSeconds(120));
      System.out.println("slow receiver on ejabberd: " + suspended);
      assertThat(suspended).isNotNull();
      assertThat(b.events().filter(e -> e instanceof SessionEvent.Reconnected
              || e instanceof SessionEvent.Resumed).next().block(Duration.ofSeconds(60)))
          .isNotNull();
      assertThat(b.isClosed()).isFalse();
    } finally {
      running.forEach(Disposable::dispose);
      Clients.closeAll(a, b);
    }
  }
}
