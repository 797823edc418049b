package dev.xmppreactive.client;

import dev.xmppreactive.stanza.Iq;
import dev.xmppreactive.stanza.Message;
import dev.xmppreactive.stanza.Presence;
import dev.xmppreactive.stanza.Stanza;
import reactor.core.publisher.Flux;

/**
 * The inbound side of a session: the stanzas the server sends.
 *
 * <p>All views share one multicast point ({@link #receive()}): each stanza goes to every subscriber
 * present when it is dispatched, and the slowest subscriber sets the pace for all. With no demand the
 * session stops reading from the socket, and the server feels TCP push back. Stanzas that arrive before
 * the first subscriber are held (up to the inbound capacity, {@code XmppClient.inboundCapacity}) for it.
 *
 * <p>What is not here: replies to this session's own {@code request(iq)}, which go to the request's
 * {@code Mono} instead. IQ requests are here for observation only: the session has already answered
 * them (through the handlers registered with {@code XmppClient.iqHandler}, or with
 * {@code service-unavailable}).
 */
public interface XmppInbound {

  /**
   * Every inbound stanza, in the order the server sent it.
   *
   * <p>Threading: signals arrive on the connection's event loop, or on the thread that requested;
   * do not block in them (use {@code publishOn}). Backpressure: honoured down to the socket, as above.
   * Errors: none while the session lives (a reconnection does not end it); completes when the session
   * is closed, or fails with the error that ended it for good.
   */
  Flux<Stanza> receive();

  /**
   * The messages of {@link #receive()}.
   *
   * <p>Threading, backpressure and errors: as {@link #receive()}.
   */
  default Flux<Message> messages() {
    return receive().ofType(Message.class);
  }

  /**
   * The presences of {@link #receive()}.
   *
   * <p>Threading, backpressure and errors: as {@link #receive()}.
   */
  default Flux<Presence> presences() {
    return receive().ofType(Presence.class);
  }

  /**
   * The IQs of {@link #receive()} (requests, already answered, and replies that no request awaited).
   *
   * <p>Threading, backpressure and errors: as {@link #receive()}.
   */
  default Flux<Iq> iqs() {
    return receive().ofType(Iq.class);
  }
}
