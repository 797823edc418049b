package dev.xmppreactive.benchmarks.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Connects accounts with a bounded number of connects in flight, and records the time from the call
 * to {@code connect} to the bound session of each.
 */
final class Connects {
  private final LoadClient client;
  private final int concurrency;
  private final Latencies latencies = new Latencies();
  private final List<LoadSession> sessions = Collections.synchronizedList(new ArrayList<>());
  private final Set<String> errors = Collections.synchronizedSet(new LinkedHashSet<>());
  private final AtomicInteger failures = new AtomicInteger();
  private double seconds;

  Connects(LoadClient client, int concurrency) {
    this.client = client;
    this.concurrency = Math.max(1, concurrency);
  }

  /**
   * Connects accounts {@code first} to {@code first + count - 1}, at most {@link #concurrency} at a
   * time, and waits for all of them (or until {@code timeoutSeconds} pass).
   *
   * @return whether every connect ended (successfully or not) in time
   */
  boolean connect(int first, int count, double timeoutSeconds) throws InterruptedException {
    Semaphore slots = new Semaphore(concurrency);
    long start = System.nanoTime();
    long deadline = start + (long) (timeoutSeconds * 1e9);
    for (int i = 0; i < count; i++) {
      if (!slots.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        errors.add("timed out after " + timeoutSeconds + " s with connects still pending");
        seconds += (System.nanoTime() - start) / 1e9;
        return false;
      }
      long t0 = System.nanoTime();
      CompletableFuture<LoadSession> f;
      try {
        f = client.connect(first + i);
      } catch (RuntimeException | Error e) {
        f = CompletableFuture.failedFuture(e);
      }
      f.whenComplete((s, e) -> {
        long took = System.nanoTime() - t0;
        if (e == null) {
          latencies.add(took);
          sessions.add(s);
        } else {
          failures.incrementAndGet();
          Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
              ? e.getCause() : e;
          if (errors.size() < 5) {
            errors.add(cause.toString());
          }
        }
        slots.release();
      });
      if (failures.get() > 0) {
        break; // stop ramping at the first failure; what is connected stays
      }
    }
    boolean done = slots.tryAcquire(concurrency, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    if (done) {
      slots.release(concurrency);
    } else {
      errors.add("timed out after " + timeoutSeconds + " s with connects still pending");
    }
    seconds += (System.nanoTime() - start) / 1e9;
    return done;
  }

  /** The sessions connected so far. */
  List<LoadSession> sessions() {
    synchronized (sessions) {
      return List.copyOf(sessions);
    }
  }

  /** How many sessions are connected and still up. */
  int up() {
    return (int) sessions().stream().filter(LoadSession::isUp).count();
  }

  /** How many connects failed. */
  int failures() {
    return failures.get();
  }

  /** The first few distinct errors. */
  List<String> errors() {
    synchronized (errors) {
      return List.copyOf(errors);
    }
  }

  /** Connect latencies so far. */
  Latencies latencies() {
    return latencies;
  }

  /** Seconds spent in {@link #connect} so far. */
  double seconds() {
    return seconds;
  }

  /** Closes every session, waiting at most {@code timeoutSeconds} in all. */
  void closeAll(double timeoutSeconds) {
    List<CompletableFuture<Void>> closing = new ArrayList<>();
    for (LoadSession s : sessions()) {
      try {
        closing.add(s.close().exceptionally(e -> null));
      } catch (RuntimeException e) {
        // closing anyway
      }
    }
    try {
      CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new))
          .get((long) (timeoutSeconds * 1000), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      // the worker exits next; what did not close is cut by the exit
    }
  }
}
