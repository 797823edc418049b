package dev.xmppreactive.client;

import dev.xmppreactive.sm.AckQueue;
import dev.xmppreactive.sm.HandledCounter;
import dev.xmppreactive.sm.SmElements;
import dev.xmppreactive.stanza.Stanza;
import java.util.List;

/**
 * A session's Stream Management state (XEP-0198), which outlives its connections: the unacknowledged
 * outbound stanzas, the inbound 'h', and the SM session of the current stream (its id for resumption).
 * The writer and the reader of the current connection use it; reconnection reads and resets it.
 * Thread-safe (its methods synchronise on it; they are short).
 */
final class SmState {

  private final SmSettings settings;
  private final AckQueue<OutboundQueue.Entry<Stanza>> acks;
  private final HandledCounter handled = new HandledCounter();
  private volatile SmElements.Enabled enabled;
  /** Stanzas taken to be sent again that the last connection did not get out. */
  private final java.util.ArrayList<OutboundQueue.Entry<Stanza>> notResent = new java.util.ArrayList<>();
  private int sinceRequest;
  /** Inbound stanzas handled since the last ack sent; only the event loop touches it. */
  private int handledSinceAck;
  private boolean requestPending;

  SmState(SmSettings settings) {
    this.settings = settings;
    this.acks = new AckQueue<>(settings.unackedCapacity());
  }

  SmSettings settings() {
    return settings;
  }

  /** Whether SM is on for the current stream. */
  boolean active() {
    return enabled != null;
  }

  /** The current (or last) SM session, or {@code null}. */
  SmElements.Enabled enabled() {
    return enabled;
  }

  /**
   * One more inbound stanza handed on (only while SM is on; XEP-0198 §4). Called on the connection's
   * event loop, as {@link #ackSent()} is.
   *
   * @return whether an unrequested ack is due now ({@link SmSettings#ackHandledEvery()})
   */
  boolean handled() {
    if (enabled == null) {
      return false;
    }
    handled.handled();
    int every = settings.ackHandledEvery();
    if (every > 0 && ++handledSinceAck >= every) {
      handledSinceAck = 0;
      return true;
    }
    return false;
  }

  /** An ack went out (an answer to {@code <r/>}): the count towards an unrequested one restarts. */
  void ackSent() {
    handledSinceAck = 0;
  }

  long h() {
    return handled.get();
  }

  /** Records a stanza as sent on the current stream. */
  synchronized void sent(OutboundQueue.Entry<Stanza> e) {
    acks.sent(e);
    sinceRequest++;
  }

  /** Whether the writer must wait for an ack before sending more. */
  synchronized boolean full() {
    return enabled != null && acks.isFull();
  }

  /** Whether to send {@code <r/>} now: enough stanzas since the last request, or the queue is full. */
  synchronized boolean takeRequestDue() {
    if (enabled == null || requestPending || acks.size() == 0) {
      return false;
    }
    if (sinceRequest >= settings.ackEvery() || acks.isFull()) {
      requestPending = true;
      sinceRequest = 0;
      return true;
    }
    return false;
  }

  /** Whether to send {@code <r/>} because stanzas wait unacknowledged (the time-based request). */
  synchronized boolean takeRequestForWaiting() {
    if (enabled == null || requestPending || acks.size() == 0) {
      return false;
    }
    requestPending = true;
    sinceRequest = 0;
    return true;
  }

  /** Forgets a pending request (a probe got no answer, or the stream changed). */
  synchronized void requestAnswered() {
    requestPending = false;
  }

  /**
   * Applies {@code <a h='…'/>}.
   *
   * @return the entries it acknowledges
   * @throws dev.xmppreactive.sm.SmProtocolException if 'h' is too high
   */
  synchronized List<OutboundQueue.Entry<Stanza>> ack(long h) {
    requestPending = false;
    return acks.ack(h);
  }

  /** How many stanzas await acknowledgement. */
  synchronized int unacked() {
    return acks.size();
  }

  /**
   * The stream was resumed (XEP-0198 §5): applies the server's 'h' and gives the stanzas to send
   * again, oldest first; the acknowledged ones are returned in {@code ackedOut}.
   */
  synchronized List<OutboundQueue.Entry<Stanza>> resumed(long serverH,
                                                        List<OutboundQueue.Entry<Stanza>> ackedOut) {
    ackedOut.addAll(acks.ack(serverH));
    requestPending = false;
    sinceRequest = 0;
    return withNotResent(acks.takeForResend(serverH));
  }

  /** Stanzas a stopped writer did not get out; they follow the unacknowledged ones. */
  synchronized void giveBack(List<OutboundQueue.Entry<Stanza>> entries) {
    notResent.addAll(entries);
  }

  private List<OutboundQueue.Entry<Stanza>> withNotResent(List<OutboundQueue.Entry<Stanza>> resend) {
    if (notResent.isEmpty()) {
      return resend;
    }
    java.util.ArrayList<OutboundQueue.Entry<Stanza>> all = new java.util.ArrayList<>(resend);
    all.addAll(notResent);
    notResent.clear();
    return all;
  }

  /**
   * A new stream: SM is (re)enabled or off. Every stanza the old stream left unacknowledged is given
   * back, oldest first, to be sent again; counters start from zero.
   *
   * @param now        the new SM session, or {@code null} if SM is off on the new stream
   * @param serverH    the 'h' a failed resumption reported, or {@code -1}
   * @param ackedOut   receives the entries that 'h' acknowledges
   */
  synchronized List<OutboundQueue.Entry<Stanza>> newStream(SmElements.Enabled now, long serverH,
                                                          List<OutboundQueue.Entry<Stanza>> ackedOut) {
    if (serverH >= 0) {
      try {
        ackedOut.addAll(acks.ack(serverH));
      } catch (RuntimeException tooHigh) {
        // A failed resumption's 'h' is advisory; if it does not fit, resend everything.
      }
    }
    List<OutboundQueue.Entry<Stanza>> resend = withNotResent(acks.takeForResend(0));
    acks.reset();
    handled.reset();
    handledSinceAck = 0;
    requestPending = false;
    sinceRequest = 0;
    enabled = now;
    return resend;
  }

  /** SM state of a stream that cannot be resumed any more (a protocol fault). */
  synchronized void forgetResumption() {
    SmElements.Enabled e = enabled;
    if (e != null) {
      enabled = new SmElements.Enabled(e.id(), false, e.max(), e.location());
    }
  }

  /** Everything not yet acknowledged, for failing their senders when the session ends. */
  synchronized List<OutboundQueue.Entry<Stanza>> drainUnacked() {
    return withNotResent(acks.takeForResend(0));
  }
}
