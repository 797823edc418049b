package dev.xmppreactive.client;

import dev.xmppreactive.stream.XmppException;

/**
 * The session's outbound queue is full: stanzas are being sent faster than the connection takes them,
 * or the session is disconnected and the stanzas waiting for the next connection have reached the
 * bound ({@code XmppClient.outboundQueueCapacity}). The stanza was not queued; nothing already queued
 * is lost. Wait for {@code send} of earlier stanzas to complete, or retry later.
 */
public class OutboundOverflowException extends XmppException {

  private final int capacity;

  public OutboundOverflowException(int capacity) {
    super("the outbound queue is full (" + capacity + " stanzas wait to be sent)");
    this.capacity = capacity;
  }

  /** The bound that was reached. */
  public int capacity() {
    return capacity;
  }
}
