package dev.xmppreactive.roster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Exceptions;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * A hot feed of changes to any number of subscribers, each with a buffer of its own: a slow
 * subscriber holds up no one, and one that lets more than the capacity wait is cut off (its upstream
 * cancelled): it gets what its buffer holds, then {@link ChangeOverflowException}. Emissions are serialised by the caller (under its lock).
 *
 * @param <T> the change type
 */
final class Feed<T> {

  private static final Logger log = LoggerFactory.getLogger(Feed.class);

  private final String name;
  private final int capacity;
  private final Sinks.Many<T> sink = Sinks.many().multicast().directBestEffort();

  Feed(String name, int capacity) {
    this.name = name;
    this.capacity = capacity;
  }

  /** Publishes a change to the current subscribers. */
  void emit(T value) {
    Sinks.EmitResult r = sink.tryEmitNext(value);
    switch (r) {
      case OK, FAIL_ZERO_SUBSCRIBER, FAIL_TERMINATED -> {
        // delivered; or no one listens; or the session has ended: nothing to do
      }
      case FAIL_OVERFLOW -> log.warn("{}: a subscriber had no demand; a change was not delivered", name);
      default -> log.warn("{}: a change could not be emitted: {}", name, r);
    }
  }

  /** Completes the feed (the session ended). */
  void complete() {
    sink.tryEmitComplete();
  }

  /** The feed, from the moment of subscription, with the per-subscriber bound. */
  Flux<T> flux() {
    return sink.asFlux()
        .onBackpressureBuffer(capacity, v -> { }, BufferOverflowStrategy.ERROR)
        .onErrorMap(Exceptions::isOverflow, e -> new ChangeOverflowException(name, capacity));
  }
}
