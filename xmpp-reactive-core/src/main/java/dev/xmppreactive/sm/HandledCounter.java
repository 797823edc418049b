package dev.xmppreactive.sm;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The inbound half of Stream Management (XEP-0198 §4): 'h', the count of stanzas received and handled,
 * modulo 2^32. A stanza counts as handled once the session has handed it on (into the session's
 * inbound buffer, which survives reconnections), so resuming with this 'h' neither loses nor repeats
 * a stanza. Thread-safe.
 */
public final class HandledCounter {

  private final AtomicLong h = new AtomicLong();

  /** One more stanza handled. */
  public void handled() {
    h.updateAndGet(v -> (v + 1) % SmElements.MODULUS);
  }

  /** The current 'h'. */
  public long get() {
    return h.get();
  }

  /** Starts again from zero (on {@code <enabled/>}). */
  public void reset() {
    h.set(0);
  }
}
