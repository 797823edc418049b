package dev.xmppreactive.client;

import java.util.Objects;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * The one subscriber of a connection's inbound objects (Reactor Netty allows one per connection). It
 * serves them first one at a time to the negotiation ({@link #next()}, each call requesting exactly
 * one), then hands the rest, with demand passed through unchanged, to a single session subscriber
 * ({@link #takeover()}). So nothing is read from the socket before someone asked for it, and nothing
 * read is lost between the two phases.
 *
 * <p>Threading: signals arrive on the connection's event loop; {@link #next()} and the session
 * subscriber's requests may come from any thread. The negotiation calls {@code next()} only after the
 * previous one completed.
 */
final class InboundPump implements CoreSubscriber<Object> {

  private final Object lock = new Object();
  private Subscription upstream;
  private MonoSink<Object> waiter;
  private CoreSubscriber<? super Object> session;
  private boolean sessionReady;
  private boolean terminalDelivered;
  private Throwable error;
  private boolean done;
  private long pendingRequest;

  /** Subscribes the pump to a connection's inbound objects. */
  static InboundPump attach(Flux<?> inbound) {
    InboundPump pump = new InboundPump();
    inbound.subscribe(pump);
    return pump;
  }

  @Override
  public void onSubscribe(Subscription s) {
    long toRequest;
    synchronized (lock) {
      upstream = s;
      toRequest = pendingRequest;
      pendingRequest = 0;
    }
    if (toRequest > 0) {
      s.request(toRequest);
    }
  }

  /**
   * The next inbound object. Completes empty if the connection ended, fails with its error if it
   * failed.
   */
  Mono<Object> next() {
    return Mono.create(sink -> {
      Subscription s;
      synchronized (lock) {
        if (session != null) {
          sink.error(new IllegalStateException("the session has taken over the inbound objects"));
          return;
        }
        if (waiter != null) {
          sink.error(new IllegalStateException("next() while another next() is pending"));
          return;
        }
        if (done) {
          terminal(sink);
          return;
        }
        waiter = sink;
        // A cancelled next() (a negotiation timeout) gives up its place; the connection is then being
        // closed, so an object that still arrives for it is dropped.
        sink.onCancel(() -> {
          synchronized (lock) {
            if (waiter == sink) {
              waiter = null;
            }
          }
        });
        s = upstream;
        if (s == null) {
          pendingRequest++;
        }
      }
      if (s != null) {
        s.request(1);
      }
    });
  }

  private void terminal(MonoSink<Object> sink) {
    if (error != null) {
      sink.error(error);
    } else {
      sink.success();
    }
  }

  /**
   * The remaining inbound objects, for one subscriber; its demand is passed to the connection as it is.
   */
  Flux<Object> takeover() {
    return new Flux<>() {
      @Override
      public void subscribe(CoreSubscriber<? super Object> actual) {
        synchronized (lock) {
          if (session != null || waiter != null) {
            Operators.error(actual,
                new IllegalStateException("the inbound objects are already being consumed"));
            return;
          }
          session = actual;
        }
        actual.onSubscribe(new Subscription() {
          @Override
          public void request(long n) {
            Subscription s;
            synchronized (lock) {
              s = upstream;
              if (s == null) {
                pendingRequest = Operators.addCap(pendingRequest, n);
              }
            }
            if (s != null) {
              s.request(n);
            }
          }

          @Override
          public void cancel() {
            Subscription s;
            synchronized (lock) {
              s = upstream;
            }
            if (s != null) {
              s.cancel();
            }
          }
        });
        // A terminal signal that came before onSubscribe returned is delivered now, once.
        boolean deliver;
        synchronized (lock) {
          sessionReady = true;
          deliver = done && !terminalDelivered;
          terminalDelivered |= deliver;
        }
        if (deliver) {
          if (error != null) {
            actual.onError(error);
          } else {
            actual.onComplete();
          }
        }
      }
    };
  }

  /** Cancels the upstream (the connection's inbound). */
  void cancel() {
    Subscription s;
    synchronized (lock) {
      s = upstream;
    }
    if (s != null) {
      s.cancel();
    }
  }

  /** Under the lock: the session subscriber, if it is ready for a terminal signal not yet given. */
  private CoreSubscriber<? super Object> terminalTarget() {
    if (session != null && sessionReady && !terminalDelivered) {
      terminalDelivered = true;
      return session;
    }
    return null;
  }

  @Override
  public void onNext(Object o) {
    Objects.requireNonNull(o, "o");
    MonoSink<Object> w;
    CoreSubscriber<? super Object> sub;
    synchronized (lock) {
      w = waiter;
      waiter = null;
      sub = session;
    }
    if (w != null) {
      w.success(o);
    } else if (sub != null) {
      sub.onNext(o);
    } else {
      Operators.onNextDropped(o, Context.empty()); // never requested: a bug upstream
    }
  }

  @Override
  public void onError(Throwable t) {
    MonoSink<Object> w;
    CoreSubscriber<? super Object> sub;
    synchronized (lock) {
      error = t;
      done = true;
      w = waiter;
      waiter = null;
      sub = terminalTarget();
    }
    if (w != null) {
      w.error(t);
    } else if (sub != null) {
      sub.onError(t);
    }
  }

  @Override
  public void onComplete() {
    MonoSink<Object> w;
    CoreSubscriber<? super Object> sub;
    synchronized (lock) {
      done = true;
      w = waiter;
      waiter = null;
      sub = terminalTarget();
    }
    if (w != null) {
      w.success();
    } else if (sub != null) {
      sub.onComplete();
    }
  }
}
