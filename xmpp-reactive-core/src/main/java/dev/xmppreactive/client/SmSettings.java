package dev.xmppreactive.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How the client uses Stream Management (XEP-0198): whether to enable it (with resumption) where the
 * server offers it, when to ask for acknowledgements, how many unacknowledged stanzas may be
 * outstanding, and when to acknowledge the server's stanzas without being asked.
 *
 * <p>Unrequested acks: XEP-0198 §4 lets either party send {@code <a h='…'/>} at any time. After every
 * {@code ackHandledEvery} inbound stanzas handled, the client does, so the server can drop them from
 * its queue of unacknowledged stanzas (Prosody's {@code smacks_max_queue_size}, ejabberd's
 * {@code max_ack_queue}) without waiting for its own {@code <r/>} to come back answered. A receiver
 * that takes a flood thus keeps the server's queue short, and a cut connection leaves fewer stanzas
 * for the server to send again. Both Prosody 0.12 ({@code mod_smacks}) and ejabberd 23.01
 * ({@code mod_stream_mgmt}) take them as ordinary acks; ejabberd answers one with a new {@code <r/>}
 * if it has sent more since its last request. The cost is one small element per
 * {@code ackHandledEvery} stanzas.
 *
 * @param enabled          enable SM with resumption where the server offers it (default: yes)
 * @param ackEvery         ask for an ack ({@code <r/>}) after this many unacknowledged stanzas
 *                         (default 16)
 * @param ackInterval      or after this long with stanzas unacknowledged (default 1 s)
 * @param unackedCapacity  at most this many stanzas are sent and not yet acknowledged; past it, the
 *                         writer waits for an ack (default 1,000)
 * @param maxResumption    the resumption time to ask the server for, or {@code null} for the
 *                         server's default (XEP-0198 §3 'max')
 * @param ackHandledEvery  send an unrequested {@code <a/>} after this many inbound stanzas handled
 *                         since the last ack the client sent; 0 never (default 64)
 */
public record SmSettings(boolean enabled, int ackEvery, Duration ackInterval, int unackedCapacity,
                         Duration maxResumption, int ackHandledEvery) {

  /** The default for {@link #ackHandledEvery()}. */
  public static final int DEFAULT_ACK_HANDLED_EVERY = 64;

  public SmSettings {
    Objects.requireNonNull(ackInterval, "ackInterval");
    if (ackEvery < 1 || unackedCapacity < 1 || ackInterval.isNegative() || ackInterval.isZero()) {
      throw new IllegalArgumentException("ackEvery, unackedCapacity and ackInterval must be positive");
    }
    if (ackHandledEvery < 0) {
      throw new IllegalArgumentException("ackHandledEvery must be 0 (never) or positive: "
          + ackHandledEvery);
    }
  }

  /** Settings with the default {@link #ackHandledEvery()}. */
  public SmSettings(boolean enabled, int ackEvery, Duration ackInterval, int unackedCapacity,
                    Duration maxResumption) {
    this(enabled, ackEvery, ackInterval, unackedCapacity, maxResumption, DEFAULT_ACK_HANDLED_EVERY);
  }

  /**
   * The defaults: enabled, an ack request every 16 stanzas or 1 s, 1,000 unacknowledged at most, an
   * unrequested ack every 64 stanzas received.
   */
  public static SmSettings defaults() {
    return new SmSettings(true, 16, Duration.ofSeconds(1), 1000, null);
  }

  /** Stream Management off: {@code send} means written to the socket, and a lost stream is lost. */
  public static SmSettings disabled() {
    return defaults().withEnabled(false);
  }

  public SmSettings withEnabled(boolean value) {
    return new SmSettings(value, ackEvery, ackInterval, unackedCapacity, maxResumption,
        ackHandledEvery);
  }

  public SmSettings withAckEvery(int stanzas, Duration interval) {
    return new SmSettings(enabled, stanzas, interval, unackedCapacity, maxResumption,
        ackHandledEvery);
  }

  public SmSettings withUnackedCapacity(int value) {
    return new SmSettings(enabled, ackEvery, ackInterval, value, maxResumption, ackHandledEvery);
  }

  public SmSettings withMaxResumption(Duration value) {
    return new SmSettings(enabled, ackEvery, ackInterval, unackedCapacity, value, ackHandledEvery);
  }

  /** A copy that sends an unrequested ack after {@code stanzas} handled, or never if 0. */
  public SmSettings withAckHandledEvery(int stanzas) {
    return new SmSettings(enabled, ackEvery, ackInterval, unackedCapacity, maxResumption, stanzas);
  }
}
