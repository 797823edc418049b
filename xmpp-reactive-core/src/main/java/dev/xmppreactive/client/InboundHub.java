package dev.xmppreactive.client;

import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;
import reactor.util.concurrent.Queues;
import reactor.util.context.Context;

/**
 * The session's one multicast point: a hot {@code Flux} that subscribes once to an upstream (the
 * stanzas of the session's connections, one after another) and shares each element with every
 * subscriber present when it is dispatched.
 *
 * <p>Backpressure: the hub requests at most {@code capacity} elements from upstream ahead of the
 * slowest subscriber, and an element is dispatched only when every current subscriber has demand for
 * it. So the slowest subscriber sets the pace, and with no demand the upstream (and, through Reactor
 * Netty, the socket) is not read. While there is no subscriber at all, the latest
 * {@code capacity - 1} elements are held for the next subscriber to come (so nothing that arrives between connecting and
 * subscribing is lost), and older ones are discarded (counted in {@link #discarded()}): reading goes
 * on, so a session that only sends still reads its acknowledgements, replies and stream errors.
 *
 * <p>Terminal signals are delivered after the held elements, to current subscribers and to any later
 * one.
 *
 * @param <T> the element type
 */
final class InboundHub<T> extends Flux<T> implements CoreSubscriber<T>, Disposable {

  private final int capacity;
  private final int limit;
  private final Queue<T> queue;
  /** How many elements the queue may hold before an offer is an upstream's overflow. */
  private final int bound;

  private volatile Subscription upstream;
  @SuppressWarnings("rawtypes")
  private static final AtomicReferenceFieldUpdater<InboundHub, Subscription> UPSTREAM =
      AtomicReferenceFieldUpdater.newUpdater(InboundHub.class, Subscription.class, "upstream");

  @SuppressWarnings("unchecked")
  private volatile Inner<T>[] subscribers = EMPTY;
  @SuppressWarnings("rawtypes")
  private static final Inner[] EMPTY = new Inner[0];
  @SuppressWarnings("rawtypes")
  private static final Inner[] TERMINATED = new Inner[0];
  @SuppressWarnings("rawtypes")
  private static final AtomicReferenceFieldUpdater<InboundHub, Inner[]> SUBSCRIBERS =
      AtomicReferenceFieldUpdater.newUpdater(InboundHub.class, Inner[].class, "subscribers");

  private volatile int wip;
  @SuppressWarnings("rawtypes")
  private static final AtomicIntegerFieldUpdater<InboundHub> WIP =
      AtomicIntegerFieldUpdater.newUpdater(InboundHub.class, "wip");

  private volatile long discarded;
  @SuppressWarnings("rawtypes")
  private static final AtomicLongFieldUpdater<InboundHub> DISCARDED =
      AtomicLongFieldUpdater.newUpdater(InboundHub.class, "discarded");

  /** Elements requested from upstream so far, and received: equal when reading is paused. */
  private volatile long requestedUp;
  private volatile long receivedUp;
  @SuppressWarnings("rawtypes")
  private static final AtomicLongFieldUpdater<InboundHub> REQUESTED_UP =
      AtomicLongFieldUpdater.newUpdater(InboundHub.class, "requestedUp");

  private volatile boolean done;
  private Throwable error;
  private int consumed;

  /**
   * Creates a hub.
   *
   * @param capacity how many elements it may hold ahead of the slowest subscriber
   */
  InboundHub(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
    this.limit = Math.max(1, capacity - (capacity >> 2));
    // A queue of linked small arrays, not one array of `capacity` slots: an idle session's queue is
    // about a hundred bytes rather than a kilobyte. `bound` keeps the overflow check of a bounded one.
    this.queue = capacity == 1 ? Queues.<T>one().get() : Queues.<T>unbounded(16).get();
    this.bound = capacity == 1 ? 1 : Queues.ceilingNextPowerOfTwo(capacity);
  }

  @Override
  public void onSubscribe(Subscription s) {
    if (Operators.setOnce(UPSTREAM, this, s)) {
      requestUp(s, capacity);
    }
  }

  @Override
  public void onNext(T t) {
    receivedUp++; // onNext is serial
    if (done) {
      Operators.onNextDropped(t, Context.empty());
      return;
    }
    if (queue.size() >= bound || !queue.offer(t)) {
      // The upstream sent more than it was asked for.
      onError(Operators.onOperatorError(upstream,
          new IllegalStateException("the inbound hub received more elements than it requested"),
          t, Context.empty()));
      return;
    }
    drain();
  }

  @Override
  public void onError(Throwable t) {
    if (done) {
      Operators.onErrorDropped(t, Context.empty());
      return;
    }
    error = t;
    done = true;
    drain();
  }

  @Override
  public void onComplete() {
    done = true;
    drain();
  }

  /** Cancels the upstream; current and later subscribers complete after the held elements. */
  @Override
  public void dispose() {
    Operators.terminate(UPSTREAM, this);
    done = true;
    drain();
  }

  @Override
  public boolean isDisposed() {
    return done;
  }

  /**
   * Whether the hub holds as many elements as it may: then it requests nothing from upstream, and the
   * session is not reading from its socket.
   */
  boolean isFull() {
    return queue.size() >= capacity;
  }

  /**
   * Whether reading is paused: everything requested from upstream has arrived, so nothing more is
   * read from the socket until a subscriber's demand frees room (see {@link #buffered()}). False
   * before the hub is subscribed and after it terminated.
   */
  boolean readingPaused() {
    return upstream != null && !done && receivedUp >= requestedUp;
  }

  /** How many elements the hub holds for its subscribers now. */
  int buffered() {
    return queue.size();
  }

