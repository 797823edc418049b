package dev.xmppreactive.client;

import dev.xmppreactive.stanza.Iq;
import dev.xmppreactive.stanza.Message;
import dev.xmppreactive.stanza.Presence;

/**
 * The handler of the original brief ({@code client<handler> c(h)}): it knows what to do with messages,
 * presences and IQs as they arrive. Every method has a default that does nothing, so a handler
 * overrides only what it needs. Pass it to {@link XmppClient#create(XmppHandler)}.
 *
 * <p>Threading: the methods are called one at a time, in the order the stanzas arrived, on a worker of
 * the client's handler scheduler (never on the connection's event loop): a handler may block, but
 * while it does, the next stanzas wait (and, past the inbound capacity, reading stops). {@link #onIq}
 * runs on the same scheduler but may be called concurrently with the others.
 *
 * <p>Errors: an exception thrown by a method is logged and the session goes on; from {@link #onIq} it
 * becomes an {@code internal-server-error} reply.
 */
public interface XmppHandler {

  /** The session is bound and ready; called before any stanza. */
  default void onConnected(XmppSession session) {
  }

  /** A message arrived. */
  default void onMessage(XmppSession session, Message message) {
  }

  /** A presence arrived. */
  default void onPresence(XmppSession session, Presence presence) {
  }

  /**
   * An IQ get or set arrived that no handler registered with {@code XmppClient.iqHandler} claims.
   *
   * @return the reply (a result, or an error, for this request), or {@code null} to answer
   *         {@code service-unavailable} (RFC 6120 §8.4)
   */
  default Iq onIq(XmppSession session, Iq request) {
    return null;
  }

  /** The session ended; {@code cause} is {@code null} after a deliberate close. */
  default void onDisconnected(XmppSession session, Throwable cause) {
  }
}
