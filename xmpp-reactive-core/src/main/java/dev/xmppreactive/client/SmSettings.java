package dev.xmppreactive.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How the client uses Stream Management (XEP-0198): whether to enable it (with resumption) where the
 * server offers it, when to ask for acknowledgements, and how many unacknowledged stanzas may be
 * outstanding.
 *
 * @param enabled          enable SM with resumption where the server offers it (default: yes)
 * @param ackEvery         ask for an ack ({@code <r/>}) after this many unacknowledged stanzas
 *                         (default 16)
 * @param ackInterval      or after this long with stanzas unacknowledged (default 1 s)
 * @param unackedCapacity  at most this many stanzas are sent and not yet acknowledged; past it, the
 *                         writer waits for an ack (default 1,000)
 * @param maxResumption    the resumption time to ask the server for, or {@code null} for the
 *                         server's default (XEP-0198 §3 'max')
 */
public record SmSettings(boolean enabled, int ackEvery, Duration ackInterval, int unackedCapacity,
                         Duration maxResumption) {

  public SmSettings {
    Objects.requireNonNull(ackInterval, "ackInterval");
    if (ackEvery < 1 || unackedCapacity < 1 || ackInterval.isNegative() || ackInterval.isZero()) {
      throw new IllegalArgumentException("ackEvery, unackedCapacity and ackInterval must be positive");
    }
  }

  /** The defaults: enabled, an ack every 16 stanzas or 1 s, 1,000 unacknowledged at most. */
  public static SmSettings defaults() {
    return new SmSettings(true, 16, Duration.ofSeconds(1), 1000, null);
  }

  /** Stream Management off: {@code send} means written to the socket, and a lost stream is lost. */
  public static SmSettings disabled() {
    return defaults().withEnabled(false);
  }

  public SmSettings withEnabled(boolean value) {
    return new SmSettings(value, ackEvery, ackInterval, unackedCapacity, maxResumption);
  }

  public SmSettings withAckEvery(int stanzas, Duration interval) {
    return new SmSettings(enabled, stanzas, interval, unackedCapacity, maxResumption);
  }

  public SmSettings withUnackedCapacity(int value) {
    return new SmSettings(enabled, ackEvery, ackInterval, value, maxResumption);
  }

  public SmSettings withMaxResumption(Duration value) {
    return new SmSettings(enabled, ackEvery, ackInterval, unackedCapacity, value);
  }
}
