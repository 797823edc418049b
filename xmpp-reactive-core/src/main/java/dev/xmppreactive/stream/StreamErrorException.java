package dev.xmppreactive.stream;

import java.util.Objects;

/**
 * A stream error ended the stream (RFC 6120 §4.9). {@link #isLocal()} tells whether the peer sent it, or
 * this side found the fault (for example, XML that is not well-formed) and sent it to the peer.
 */
public class StreamErrorException extends XmppException {

  private final StreamError error;
  private final boolean local;

  /**
   * Creates the exception.
   *
   * @param error the error
   * @param local {@code true} if this side raised it, {@code false} if the peer sent it
   */
  public StreamErrorException(StreamError error, boolean local) {
    this(error, local, null);
  }

  public StreamErrorException(StreamError error, boolean local, Throwable cause) {
    super(message(Objects.requireNonNull(error, "error"), local), cause);
    this.error = error;
    this.local = local;
  }

  private static String message(StreamError error, boolean local) {
    String who = local ? "stream error raised locally: " : "stream error from the server: ";
    String s = who + error.condition().elementName();
    if (!error.conditionValue().isEmpty()) {
      s += " (" + error.conditionValue() + ")";
    }
    return error.text() == null ? s : s + ": " + error.text();
  }

  /** The error. */
  public StreamError error() {
    return error;
  }

  /** Its defined condition. */
  public StreamErrorCondition condition() {
    return error.condition();
  }

  /** Whether this side raised the error rather than the peer. */
  public boolean isLocal() {
    return local;
  }
}
