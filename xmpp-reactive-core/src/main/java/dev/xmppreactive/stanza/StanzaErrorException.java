package dev.xmppreactive.stanza;

import dev.xmppreactive.stream.XmppException;
import java.util.Objects;

/**
 * A peer answered with a stanza error (RFC 6120 §8.3): for example, the response to an IQ request was
 * an IQ of type {@code error}. The exception carries the error and the error stanza it came in.
 */
public final class StanzaErrorException extends XmppException {

  private static final long serialVersionUID = 1L;

  private final transient StanzaError error;
  private final transient Stanza stanza;

  /**
   * Creates the exception from an error stanza.
   *
   * @throws IllegalArgumentException if the stanza is not of type error
   */
  public StanzaErrorException(Stanza errorStanza) {
    this(requireError(errorStanza).error(), errorStanza);
  }

  /**
   * Creates the exception.
   *
   * @param error  the error
   * @param stanza the stanza it came in, or {@code null}
   */
  public StanzaErrorException(StanzaError error, Stanza stanza) {
    super(message(Objects.requireNonNull(error, "error"), stanza));
    this.error = error;
    this.stanza = stanza;
  }

  private static Stanza requireError(Stanza s) {
    if (!s.isError()) {
      throw new IllegalArgumentException("not an error stanza: " + s.typeAttribute());
    }
    return s;
  }

  private static String message(StanzaError error, Stanza stanza) {
    String who = stanza == null || stanza.from() == null ? "" : " from " + stanza.from();
    String kind = stanza == null ? "stanza" : stanza.kind().elementName();
    String id = stanza == null || stanza.id() == null ? "" : " (id " + stanza.id() + ")";
    return kind + " error" + who + id + ": " + error.describe();
  }

  /** The error. */
  public StanzaError error() {
    return error;
  }

  /** Its defined condition. */
  public StanzaErrorCondition condition() {
    return error.condition();
  }

  /** The error stanza, or {@code null} if none was given. */
  public Stanza stanza() {
    return stanza;
  }
}
