package dev.xmppreactive.client;

import dev.xmppreactive.stream.XmppException;

/**
 * The connection closed while the session was not reading from it (its inbound buffer was full, see
 * {@link SessionEvent.InboundStalled}): why the server closed it (a stream error, the end of the
 * stream) is in the part of the stream that was not read. The session reconnects as after any other
 * loss of the connection.
 */
public class InboundStalledException extends XmppException {

  public InboundStalledException(String message, Throwable cause) {
    super(message, cause);
  }
}
