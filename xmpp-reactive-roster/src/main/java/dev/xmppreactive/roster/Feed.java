package dev.xmppreactive.roster;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Exceptions;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * A hot feed of changes to any number of subscribers, each with a buffer of its own: a slow
 * subscriber holds up no one, and one that lets more than the capacity wait is cut off (its upstream
 * cancelled): it gets what its buffer holds, then {@link ChangeOverflowException}.
 *
 * <p>Changes are {@link #offer offered} under the owner's lock, in the order the state changed, and
 * {@link #drain drained} to the subscribers after the lock is released: subscribers' code never runs
 * under the owner's lock (so it may call back into the roster from any feed), and the order holds
 * across threads, as one thread at a time drains the queue in order. The queue is drained right
 * after each offer, by the offering thread or the one already draining, so it holds no more than
 * the changes of the moment.
 *
 * @param <T> the change type
 */
final class Feed<T> {

  private static final Logger log = LoggerFactory.getLogger(Feed.class);

  private final String name;
  private final int capacity;
  private final Sinks.Many<T> sink = Sinks.many().multicast().directBestEffort();
  private final Queue<T> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger wip = new AtomicInteger();
  private volatile boolean completed;

  Feed(String name, int capacity) {
    this.name = name;
    this.capacity = capacity;
  }

  /** Queues a change (under the owner's lock); {@link #drain()} publishes it. */
  void offer(T value) {
    queue.offer(value);
  }

  /** Publishes what is queued, in order, unless another thread is doing it. */
  void drain() {
    if (wip.getAndIncrement() != 0) {
      return;
    }
    int missed = 1;
    do {
      T v;
      while ((v = queue.poll()) != null) {
        publish(v);
      }
      if (completed) {
        sink.tryEmitComplete();
      }
      missed = wip.addAndGet(-missed);
    } while (missed != 0);
  }

  /** Offers and drains at once (for owners that hold no lock). */
  void emit(T value) {
    offer(value);
    drain();
  }

  private void publish(T value) {
    Sinks.EmitResult r = sink.tryEmitNext(value);
    switch (r) {
      case OK, FAIL_ZERO_SUBSCRIBER, FAIL_TERMINATED -> {
        // delivered; or no one listens; or the session has ended: nothing to do
      }
      default -> log.warn("{}: a change could not be emitted: {}", name, r);
    }
  }

  /** Completes the feed after what is queued (the session ended). */
  void complete() {
    completed = true;
    drain();
  }

  /** The feed, from the moment of subscription, with the per-subscriber bound. */
  Flux<T> flux() {
    return sink.asFlux()
        .onBackpressureBuffer(capacity, v -> { }, BufferOverflowStrategy.ERROR)
        .onErrorMap(Exceptions::isOverflow, e -> new ChangeOverflowException(name, capacity));
  }
}
