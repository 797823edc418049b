package dev.xmppreactive.client;

import dev.xmppreactive.sm.SmElements;

/**
 * What the negotiation did about Stream Management.
 *
 * @param resumed      the old stream was resumed (no binding happened)
 * @param enabled      what {@code <enabled/>} said (for a resumed stream: the old stream's), or
 *                     {@code null} if SM is off on this stream
 * @param serverH      the server's 'h' from {@code <resumed/>} or {@code <failed/>}, or {@code -1}
 * @param resumeFailed the condition of a failed resumption, or {@code null}
 */
record SmOutcome(boolean resumed, SmElements.Enabled enabled, long serverH, String resumeFailed) {

  static final SmOutcome OFF = new SmOutcome(false, null, -1, null);
}
