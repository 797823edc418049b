package dev.xmppreactive.client;

import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.publisher.SignalType;
import reactor.core.publisher.Sinks;
import reactor.util.annotation.Nullable;
import reactor.util.concurrent.Queues;

/**
 * The session's outbound sink: a {@link Sinks.Many} that any number of threads may emit into at the
 * same time. Unlike Reactor's own sinks, concurrent emissions never fail with
 * {@link Sinks.EmitResult#FAIL_NON_SERIALIZED}: each one is added to a lock-free multi-producer queue
 * that the connection's writer drains on its event loop.
 *
 * <p>The queue is bounded: past {@code capacity} waiting elements, {@link #tryEmitNext} returns
 * {@link Sinks.EmitResult#FAIL_OVERFLOW} and {@link #enqueue} fails with {@link OutboundOverflowException}.
 * Elements wait here while the session is disconnected. After {@link #tryEmitComplete()} (or an error)
 * nothing more is accepted ({@link Sinks.EmitResult#FAIL_TERMINATED}); what is queued is still written.
 *
 * <p>{@link #asFlux()} shows the elements as they are written to a connection (a hot view, for logging
 * and tests); it does not consume them.
 *
 * @param <T> the element type
 */
final class OutboundQueue<T> implements Sinks.Many<T> {

  /**
   * An element with the callback of the {@code send} that queued it, if any.
   *
   * @param ackWanted whether the callback waits for the server's acknowledgement (XEP-0198) rather
   *                  than the write
   */
  record Entry<T>(T value, @Nullable MonoSink<Void> done, boolean ackWanted) {
  }

  private final int capacity;
  private final Queue<Entry<T>> queue = Queues.<Entry<T>>unboundedMultiproducer().get();
  private final AtomicInteger size = new AtomicInteger();
  private final Sinks.Many<T> written = Sinks.many().multicast().directBestEffort();
  private volatile boolean terminated;
  private volatile Runnable listener = () -> { };
  private volatile Runnable onTerminate = () -> { };

  OutboundQueue(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
  }

  /** Sets what to run after each element is queued (the writer schedules a drain); any thread. */
  void onEnqueue(Runnable r) {
    this.listener = r;
  }

  /** Sets what to run when the sink is completed or errored by its user. */
  void onTerminate(Runnable r) {
    this.onTerminate = r;
  }

  /** The bound. */
  int capacity() {
    return capacity;
  }

  /** How many elements wait. */
  int size() {
    return size.get();
  }

  /** Whether the user completed or errored the sink. */
  boolean isTerminated() {
    return terminated;
  }

  /** Takes every waiting element (when the session ends, to fail their senders). */
  java.util.List<Entry<T>> drain() {
    java.util.List<Entry<T>> out = new java.util.ArrayList<>();
    Entry<T> e;
    while ((e = poll()) != null) {
      out.add(e);
    }
    return out;
  }

  /** Takes the next element, or {@code null}; called by the single writer. */
  @Nullable
  Entry<T> poll() {
    Entry<T> e = queue.poll();
    if (e != null) {
      size.decrementAndGet();
    }
    return e;
  }

  /** Puts an element back at the end of the queue, ignoring the bound (used when resending). */
  void requeue(Entry<T> e) {
    size.incrementAndGet();
    queue.offer(e);
    listener.run();
  }

  /** Tells the {@link #asFlux()} view that an element was written. */
  void written(T value) {
    if (written.currentSubscriberCount() > 0) {
      written.tryEmitNext(value);
    }
  }

  /**
   * Queues an element and completes when the writer has handled it (what "handled" means is up to the
   * writer: written to the socket, or acknowledged by the server).
   */
  Mono<Void> enqueue(T value) {
    return enqueue(value, false);
  }

  /** As {@link #enqueue(Object)}; with {@code ackWanted}, completion waits for the server's ack. */
  Mono<Void> enqueue(T value, boolean ackWanted) {
    return Mono.create(sink -> {
      Sinks.EmitResult r = offer(new Entry<>(value, sink, ackWanted));
      if (r == Sinks.EmitResult.FAIL_OVERFLOW) {
        sink.error(new OutboundOverflowException(capacity));
      } else if (r == Sinks.EmitResult.FAIL_TERMINATED) {
        sink.error(new SessionClosedException("the session's outbound side is closed"));
      }
    });
  }

  private Sinks.EmitResult offer(Entry<T> e) {
    if (terminated) {
      return Sinks.EmitResult.FAIL_TERMINATED;
    }
    if (size.incrementAndGet() > capacity) {
      size.decrementAndGet();
      return Sinks.EmitResult.FAIL_OVERFLOW;
    }
    queue.offer(e);
    listener.run();
    return Sinks.EmitResult.OK;
  }

  @Override
  public Sinks.EmitResult tryEmitNext(T t) {
    return offer(new Entry<>(t, null, false));
  }

  @Override
  public Sinks.EmitResult tryEmitComplete() {
    if (terminated) {
      return Sinks.EmitResult.FAIL_TERMINATED;
    }
    terminated = true;
    onTerminate.run();
    return Sinks.EmitResult.OK;
  }

  @Override
  public Sinks.EmitResult tryEmitError(Throwable error) {
    return tryEmitComplete();
  }

  @Override
  public void emitNext(T t, Sinks.EmitFailureHandler failureHandler) {
    for (;;) {
      Sinks.EmitResult r = tryEmitNext(t);
      if (r.isSuccess()) {
        return;
      }
      if (!failureHandler.onEmitFailure(SignalType.ON_NEXT, r)) {
        if (r == Sinks.EmitResult.FAIL_OVERFLOW) {
          throw new OutboundOverflowException(capacity);
        }
        throw new Sinks.EmissionException(r, "the session's outbound sink refused the stanza");
      }
    }
  }

  @Override
  public void emitComplete(Sinks.EmitFailureHandler failureHandler) {
    tryEmitComplete();
  }

  @Override
  public void emitError(Throwable error, Sinks.EmitFailureHandler failureHandler) {
    tryEmitError(error);
  }

  /** Always 1: the session is this sink's one consumer, connected or not. */
  @Override
  public int currentSubscriberCount() {
    return 1;
  }

  @Override
  public Flux<T> asFlux() {
    return written.asFlux();
  }

  @Override
  @Nullable
  public Object scanUnsafe(Attr key) {
    if (key == Attr.BUFFERED) {
      return size.get();
    }
    if (key == Attr.CAPACITY) {
      return capacity;
    }
    if (key == Attr.TERMINATED) {
      return terminated;
    }
    return null;
  }
}
