package dev.xmppreactive.client;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.ExtensionRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An XMPP session: an authenticated stream with a bound resource (RFC 6120 §7), its inbound stanzas
 * and its outbound side. Obtained from {@link XmppClient#connect()}. Thread-safe.
 */
public interface XmppSession extends XmppInbound, XmppOutbound {

  /** The full JID the server bound (RFC 6120 §7.6.1). */
  Jid jid();

  /** The features the server offered after authentication (RFC 6120 §4.3.2). */
  StreamFeatures features();

  /** The extension registry of the client that made this session. */
  ExtensionRegistry extensions();

  /**
   * The session's lifecycle, and stalls of its inbound stream ({@link SessionEvent.InboundStalled}).
   * A hot, replaying flux separate from the stanzas: it goes on while a stanza subscriber without
   * demand keeps the session from reading. A subscriber sees the latest 64 events, then what comes.
   *
   * <p>Threading: any thread (event loops, the timer). Backpressure: events are few; a slow
   * subscriber gets them buffered. Errors: none; completes after {@link SessionEvent.Closed}.
   */
  Flux<SessionEvent> events();

  /**
   * Ends the session gracefully (RFC 6120 §4.4): waits (within the client's close timeout) for what is
   * queued to be written, sends {@code </stream:stream>}, waits (within the same bound) for the server's,
   * and closes the connection. Pending requests fail with {@link SessionClosedException}; inbound
   * fluxes complete.
   *
   * <p>Threading: completes on any thread. Errors: none; a failure to close cleanly still closes.
   */
  Mono<Void> close();

  /** Completes when the session has ended, for whatever reason. */
  Mono<Void> onClose();

  /** Whether the session has ended. */
  boolean isClosed();
}
