package dev.xmppreactive.stream;

/**
 * The root of the library's typed errors. Every failure that comes from the network, a server or a
 * caller's input surfaces as a subclass that says what went wrong, so that callers can react to the
 * kind of failure rather than parse messages.
 */
public abstract class XmppException extends RuntimeException {

  protected XmppException(String message) {
    super(message);
  }

  protected XmppException(String message, Throwable cause) {
    super(message, cause);
  }
}
