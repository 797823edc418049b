package dev.xmppreactive.client;

import dev.xmppreactive.stream.XmppException;
import java.util.List;

/**
 * No connection to the server could be opened: DNS gave no usable address, or every address refused or
 * timed out. Each attempt's failure is a suppressed exception, and {@link #attempts()} lists the
 * addresses tried.
 */
public class XmppConnectException extends XmppException {

  private final List<ConnectAddress> attempts;

  public XmppConnectException(String message, List<ConnectAddress> attempts) {
    super(message);
    this.attempts = List.copyOf(attempts);
  }

  public XmppConnectException(String message, List<ConnectAddress> attempts, Throwable cause) {
    super(message, cause);
    this.attempts = List.copyOf(attempts);
  }

  /** The addresses that were tried, in order. */
  public List<ConnectAddress> attempts() {
    return attempts;
  }
}
