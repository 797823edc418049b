package dev.xmppreactive.servers;

/**
 * An administrative command on a running server failed: e.g. the user to create exists already,
 * the user to delete does not, or the server stopped answering.
 */
public final class ServerCommandException extends HarnessException {
  private static final long serialVersionUID = 1L;

  /** An error with the server's answer in its message. */
  public ServerCommandException(String message) {
    super(message);
  }

  /** An error with a message and a cause. */
  public ServerCommandException(String message, Throwable cause) {
    super(message, cause);
  }
}
