package dev.xmppreactive.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How a dead connection is noticed: after {@code interval} with nothing received, the client probes
 * the server (a Stream Management {@code <r/>} where SM is on, else an XMPP Ping, XEP-0199); if
 * nothing comes back within {@code timeout}, the connection is dead, is closed, and the session
 * reconnects. So a dead connection is noticed within {@code interval + timeout}.
 *
 * <p>While the session's inbound buffer is full (a subscriber is slower than the server), the client
 * is not reading and cannot judge silence; no probe is sent then (TCP still reports a reset).
 *
 * @param interval silence before a probe (default 60 s)
 * @param timeout  how long to wait for any answer (default 20 s)
 */
public record Keepalive(Duration interval, Duration timeout) {

  public Keepalive {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(timeout, "timeout");
    if (interval.isNegative() || interval.isZero() || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("keepalive durations must be positive");
    }
  }

  /** 60 s of silence, then 20 s to answer. */
  public static Keepalive defaults() {
    return new Keepalive(Duration.ofSeconds(60), Duration.ofSeconds(20));
  }
}
