package dev.xmppreactive.servers;

/** Root of the errors of the server harness: a server could not be started, used or stopped. */
public class HarnessException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An error with a message. */
  public HarnessException(String message) {
    super(message);
  }

  /** An error with a message and a cause. */
  public HarnessException(String message, Throwable cause) {
    super(message, cause);
  }
}
