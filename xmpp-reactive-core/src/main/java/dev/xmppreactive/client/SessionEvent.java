package dev.xmppreactive.client;

import dev.xmppreactive.jid.Jid;
import java.time.Duration;

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

  /**
   * Reading from the server has been paused for {@code duration}: the subscribers' demand is used up
   * and the session's inbound buffer holds {@code buffered} stanzas (its capacity,
   * {@code XmppClient.inboundCapacity}). TCP pushes back on the server, and whatever the server sent
   * after those stanzas (replies to this client's requests, its acks and pings, a stream error, the
   * end of the stream) is unread until a subscriber asks for more. Reported once per stall, when it
   * has lasted {@link Keepalive#stallAfter()} (measured at the keepalive's ticks).
   *
   * <p>What happens meanwhile: the session keeps the connection alive by writing (see
   * {@link Keepalive}); requests this client made time out ({@link IqTimeoutException}) if their
   * replies stay unread past their timeout. The server may give up: Prosody 0.12 closes a connection
   * it could not write to for 180 s ({@code network_settings.send_timeout}), ejabberd 23.01 one whose
   * socket send blocked for 15 s (the listener's {@code send_timeout}) or whose unacknowledged stanzas
   * pass {@code max_ack_queue} (a {@code policy-violation} stream error). A connection that closes
   * while the session is not reading is noticed at once: what it read and had not handed on is
   * taken then (it is in memory already, at most a socket buffer's worth), counted as handled
   * (XEP-0198 'h') and held for the subscribers, so the session sees how the connection ended (the
   * stream error, if any; else an {@link InboundStalledException}), reports {@link Suspended}, and
   * resumes the stream (XEP-0198 §5) or starts a new one as after any other loss, without losing
   * or repeating a stanza.
   */
  record InboundStalled(Duration duration, int buffered) implements SessionEvent {
  }

  /** Reading went on after an {@link InboundStalled} that lasted {@code duration} in all. */
  record InboundResumed(Duration duration) implements SessionEvent {
  }

  /** The session has ended for good; {@code cause} is {@code null} after a deliberate close. */
  record Closed(Throwable cause) implements SessionEvent {
  }
}
