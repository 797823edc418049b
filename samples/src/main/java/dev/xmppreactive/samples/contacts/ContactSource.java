package dev.xmppreactive.samples.contacts;

import dev.xmppreactive.client.XmppSession;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the samples need to know about a session's contacts: the roster (RFC 6121 §2) and their
 * presence (§4). A seam: today {@link #of} reads them through the core API
 * ({@link CoreContactSource}); once the roster module ({@code xmpp-reactive-roster}) has its API,
 * {@link #of} switches to it and no command changes.
 */
public interface ContactSource {

  /** A session's contacts, read through the core API; the one place to switch to the roster module. */
  static ContactSource of(XmppSession session) {
    return new CoreContactSource(session);
  }

  /**
   * The roster as the server holds it now, in the server's order.
   *
   * <p>Threading: signalled on the connection's event loop. Backpressure: one value. Errors:
   * {@code StanzaErrorException} if the server refuses the request, {@code IqTimeoutException} if it
   * does not answer in time, {@code SessionClosedException} if the session closes first.
   */
  Mono<List<Contact>> roster();

  /**
   * Contacts' resources becoming available, changing their availability, or leaving, as the server
   * reports them from now on (the account's own resources, subscription requests, probes and
   * presence errors left out).
   *
   * <p>Threading: signalled on the connection's event loop; do not block there. Backpressure: as the
   * session's inbound {@code Flux}, down to the socket. Errors: none while the session lives;
   * completes when it is closed, or fails with the error that ended it.
   */
  Flux<PresenceUpdate> presenceUpdates();
}
