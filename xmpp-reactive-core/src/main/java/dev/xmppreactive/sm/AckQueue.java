package dev.xmppreactive.sm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The outbound half of Stream Management (XEP-0198 §4): the count of stanzas sent on the SM session,
 * and those not yet acknowledged, oldest first, in a bounded queue.
 *
 * <p>Not thread-safe: the session's writer uses it from its event loop only.
 *
 * @param <T> what is kept for each stanza (the stanza and its sender's callback)
 */
public final class AckQueue<T> {

  private final int capacity;
  private final ArrayDeque<T> unacked = new ArrayDeque<>();
  /** Stanzas sent since SM was enabled, modulo 2^32. */
  private long sent;
  /** The last 'h' the server acknowledged. */
  private long acked;

  /**
   * Creates a queue.
   *
   * @param capacity how many unacknowledged stanzas may be outstanding; past it, {@link #isFull()}
   */
  public AckQueue(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
  }

  /** Starts counting from zero (after {@code <enable/>}, XEP-0198 §4). Unacked items are kept. */
  public void reset() {
    sent = 0;
    acked = 0;
  }

  /** Records a stanza as sent. */
  public void sent(T item) {
    unacked.addLast(item);
    sent = (sent + 1) % SmElements.MODULUS;
  }

  /** Whether the bound of unacknowledged stanzas is reached: stop sending and ask for an ack. */
  public boolean isFull() {
    return unacked.size() >= capacity;
  }

  /** How many stanzas await an acknowledgement. */
  public int size() {
    return unacked.size();
  }

  /** The count of stanzas sent, modulo 2^32. */
  public long sentCount() {
    return sent;
  }

  /**
   * Applies an acknowledgement 'h' (from {@code <a/>}, {@code <resumed/>} or {@code <failed/>}).
   *
   * @return the items it acknowledges, oldest first
   * @throws SmProtocolException if 'h' acknowledges more than was sent (XEP-0198 §6)
   */
  public List<T> ack(long h) {
    long newly = Math.floorMod(h - acked, SmElements.MODULUS);
    if (newly > unacked.size()) {
      throw new SmProtocolException("the server acknowledged " + h + " stanzas, but only "
          + sent + " were sent (handled-count-too-high, XEP-0198 §6)");
    }
    List<T> out = new ArrayList<>((int) newly);
    for (long i = 0; i < newly; i++) {
      out.add(unacked.pollFirst());
    }
    acked = h;
    return out;
  }

  /**
   * Takes every unacknowledged item, oldest first, to send again (XEP-0198 §5, after
   * {@code <resumed/>}, or on a new stream after {@code <failed/>}), and sets the sent count to
   * {@code h}, from which the resent ones count on.
   */
  public List<T> takeForResend(long h) {
    List<T> out = new ArrayList<>(unacked);
    unacked.clear();
    sent = h;
    acked = h;
    return out;
  }
}
