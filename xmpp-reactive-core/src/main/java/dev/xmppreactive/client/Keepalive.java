package dev.xmppreactive.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How a dead connection is noticed, and how a stalled one is kept alive.
 *
 * <p>Silence: after {@code interval} with nothing received, the client probes the server (a Stream
 * Management {@code <r/>} where SM is on, else an XMPP Ping, XEP-0199); if nothing comes back within
 * {@code timeout}, the connection is dead, is closed, and the session reconnects. So a dead connection
 * is noticed within {@code interval + timeout}.
 *
 * <p>Stall: while the session's inbound buffer is full (a subscriber is slower than the server), the
 * client is not reading and cannot judge silence, so it sends no probe. Once reading has been paused
 * for {@code stallAfter}, the session reports {@link SessionEvent.InboundStalled}, and from then on,
 * every {@code stallAfter} while the stall lasts, it writes what needs no answer: an unrequested
 * Stream Management ack {@code <a h='…'/>} (XEP-0198 §4: "either party MAY send an &lt;a/&gt; element
 * at any time"), or, without SM, a whitespace keepalive (RFC 6120 §4.6.1). The ack tells the server
 * that the client lives and what it has handled (ejabberd's {@code mod_stream_mgmt} otherwise closes
 * the connection 60 s after an {@code <r/>} it sent, which the stalled client cannot see), and a
 * write to a connection the server has closed fails, so the loss is noticed. {@code stallAfter}
 * should stay well below the server's ack timeout (ejabberd: {@code ack_timeout}, 60 s).
 *
 * @param interval   silence before a probe (default 60 s)
 * @param timeout    how long to wait for any answer (default 20 s)
 * @param stallAfter how long reading may be paused before the stall is reported, and the period of
 *                   the keepalive writes while it lasts (default: {@code timeout}, 20 s)
 */
public record Keepalive(Duration interval, Duration timeout, Duration stallAfter) {

  public Keepalive {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(stallAfter, "stallAfter");
    if (interval.isNegative() || interval.isZero() || timeout.isNegative() || timeout.isZero()
        || stallAfter.isNegative() || stallAfter.isZero()) {
      throw new IllegalArgumentException("keepalive durations must be positive");
    }
  }

  /** A keepalive whose stall threshold is {@code timeout}. */
  public Keepalive(Duration interval, Duration timeout) {
    this(interval, timeout, timeout);
  }

  /** 60 s of silence, then 20 s to answer; a stall is reported after 20 s. */
  public static Keepalive defaults() {
    return new Keepalive(Duration.ofSeconds(60), Duration.ofSeconds(20));
  }

  /** A copy with another stall threshold (see the class comment). */
  public Keepalive withStallAfter(Duration value) {
    return new Keepalive(interval, timeout, value);
  }
}