  private void requestUp(Subscription s, long n) {
    REQUESTED_UP.addAndGet(this, n); // before: the request may deliver at once
    s.request(n);
  }

  /** How many elements were discarded because no one subscribed (see the class comment). */
  long discarded() {
    return discarded;
  }

  /** The number of current subscribers. */
  int subscriberCount() {
    return subscribers.length;
  }

  @Override
  public void subscribe(CoreSubscriber<? super T> actual) {
    Inner<T> inner = new Inner<>(actual, this);
    actual.onSubscribe(inner);
    if (add(inner)) {
      if (inner.isCancelled()) {
        remove(inner);
      }
      drain();
    } else {
      // Already terminated: only the terminal signal remains (held elements went to others).
      Throwable e = error;
      if (e != null) {
        actual.onError(e);
      } else {
        actual.onComplete();
      }
    }
  }

  @SuppressWarnings("unchecked")
  private boolean add(Inner<T> inner) {
    for (;;) {
      Inner<T>[] a = subscribers;
      if (a == TERMINATED) {
        return false;
      }
      Inner<T>[] b = Arrays.copyOf(a, a.length + 1);
      b[a.length] = inner;
      if (SUBSCRIBERS.compareAndSet(this, a, b)) {
        return true;
      }
    }
  }

  @SuppressWarnings("unchecked")
  void remove(Inner<T> inner) {
    for (;;) {
      Inner<T>[] a = subscribers;
      if (a == TERMINATED || a == EMPTY) {
        return;
      }
      int j = -1;
      for (int i = 0; i < a.length; i++) {
        if (a[i] == inner) {
          j = i;
          break;
        }
      }
      if (j < 0) {
        return;
      }
      Inner<T>[] b;
      if (a.length == 1) {
        b = EMPTY;
      } else {
        b = new Inner[a.length - 1];
        System.arraycopy(a, 0, b, 0, j);
        System.arraycopy(a, j + 1, b, j, a.length - j - 1);
      }
      if (SUBSCRIBERS.compareAndSet(this, a, b)) {
        return;
      }
    }
  }

  void drain() {
    if (WIP.getAndIncrement(this) != 0) {
      return;
    }
    int missed = 1;
    for (;;) {
      Inner<T>[] subs = subscribers;
      if (subs == TERMINATED) {
        return;
      }
      long min = Long.MAX_VALUE;
      int active = 0;
      for (Inner<T> s : subs) {
        long r = s.requested;
        if (r != Long.MIN_VALUE) {
          active++;
          min = Math.min(min, r - s.emitted);
        }
      }
      if (active > 0) {
        long e = 0;
        while (e != min) {
          boolean d = done;
          T v = queue.poll();
          if (v == null) {
            if (d) {
              terminate();
              return;
            }
            break;
          }
          for (Inner<T> s : subs) {
            if (s.requested != Long.MIN_VALUE) {
              s.emitted++;
              s.actual.onNext(v);
            }
          }
          e++;
          replenish();
          if (subscribers != subs) {
            break;
          }
        }
        if (done && queue.isEmpty()) {
          terminate();
          return;
        }
        if (subscribers != subs) {
          continue; // someone came or left: recompute the demand before going idle
        }
      } else if (done && queue.isEmpty()) {
        terminate(); // nothing held: later subscribers get the terminal signal at once
        return;
      } else if (!done) {
        // No one listens: keep the latest 'capacity' and go on reading (see the class comment).
        // Nothing is requested exactly when the held and the consumed-but-not-yet-re-requested
        // fill the capacity; each discarded element is then requested again on its own.
        Subscription s = upstream;
        while (s != null && queue.size() + consumed >= capacity && queue.poll() != null) {
          DISCARDED.incrementAndGet(this);
          requestUp(s, 1);
        }
      }
      missed = WIP.addAndGet(this, -missed);
      if (missed == 0) {
        return;
      }
    }
  }

  private void replenish() {
    if (++consumed == limit) {
      consumed = 0;
      Subscription s = upstream;
      if (s != null) {
        requestUp(s, limit);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private void terminate() {
    Inner<T>[] subs = SUBSCRIBERS.getAndSet(this, TERMINATED);
    Throwable e = error;
    for (Inner<T> s : subs) {
      if (e != null) {
        s.actual.onError(e);
      } else {
        s.actual.onComplete();
      }
    }
  }

  /** One subscriber of the hub. */
  static final class Inner<T> implements Subscription {
    final CoreSubscriber<? super T> actual;
    final InboundHub<T> parent;
    volatile long requested;
    @SuppressWarnings("rawtypes")
    static final AtomicLongFieldUpdater<Inner> REQUESTED =
        AtomicLongFieldUpdater.newUpdater(Inner.class, "requested");
    /** Written only inside the hub's drain loop. */
    long emitted;

    Inner(CoreSubscriber<? super T> actual, InboundHub<T> parent) {
      this.actual = actual;
      this.parent = parent;
    }

    @Override
    public void request(long n) {
      if (Operators.validate(n)) {
        for (;;) {
          long r = requested;
          if (r == Long.MIN_VALUE) {
            return; // cancelled
          }
          if (REQUESTED.compareAndSet(this, r, Operators.addCap(r, n))) {
            break;
          }
        }
        parent.drain();
      }
    }

    @Override
    public void cancel() {
      if (REQUESTED.getAndSet(this, Long.MIN_VALUE) != Long.MIN_VALUE) {
        parent.remove(this);
        parent.drain();
      }
    }

    boolean isCancelled() {
      return requested == Long.MIN_VALUE;
    }
  }
}
