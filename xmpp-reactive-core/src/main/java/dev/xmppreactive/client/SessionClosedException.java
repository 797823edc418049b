package dev.xmppreactive.client;

import dev.xmppreactive.stream.XmppException;

/**
 * The session is closed (by {@code close()}, or for good after a failure), so the operation cannot be
 * done. The cause, if any, is why the session ended.
 */
public class SessionClosedException extends XmppException {

  public SessionClosedException(String message) {
    super(message);
  }

  public SessionClosedException(String message, Throwable cause) {
    super(message, cause);
  }
}
