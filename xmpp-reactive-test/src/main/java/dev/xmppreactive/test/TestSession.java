package dev.xmppreactive.test;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Stanza;
import dev.xmppreactive.stream.StreamError;
import dev.xmppreactive.stream.StreamErrorCondition;
import java.time.Duration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The server's side of one client session of a test server, from resource binding (RFC 6120 §7) to
 * its end, for a test to watch and script: what the client sent ({@link #received()}), what to do with
 * what it sends ({@link #intercept}), and faults to inject (a raw write, a stream error, a dropped
 * connection, a delay). With XEP-0198 resumption, one session can outlive its connection.
 *
 * <p>The methods that write ({@link #send}, {@link #sendRaw}, {@link #sendStreamError},
 * {@link #closeStream}) queue their write at once, in order with the stanzas the server delivers to
 * the session, and return without waiting for it. Thread-safe.
 */
public interface TestSession {

  /** The full JID the session bound. */
  Jid jid();

  /** The account's username (the JID's localpart). */
  default String user() {
    return jid().localpart();
  }

  /** The SASL mechanism the client authenticated with before it bound the session (RFC 6120 §6). */
  String mechanism();

  /** Whether the client enabled stream management (XEP-0198 §3). */
  boolean isStreamManaged();

  /** Whether the session can be resumed after its connection is lost (XEP-0198 §5). */
  boolean isResumable();

  /** Whether a connection carries the session now (false while it waits for resumption, or ended). */
  boolean isConnected();

  /** Whether the session has ended. */
  boolean isEnded();

  /**
   * The stanzas the server received from the client in this session, with their 'from' stamped
   * (RFC 6120 §8.1.2.1), before any interceptor saw them: replayed from the session's start to each
   * subscriber, up to the server's record limit ({@link XmppTestServer#recordLimit(int)}; older ones
   * are forgotten), then live.
   *
   * <p>Threading: live stanzas are signalled on the connection's event loop; do not block there.
   * Backpressure: replayed from a bounded buffer at the subscriber's pace. Errors: none; completes
   * when the session ends.
   */
  Flux<Stanza> received();

  /**
   * Completes when the session ends (the client closed it, the server ended it, or a resumable session
   * was not resumed in time).
   *
   * <p>Threading: any thread. Backpressure: not applicable. Errors: none.
   */
  Mono<Void> onEnd();

  /**
   * Sends a stanza to the client as it is (give it the 'from' it should carry). Counted for XEP-0198
   * like every stanza the server sends.
   */
  void send(Stanza stanza);

  /**
   * Writes raw UTF-8 text to the connection, unchecked: a broken element, text where none belongs, or
   * a stanza that XEP-0198 then does not count. Nothing is written while the session has no
   * connection.
   */
  void sendRaw(String text);

  /**
   * Sends a stream error (RFC 6120 §4.9), closes the stream and the connection, and ends the session.
   */
  void sendStreamError(StreamError error);

  /** As {@link #sendStreamError(StreamError)} with a condition and no text. */
  default void sendStreamError(StreamErrorCondition condition) {
    sendStreamError(StreamError.of(condition, null));
  }

  /**
   * Closes the stream gracefully from the server's side ({@code </stream:stream>}, RFC 6120 §4.4),
   * then the connection, and ends the session.
   */
  void closeStream();

  /**
   * Drops the connection abruptly: the TCP connection closes without {@code </stream:stream>}, as a
   * network failure would. A resumable session then waits for the client to resume it; any other ends.
   */
  void dropConnection();

  /**
   * Delays everything written to this session from now on by this much (stanzas, stream management
   * elements and the session's own writes), order kept. {@link Duration#ZERO} stops delaying.
   *
   * @throws IllegalArgumentException if the delay is negative
   */
  void delayDeliveries(Duration delay);

  /**
   * Sets the interceptor of this session's inbound stanzas (it runs before the server's own); {@code
   * null} removes it.
   */
  void intercept(StanzaInterceptor interceptor);
}
