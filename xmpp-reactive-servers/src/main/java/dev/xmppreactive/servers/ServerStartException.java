package dev.xmppreactive.servers;

/** A server did not become ready: it exited, failed to bind, or timed out. The message ends with its log tail. */
public final class ServerStartException extends HarnessException {
  private static final long serialVersionUID = 1L;

  /** An error with a message (which should include the server's log tail). */
  public ServerStartException(String message) {
    super(message);
  }

  /** An error with a message and a cause. */
  public ServerStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
