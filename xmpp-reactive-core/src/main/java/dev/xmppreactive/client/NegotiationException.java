package dev.xmppreactive.client;

import dev.xmppreactive.stream.XmppException;

/**
 * The server broke the stream negotiation of RFC 6120 §4.3: an element came that the step did not
 * allow, a required feature was missing (no SASL mechanisms, no resource binding), binding failed, or
 * the server closed the stream or connection in the middle. The message says which step and what came.
 */
public class NegotiationException extends XmppException {

  public NegotiationException(String message) {
    super(message);
  }

  public NegotiationException(String message, Throwable cause) {
    super(message, cause);
  }
}
