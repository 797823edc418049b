package dev.xmppreactive.sm;

import dev.xmppreactive.stream.XmppException;

/**
 * The server broke XEP-0198: a malformed nonza, an 'h' that acknowledges more stanzas than were sent
 * (§6, handled-count-too-high), or a resumption answer that does not fit the request.
 */
public class SmProtocolException extends XmppException {

  public SmProtocolException(String message) {
    super(message);
  }
}
