package dev.xmppreactive.client;

import dev.xmppreactive.stanza.Iq;
import dev.xmppreactive.stanza.Stanza;
import java.time.Duration;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The outbound side of a session: stanzas to send, and IQ requests with their replies.
 */
public interface XmppOutbound {

  /**
   * The outbound sink: any number of threads may emit into it at the same time, and no emission fails
   * for being concurrent (it never returns {@code FAIL_NON_SERIALIZED}). Emissions are queued and
   * written in order per thread; the queue is bounded ({@code XmppClient.outboundQueueCapacity}), and
   * past it an emission returns {@code FAIL_OVERFLOW}. Completing the sink closes the session
   * gracefully once what is queued has been written.
   */
  Sinks.Many<Stanza> sink();

  /**
   * Sends a stanza: completes when it has been written to the socket.
   *
   * <p>Threading: completes on the connection's event loop. Backpressure: not applicable.
   * Errors: {@link OutboundOverflowException} if the outbound queue is full;
   * {@link SessionClosedException} if the session is closed.
   */
  Mono<Void> send(Stanza stanza);

  /**
   * Sends a stanza and completes when the server has acknowledged it (XEP-0198 §4: the server has
   * taken responsibility for it). Where Stream Management is off, it completes when written, as
   * {@link #send(Stanza)}. Across a reconnection the stanza is sent again if the server had not
   * acknowledged it, and this completes when the new stream acknowledges it.
   *
   * <p>Threading: completes on a connection's event loop. Backpressure: not applicable.
   * Errors: as {@link #send(Stanza)}; {@link SessionClosedException} if the session ends before the
   * acknowledgement.
   */
  Mono<Void> sendAcked(Stanza stanza);

  /**
   * Sends stanzas in order, each after the previous one was queued, and completes when all were
   * written.
   *
   * <p>Threading: as {@link #send(Stanza)}. Backpressure: requests one stanza at a time from the
   * publisher, as the queue accepts them. Errors: the first failure of {@link #send(Stanza)}, or the
   * publisher's error.
   */
  default Mono<Void> send(Publisher<? extends Stanza> stanzas) {
    return Flux.from(stanzas).concatMap(this::send, 32).then();
  }

  /**
   * Sends an IQ request (get or set) and gives its reply, matched as RFC 6120 §8.2.3 and §10 say: the
   * same id, a result or error type, and from the entity the request was sent to (or, for a request
   * without 'to', from the server on the account's behalf). An id is assigned if it has none.
   * The client's default request timeout applies.
   *
   * <p>Threading: the reply is signalled on the connection's event loop. Backpressure: one value.
   * Errors: {@code StanzaErrorException} for an error reply; {@link IqTimeoutException} when no reply
   * comes in time; {@link SessionClosedException} if the session closes first.
   */
  Mono<Iq> request(Iq request);

  /**
   * As {@link #request(Iq)}, with its own timeout.
   *
   * <p>Threading, backpressure and errors: as {@link #request(Iq)}.
   */
  Mono<Iq> request(Iq request, Duration timeout);
}
