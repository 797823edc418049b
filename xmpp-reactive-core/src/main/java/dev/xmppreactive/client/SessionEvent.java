package dev.xmppreactive.client;

import dev.xmppreactive.jid.Jid;

/**
 * What happens to a session over its life, as {@link XmppSession#events()} tells it.
 *
 * <p>The distinction that matters (as aioxmpp makes it): a <em>suspended</em> stream may still be
 * {@link Resumed} (XEP-0198), and then nothing was lost, presence and all; a stream that is
 * {@link Reconnected} with {@code newStream == true} is a new one: the server forgot the old session
 * (its presence, its subscriptions' state as seen by contacts), and whatever depends on it must be
 * learnt again.
 */
public sealed interface SessionEvent {

  /** The first connection is bound and ready. */
  record Connected(Jid jid, ConnectAddress address) implements SessionEvent {
  }

  /** The connection was lost; the session tries to get back (cause: why it was lost). */
  record Suspended(Throwable cause) implements SessionEvent {
  }

  /** A reconnection attempt starts (attempts count from 1, after the reconnection spec's wait). */
  record Reconnecting(long attempt) implements SessionEvent {
  }

  /** The stream was resumed (XEP-0198 §5): nothing was lost. */
  record Resumed(Jid jid, ConnectAddress address) implements SessionEvent {
  }

  /**
   * The session is back on a new stream (resumption was not possible or not enabled): the old
   * stream's state is gone at the server. Stanzas that it had not acknowledged were sent again.
   */
  record Reconnected(Jid jid, ConnectAddress address, boolean newStream) implements SessionEvent {
  }

  /** The session has ended for good; {@code cause} is {@code null} after a deliberate close. */
  record Closed(Throwable cause) implements SessionEvent {
  }
}
