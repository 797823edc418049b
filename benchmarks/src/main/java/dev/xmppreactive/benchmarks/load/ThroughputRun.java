package dev.xmppreactive.benchmarks.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Senders push chat messages to receivers through the server as fast as the server and clients go,
 * each pair with at most {@link Task#window()} messages in flight (sent and not yet received): the
 * flow control keeps the server's queues bounded, so that neither server ends a stream for a queue
 * that a flood built up, and what is measured is the rate the whole path sustains. The senders run
 * on at most four benchmark threads ({@code bench-send-*}), the same for both clients; a sender
 * thread with no window open parks until a receiver of its pairs wakes it, or 1 ms (no spinning, so
 * that the client's CPU time per message is the client's). A receiver wakes its sender after every
 * {@link #WAKE_FRACTION}th of the window it received, not after every message: a sender then sends
 * in bursts, as a sender with a backlog does, instead of one message per wake-up, which would have
 * both clients spend their time on thread hand-offs (a futex wake per message, and for each message
 * a wake-up of the thread that writes it). Each receiver counts on the client's own delivery thread.
 */
final class ThroughputRun {
  /** The body of every message: 100 ASCII characters. */
  static final String BODY = "The quick brown fox jumps over the lazy dog; pack my box with five dozen liquor jugs"
      + " 0123456789abcdef";

  /** A receiver wakes its sender after every window ÷ this many messages it received. */
  static final int WAKE_FRACTION = 10;

  private ThroughputRun() {
  }

  static ThroughputResult run(Task task) throws Exception {
    Target t = task.target();
    int pairs = task.pairs();
    try (LoadClient client = LoadClient.of(task.client(), t, task.concurrency())) {
      Connects connects = new Connects(client, task.concurrency());
      connects.connect(task.firstUser(), 2 * pairs, task.timeoutSeconds());
      List<LoadSession> sessions = connects.sessions();
      if (sessions.size() < 2 * pairs) {
        return failed(task, "only " + sessions.size() + " of " + 2 * pairs + " sessions connected: "
            + connects.errors());
      }
      LongAdder received = new LongAdder();
      LongAdder sent = new LongAdder();
      Semaphore[] windows = new Semaphore[pairs];
      LoadSession.Sender[] senders = new LoadSession.Sender[pairs];
      AtomicBoolean stop = new AtomicBoolean();
      Set<String> errors = Collections.synchronizedSet(new LinkedHashSet<>());
      int threads = Math.min(pairs, 4);
      List<Thread> sending = new ArrayList<>();
      for (int k = 0; k < threads; k++) {
        int first = k;
        Thread thread = new Thread(() -> sendLoop(first, threads, senders, windows, sent, stop, errors),
            "bench-send-" + k);
        thread.setDaemon(true);
        sending.add(thread);
      }
      int wakeEvery = Math.max(1, task.window() / WAKE_FRACTION);
      for (int i = 0; i < pairs; i++) {
        Semaphore window = new Semaphore(task.window());
        AtomicLong releases = new AtomicLong();
        windows[i] = window;
        Thread sender = sending.get(i % threads);
        LoadSession receiver = sessions.get(pairs + i);
        receiver.onMessage(() -> {
          received.increment();
          window.release();
          if (releases.incrementAndGet() % wakeEvery == 0) {
            LockSupport.unpark(sender);
          }
        });
        senders[i] = sessions.get(i).senderTo(receiver.jid());
      }
      sending.forEach(Thread::start);
      Thread.sleep((long) (task.warmupSeconds() * 1000));
      long r0 = received.sum();
      Cpu c0 = Cpu.now(t.serverPid());
      Thread.sleep((long) (task.seconds() * 1000));
      long r1 = received.sum();
      Cpu.Usage cpu = Cpu.now(t.serverPid()).since(c0);
      stop.set(true);
      for (Thread thread : sending) {
        thread.join(10_000);
      }
      long deadline = System.nanoTime() + (long) (task.timeoutSeconds() * 1e9);
      while (received.sum() < sent.sum() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      long count = r1 - r0;
      int down = (int) sessions.stream().filter(s -> !s.isUp()).count();
      ThroughputResult result = new ThroughputResult(task.client(), t.server(), pairs, task.window(), count,
          count / cpu.wallSeconds(), cpu, count == 0 ? 0 : cpu.clientSeconds() * 1e6 / count,
          count == 0 ? 0 : cpu.serverSeconds() * 1e6 / count, sent.sum(), sent.sum() - received.sum(), down,
          List.copyOf(errors));
      Log.info("%s: %d pairs, %,.0f messages/s; client %.2f cores (%.1f us/message), server %.2f cores,"
              + " others %.2f cores; lost %d, sessions down %d %s", task.label(), pairs, result.perSecond(),
          cpu.clientCores(), result.clientCpuMicros(), cpu.serverCores(), cpu.otherCores(), result.lost(), down,
          result.errors());
      connects.closeAll(30);
      return result;
    }
  }

  private static void sendLoop(int first, int step, LoadSession.Sender[] senders, Semaphore[] windows,
                               LongAdder sent, AtomicBoolean stop, Set<String> errors) {
    try {
      while (!stop.get()) {
        boolean progressed = false;
        for (int j = first; j < senders.length; j += step) {
          if (windows[j].tryAcquire()) {
            if (senders[j].send(BODY)) {
              sent.increment();
              progressed = true;
            } else {
              windows[j].release();
            }
          }
        }
        if (!progressed) {
          LockSupport.parkNanos(1_000_000); // a receiver of these pairs unparks it sooner
        }
      }
    } catch (RuntimeException e) {
      errors.add(e.toString());
    }
  }

  private static ThroughputResult failed(Task task, String error) {
    return new ThroughputResult(task.client(), task.target().server(), task.pairs(), task.window(), 0, 0,
        new Cpu.Usage(0, 0, 0, 0, 0), 0, 0, 0, 0, 0, List.of(error));
  }
}
