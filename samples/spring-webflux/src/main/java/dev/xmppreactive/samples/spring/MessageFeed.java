package dev.xmppreactive.samples.spring;

import dev.xmppreactive.stanza.Message;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The session's received messages with a body, shared among any number of browsers, none of which
 * can slow the session down: one subscription takes every message from the session at once (so the
 * session never stops reading for a browser), and each listener has its own bounded buffer
 * ({@link #BUFFER} messages; past it, its oldest are dropped). A message that arrives while no one
 * listens is not kept.
 *
 * <p>Its phase is Spring's default, above the web server's: when the context stops, the feed
 * completes first, so the open event streams end and the web server's graceful shutdown does not
 * wait for them.
 */
public final class MessageFeed implements SmartLifecycle {

  /** How many messages each listener may fall behind before its oldest are dropped. */
  public static final int BUFFER = 256;

  private static final Logger log = LoggerFactory.getLogger(MessageFeed.class);

  private final ManagedXmppSession session;
  private volatile Sinks.Many<Message> sink = Sinks.many().multicast().directBestEffort();
  private volatile Disposable subscription;

  /** A feed of this session's messages, not yet started. */
  public MessageFeed(ManagedXmppSession session) {
    this.session = Objects.requireNonNull(session, "session");
  }

  /**
   * The messages received from now on.
   *
   * <p>Threading: signalled on the XMPP connection's event loop, or on the thread that requests
   * from the buffer. Backpressure: a buffer of {@link #BUFFER} per subscriber, dropping the oldest
   * past it. Errors: none; completes when the feed stops (the application stops, or the session ends
   * for good).
   */
  public Flux<Message> messages() {
    return sink.asFlux().onBackpressureBuffer(BUFFER,
        dropped -> log.debug("a slow listener missed {}", dropped.id()),
        BufferOverflowStrategy.DROP_OLDEST);
  }

  /**
   * Completes when the feed stops (at once if it has).
   *
   * <p>Threading: completes on the thread that stops the feed. Backpressure: not applicable.
   * Errors: none.
   */
  public Mono<Void> ended() {
    return sink.asFlux().then();
  }

  @Override
  public void start() {
    if (subscription != null) {
      // Started again after a stop: the old sink has completed its listeners.
      sink = Sinks.many().multicast().directBestEffort();
    }
    Sinks.Many<Message> sink = this.sink;
    // One thread emits (the session's inbound side is serial), so a plain tryEmit suffices; with no
    // listener, FAIL_ZERO_SUBSCRIBER drops the message, as documented.
    subscription = session.session().messages()
        .filter(m -> m.body() != null)
        .subscribe(sink::tryEmitNext, e -> sink.tryEmitComplete(), sink::tryEmitComplete);
  }

  @Override
  public void stop() {
    Disposable d = subscription;
    if (d != null) {
      d.dispose();
    }
    sink.tryEmitComplete();
  }

  @Override
  public boolean isRunning() {
    Disposable d = subscription;
    return d != null && !d.isDisposed();
  }
}
