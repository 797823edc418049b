package dev.xmppreactive.client;

import dev.xmppreactive.stream.XmppException;

/**
 * The connection closed, without a stream error, while the session was not reading from it (its
 * inbound buffer was full, see {@link SessionEvent.InboundStalled}); the cause, if any, is the
 * failure of a keepalive write made during the stall. The session reconnects as after any other loss
 * of the connection.
 */
public class InboundStalledException extends XmppException {

  public InboundStalledException(String message, Throwable cause) {
    super(message, cause);
  }
}
