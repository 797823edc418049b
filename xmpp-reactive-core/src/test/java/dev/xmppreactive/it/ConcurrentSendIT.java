package dev.xmppreactive.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.client.SmSettings;
import dev.xmppreactive.client.XmppSession;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.servers.EachServer;
import dev.xmppreactive.servers.XmppServer;
import dev.xmppreactive.stanza.Message;
import dev.xmppreactive.stanza.Stanza;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import reactor.core.Disposable;
import reactor.core.publisher.Sinks;

/**
 * Many threads emit into one session's outbound sink at once (the part 5: 16 threads ×
 * 10,000 stanzas): no emission fails for being concurrent ({@code FAIL_NON_SERIALIZED}), and every
 * message reaches a second session through the real server exactly once, in each thread's order.
 * Overflow of the bounded queue is expected and retried, as the sink's contract says.
 */
class ConcurrentSendIT {

  private static final int THREADS = 16;
  private static final int PER_THREAD = 10_000;
  private static final long DEADLINE_SECONDS = 180;

  @EachServer
  void sixteenThreadsEmitTenThousandMessagesEachAndAllArriveOnce(XmppServer server)
      throws Exception {
    XmppSession a = null;
    XmppSession b = null;
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    Disposable receiving = null;
    try {
      a = Clients.login(Clients.starttls(server, server.newUser("sender")));
      // The receiver runs without Stream Management. ejabberd ends an SM stream whose queue of
      // unacknowledged stanzas passes max_ack_queue (5,000 by default; the harness sets 20,000, which
      // a flood of 160,000 passes too), and it counts a stanza as
      // queued when the receiver's c2s process takes it from its mailbox: a flood of ~10,000/s
      // fills that mailbox faster than any acknowledgement can come back through it, whatever the
      // client (measured: the receiver had read 5,001 when the policy-violation came). Prosody does
      // not do this; the sender keeps SM on both.
      b = Clients.login(Clients.starttls(server, server.newUser("receiver"))
          .streamManagement(SmSettings.disabled()));
      Jid to = b.jid();
      Jid from = a.jid();

      int total = THREADS * PER_THREAD;
      BitSet[] seen = new BitSet[THREADS];
      int[] last = new int[THREADS];
      Arrays.fill(last, -1);
      for (int t = 0; t < THREADS; t++) {
        seen[t] = new BitSet(PER_THREAD);
      }
      LongAdder duplicates = new LongAdder();
      LongAdder outOfOrder = new LongAdder();
      LongAdder foreign = new LongAdder();
      CountDownLatch arrived = new CountDownLatch(total);
      AtomicReference<Throwable> receiverError = new AtomicReference<>();
      // signals come one at a time (the session's one multicast point), so plain arrays suffice;
      // the latch publishes them to the test thread
      receiving = b.messages().filter(m -> m.id() != null && m.id().startsWith("c-")).subscribe(m -> {
        int dash = m.id().indexOf('-', 2);
        int t = Integer.parseInt(m.id().substring(2, dash));
        int i = Integer.parseInt(m.id().substring(dash + 1));
        if (t < 0 || t >= THREADS || i < 0 || i >= PER_THREAD || !from.equals(m.from())) {
          foreign.increment();
          return;
        }
        if (seen[t].get(i)) {
          duplicates.increment();
          return;
        }
        seen[t].set(i);
        if (i < last[t]) {
          outOfOrder.increment();
        }
        last[t] = i;
        arrived.countDown();
      }, e -> receiverError.set(e));

      Sinks.Many<Stanza> sink = a.sink();
      LongAdder overflowRetries = new LongAdder();
      LongAdder nonSerialized = new LongAdder();
      LongAdder otherFailures = new LongAdder();
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> senders = new ArrayList<>();
      Sinks.EmitFailureHandler retryOnOverflow = (signal, result) -> {
        if (result == Sinks.EmitResult.FAIL_OVERFLOW) {
          overflowRetries.increment();
          LockSupport.parkNanos(1_000_000); // let the writer drain; spinning starves it on 2 cores
          return true;
        }
        if (result == Sinks.EmitResult.FAIL_NON_SERIALIZED) {
          nonSerialized.increment();
        }
        return false;
      };
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        senders.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < PER_THREAD; i++) {
            Message m = Message.builder().to(to).type(Message.Type.CHAT).id("c-" + thread + "-" + i)
                .body("m").build();
            try {
              sink.emitNext(m, retryOnOverflow);
            } catch (RuntimeException e) {
              otherFailures.increment();
            }
          }
          return null;
        }));
      }
      long t0 = System.nanoTime();
      start.countDown();
      for (Future<?> f : senders) {
        f.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
      }
      long emitted = System.nanoTime();
      boolean all = false;
      for (long waited = 0; !all && receiverError.get() == null && waited < DEADLINE_SECONDS * 10;
           waited++) {
        all = arrived.await(100, TimeUnit.MILLISECONDS);
      }
      long done = System.nanoTime();
      System.out.printf("%s: %d messages emitted by %d threads in %d ms, all received after %d ms"
              + " (%d overflow retries)%n", server.name(), total, THREADS, (emitted - t0) / 1_000_000,
          (done - t0) / 1_000_000, overflowRetries.sum());
      System.out.printf("%s: received %d; receiver error %s%n", server.name(),
          total - arrived.getCount(), receiverError.get());

      assertThat(receiverError.get()).as("the receiver's session ended with").isNull();
      assertThat(nonSerialized.sum()).as("FAIL_NON_SERIALIZED emissions").isZero();
      assertThat(otherFailures.sum()).as("emissions that failed otherwise").isZero();
      assertThat(all).as("all %d messages arrived within %d s; missing %d", total,
          DEADLINE_SECONDS, arrived.getCount()).isTrue();
      assertThat(duplicates.sum()).as("duplicates").isZero();
      assertThat(outOfOrder.sum()).as("messages out of their thread's order").isZero();
      assertThat(foreign.sum()).as("unexpected ids").isZero();
      for (BitSet s : seen) {
        assertThat(s.cardinality()).isEqualTo(PER_THREAD);
      }
      assertThat(a.isClosed()).isFalse();
      assertThat(b.isClosed()).isFalse();
    } finally {
      pool.shutdownNow();
      if (receiving != null) {
        receiving.dispose();
      }
      Clients.closeAll(a, b);
    }
  }
}
