package dev.xmppreactive.benchmarks.load;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * IQ round trips on one session: XMPP pings (XEP-0199) to the server, with {@link Task#inFlight()}
 * requests outstanding at all times: each reply sends the next request, from the thread the client
 * delivers the reply on. A failed request is counted and replaced 1 ms later. The first requests are
 * issued from a benchmark thread ({@code bench-issue}), and every wait is bounded, so that a client
 * that stalls still yields what it did (and a dump of its threads) rather than a killed worker.
 */
final class IqRun {
  private static final long REQUEST_TIMEOUT_MILLIS = 120_000;

  private IqRun() {
  }

  static IqResult run(Task task) throws Exception {
    Target t = task.target();
    ScheduledExecutorService retry = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "bench-retry");
      thread.setDaemon(true);
      return thread;
    });
    try (LoadClient client = LoadClient.of(task.client(), t, 1)) {
      LoadSession session = client.connect(task.firstUser()).get((long) task.timeoutSeconds(), TimeUnit.SECONDS);
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger outstanding = new AtomicInteger();
      AtomicLong windowStart = new AtomicLong(Long.MAX_VALUE);
      AtomicLong windowEnd = new AtomicLong(Long.MAX_VALUE);
      LongAdder inWindow = new LongAdder();
      LongAdder failed = new LongAdder();
      Latencies latencies = new Latencies();
      Set<String> errors = Collections.synchronizedSet(new LinkedHashSet<>());
      Runnable[] issue = new Runnable[1];
      issue[0] = () -> {
        if (stop.get()) {
          outstanding.decrementAndGet();
          return;
        }
        long t0 = System.nanoTime();
        session.ping(REQUEST_TIMEOUT_MILLIS, error -> {
          long t1 = System.nanoTime();
          if (error == null) {
            if (t1 >= windowStart.get() && t1 <= windowEnd.get()) {
              inWindow.increment();
              latencies.add(t1 - t0);
            }
            issue[0].run();
          } else {
            failed.increment();
            if (errors.size() < 5) {
              errors.add(error.toString());
            }
            if (session.isUp()) {
              retry.schedule(issue[0], 1, TimeUnit.MILLISECONDS);
            } else {
              outstanding.decrementAndGet();
            }
          }
        });
      };
      LongAdder issued = new LongAdder();
      Thread issuing = new Thread(() -> {
        for (int i = 0; i < task.inFlight() && !stop.get(); i++) {
          outstanding.incrementAndGet();
          issued.increment();
          issue[0].run();
        }
      }, "bench-issue");
      issuing.setDaemon(true);
      issuing.start();
      Thread.sleep((long) (task.warmupSeconds() * 1000));
      Cpu c0 = Cpu.now(t.serverPid());
      windowStart.set(c0.wallNanos());
      Thread.sleep((long) (task.seconds() * 1000));
      Cpu c1 = Cpu.now(t.serverPid());
      windowEnd.set(c1.wallNanos());
      Cpu.Usage cpu = c1.since(c0);
      stop.set(true);
      long deadline = System.nanoTime() + (long) (task.timeoutSeconds() * 1e9);
      while (outstanding.get() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      if (issued.sum() < task.inFlight()) {
        errors.add("only " + issued.sum() + " of the first " + task.inFlight() + " requests could be issued");
      }
      if (outstanding.get() > 0) {
        errors.add(outstanding.get() + " requests still unanswered " + task.timeoutSeconds()
            + " s after the window");
        Histogram.writeThreads(task.label().replace('/', '-') + "-threads.txt");
      }
      long count = inWindow.sum();
      IqResult result = new IqResult(task.client(), t.server(), task.inFlight(), count, count / cpu.wallSeconds(),
          latencies.summary(), cpu, count == 0 ? 0 : cpu.clientSeconds() * 1e6 / count,
          count == 0 ? 0 : cpu.serverSeconds() * 1e6 / count, failed.sum(), List.copyOf(errors));
      Log.info("%s: %d in flight, %,.0f round trips/s, median %.2f ms, p99 %.2f ms; client %.2f cores"
              + " (%.1f us/rt), server %.2f cores, others %.2f; failed %d %s", task.label(), task.inFlight(),
          result.perSecond(), result.latency().p50(), result.latency().p99(), cpu.clientCores(),
          result.clientCpuMicros(), cpu.serverCores(), cpu.otherCores(), result.failed(), result.errors());
      try {
        session.close().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        Log.info("%s: the session did not close in 30 s: %s", task.label(), e);
      }
      return result;
    } finally {
      retry.shutdownNow();
    }
  }
}
