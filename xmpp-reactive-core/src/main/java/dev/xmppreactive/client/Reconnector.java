package dev.xmppreactive.client;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.sasl.SaslException;
import dev.xmppreactive.sasl.SaslSettings;
import dev.xmppreactive.stream.StreamErrorCondition;
import dev.xmppreactive.stream.StreamErrorException;
import dev.xmppreactive.tls.TlsException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.util.retry.Retry;

/**
 * Gets a lost session back on a new connection: connects and secures (preferring the location the
 * server gave for resumption, XEP-0198 §3), authenticates, and resumes the stream or binds anew, as
 * often as the client's {@link Retry} spec allows. The loss itself counts as the first failure, so the
 * spec's backoff applies before the first attempt too, and {@code Retry.max(0)} never reconnects.
 *
 * <p>Failures that retrying cannot mend end the reconnection at once: see {@link #isFinal}.
 */
final class Reconnector {

  private static final Logger log = LoggerFactory.getLogger(Reconnector.class);

  /** What a successful attempt gives. */
  record Result(XmppConnection connection, Negotiated negotiated) {
  }

  private final Connector connector;
  private final SaslSettings sasl;
  private final Jid account;
  private final Retry spec;
  private final Duration timeout;
  private final Scheduler timer;

  Reconnector(Connector connector, SaslSettings sasl, Jid account, Retry spec, Duration timeout,
              Scheduler timer) {
    this.connector = connector;
    this.sasl = sasl;
    this.account = account;
    this.spec = spec;
    this.timeout = timeout;
    this.timer = timer;
  }

  /**
   * Reconnects.
   *
   * <p>Threading: signals on a connection event loop or the timer. Errors: the last attempt's
   * failure when the spec gives up, or at once a final one.
   *
   * @param lost      why the connection was lost (the first failure the spec sees)
   * @param sm        what to do about Stream Management (resume, enable)
   * @param location  the server's preferred location for resumption, or {@code null}
   * @param onAttempt told each attempt's number as it starts
   */
  Mono<Result> reconnect(Throwable lost, SmRequest sm, String location, LongConsumer onAttempt) {
    AtomicBoolean first = new AtomicBoolean(true);
    AtomicLong attempts = new AtomicLong();
    ConnectAddress preferred = parseLocation(location);
    return Mono.defer(() -> {
      if (first.getAndSet(false)) {
        return Mono.<Result>error(lost);
      }
      long attempt = attempts.incrementAndGet();
      onAttempt.accept(attempt);
      long start = timer.now(TimeUnit.NANOSECONDS);
      long[] secured = {0};
      return connector.connectAndSecure(preferred)
          .doOnNext(n -> secured[0] = timer.now(TimeUnit.NANOSECONDS))
          .flatMap(n -> n.authenticate(sasl, account, sm).map(r -> new Result(n.connection(), r)))
          .timeout(timeout, timer)
          .doOnNext(r -> log.debug("{}: reconnection attempt {} took {} ms to secure, {} ms to log"
                  + " in and {}", account, attempt, millis(start, secured[0]),
              millis(secured[0], timer.now(TimeUnit.NANOSECONDS)),
              r.negotiated().sm().resumed() ? "resume" : "bind"))
          .doOnError(e -> log.debug("{}: reconnection attempt {} failed after {} ms ({}): {}",
              account, attempt, millis(start, timer.now(TimeUnit.NANOSECONDS)),
              secured[0] == 0 ? "not yet secured" : "secured after " + millis(start, secured[0])
                  + " ms", e.toString()));
    }).retryWhen(Retry.from(signals -> spec.generateCompanion(signals.map(s -> {
      if (isFinal(s.failure())) {
        throw Exceptions.propagate(s.failure());
      }
      return s;
    }))))
        // A spec that gives up says so with its own exception; the session ends with the real cause.
        .onErrorMap(Exceptions::isRetryExhausted, e -> e.getCause() != null ? e.getCause() : e);
  }

  private static long millis(long fromNanos, long toNanos) {
    return (toNanos - fromNanos) / 1_000_000;
  }

  private ConnectAddress parseLocation(String location) {
    if (location == null || location.isBlank()) {
      return null;
    }
    try {
      return Connector.parseHostPort(location.strip(), connector.directTls());
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * Whether a failure is one that reconnecting cannot mend: the credentials were refused (other than
   * {@code temporary-auth-failure}), TLS was refused (an untrusted certificate will not become
   * trusted; a handshake that was merely cut short is retried), or a stream error says the session must not come back ({@code conflict}: another
   * session took the resource, and reconnecting would throw it out in turn; {@code not-authorized},
   * {@code host-unknown}, {@code host-gone}, {@code invalid-namespace}, {@code unsupported-version}).
   * {@code policy-violation} is retried: ejabberd and Prosody send it when a client's unacknowledged
   * stanzas pass their queue's bound (XEP-0198), which a slow subscriber can cause; the session comes
   * back on a new stream, and the events say the old one was lost.
   */
  static boolean isFinal(Throwable e) {
    if (e instanceof SaslException se) {
      return !se.isRetryable();
    }
    if (e instanceof TlsException te) {
      // A handshake cut short (the connection closed, a timeout) may go through next time; a
      // certificate, an identity, a protocol version or the configuration will not change.
      return te.reason() != TlsException.Reason.HANDSHAKE_FAILED;
    }
    if (e instanceof StreamErrorException se) {
      StreamErrorCondition c = se.condition();
      return c == StreamErrorCondition.CONFLICT || c == StreamErrorCondition.NOT_AUTHORIZED
          || c == StreamErrorCondition.HOST_UNKNOWN || c == StreamErrorCondition.HOST_GONE
          || c == StreamErrorCondition.INVALID_NAMESPACE
          || c == StreamErrorCondition.UNSUPPORTED_VERSION;
    }
    return false;
  }
}
