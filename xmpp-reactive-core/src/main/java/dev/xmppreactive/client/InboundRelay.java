package dev.xmppreactive.client;

import java.util.Queue;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.function.Consumer;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;
import reactor.util.concurrent.Queues;

/**
 * One connection's stanzas on their way to the session's {@link InboundHub}: subscribed to them at
 * once, it passes its one subscriber's demand through unchanged (so a subscriber without demand
 * stops the reading), until {@link #drainAll()}: then it takes everything that is left, at once, and
 * holds it for the subscriber. The session drains a connection that has closed: what it read is
 * in memory already (at most a socket buffer's worth), and the session learns at once how the
 * connection ended ({@code onUpstreamEnd}, with the error if it failed), instead of after the
 * subscriber has caught up.
 *
 * <p>The subscriber always completes after the held elements (an upstream error goes to
 * {@code onUpstreamEnd} only), so the hub goes on to the next connection.
 *
 * <p>Threading: upstream signals are serial (the connection's event loop); requests, cancellation
 * and {@link #drainAll()} may come from any thread.
 *
 * @param <T> the element type
 */
final class InboundRelay<T> extends Flux<T> implements CoreSubscriber<T>, Subscription {

  private final Consumer<Throwable> onUpstreamEnd;
  /** Small chunks: it holds nothing while demand passes through, which is nearly always. */
  private final Queue<T> queue = Queues.<T>unbounded(16).get();

  private volatile Subscription upstream;
  private volatile CoreSubscriber<? super T> actual;
  private volatile boolean done;
  private volatile boolean cancelled;
  private volatile boolean draining;

  private volatile long requested;
  @SuppressWarnings("rawtypes")
  private static final AtomicLongFieldUpdater<InboundRelay> REQUESTED =
      AtomicLongFieldUpdater.newUpdater(InboundRelay.class, "requested");

  private volatile int wip;
  @SuppressWarnings("rawtypes")
  private static final AtomicIntegerFieldUpdater<InboundRelay> WIP =
      AtomicIntegerFieldUpdater.newUpdater(InboundRelay.class, "wip");

  private long emitted;

  /** A relay that calls {@code onUpstreamEnd} once, with the error or {@code null}, when upstream ends. */
  InboundRelay(Consumer<Throwable> onUpstreamEnd) {
    this.onUpstreamEnd = onUpstreamEnd;
  }

  @Override
  public void onSubscribe(Subscription s) {
    if (Operators.validate(upstream, s)) {
      upstream = s;
      if (draining) {
        s.request(Long.MAX_VALUE);
      } else {
        long r = requested;
        if (r > 0) {
          s.request(r);
        }
      }
    }
  }

  @Override
  public void onNext(T t) {
    queue.offer(t);
    drain();
  }

  @Override
  public void onError(Throwable t) {
    done = true;
    onUpstreamEnd.accept(t);
    drain();
  }

  @Override
  public void onComplete() {
    done = true;
    onUpstreamEnd.accept(null);
    drain();
  }

  /** Takes everything upstream has left, now, and holds it for the subscriber. */
  void drainAll() {
    draining = true;
    Subscription s = upstream;
    if (s != null) {
      s.request(Long.MAX_VALUE);
    }
  }

  @Override
  public void subscribe(CoreSubscriber<? super T> subscriber) {
    if (actual != null) {
      Operators.error(subscriber, new IllegalStateException("the relay allows one subscriber"));
      return;
    }
    actual = subscriber;
    subscriber.onSubscribe(this);
    drain();
  }

  @Override
  public void request(long n) {
    if (Operators.validate(n)) {
      Operators.addCap(REQUESTED, this, n);
      Subscription s = upstream;
      if (s != null && !draining) {
        s.request(n);
      }
      drain();
    }
  }

  @Override
  public void cancel() {
    cancelled = true;
    Subscription s = upstream;
    if (s != null) {
      s.cancel();
    }
    if (WIP.getAndIncrement(this) == 0) {
      queue.clear();
    }
  }

  private void drain() {
    if (WIP.getAndIncrement(this) != 0) {
      return;
    }
    int missed = 1;
    for (;;) {
      CoreSubscriber<? super T> a = actual;
      if (cancelled) {
        queue.clear();
        return;
      }
      if (a != null) {
        long r = requested;
        while (emitted != r) {
          T v = queue.poll();
          if (v == null) {
            break;
          }
          a.onNext(v);
          emitted++;
          if (cancelled) {
            queue.clear();
            return;
          }
        }
        if (done && queue.isEmpty()) {
          a.onComplete();
          return;
        }
      }
      missed = WIP.addAndGet(this, -missed);
      if (missed == 0) {
        return;
      }
    }
  }
}
