package dev.xmppreactive.codec;

import dev.xmppreactive.stream.StreamError;
import dev.xmppreactive.stream.StreamErrorCondition;
import dev.xmppreactive.stream.XmppException;
import java.util.Objects;

/**
 * The bytes of an XML stream broke XML, RFC 6120 §11, or one of the decoder's {@link XmlLimits}. The
 * {@linkplain #condition() condition} is the stream error to close the stream with (RFC 6120 §4.9.3):
 * {@code not-well-formed} (§11.3), {@code restricted-xml} (§11.1), {@code unsupported-encoding}
 * (§11.6), {@code policy-violation} (a limit), {@code invalid-namespace} or
 * {@code bad-namespace-prefix} (§4.8), or {@code bad-format}.
 *
 * <p>The message says what was wrong and where: the byte offset in the decoder's input (counted from
 * the first byte it was given, across stream restarts) at which the fault was found, which for a
 * construct the parser reads whole (a comment, a start tag) is just past its end, and for a malformed
 * byte is that byte.
 */
public final class XmlFramingException extends XmppException {

  private final StreamErrorCondition condition;
  private final long offset;

  /**
   * Creates the exception.
   *
   * @param condition the stream error condition that fits
   * @param what      what was wrong
   * @param offset    where: the byte offset in the decoder's input, or {@code -1} if unknown
   * @param cause     the parser's own exception, or {@code null}
   */
  public XmlFramingException(StreamErrorCondition condition, String what, long offset,
                             Throwable cause) {
    super(message(Objects.requireNonNull(condition, "condition"), what, offset), cause);
    this.condition = condition;
    this.offset = offset;
  }

  private static String message(StreamErrorCondition condition, String what, long offset) {
    String where = offset < 0 ? "" : " at byte " + offset;
    return condition.elementName() + where + ": " + what;
  }

  /** The stream error condition to close the stream with (RFC 6120 §4.9.3). */
  public StreamErrorCondition condition() {
    return condition;
  }

  /** The byte offset in the decoder's input where the fault was found, or {@code -1}. */
  public long offset() {
    return offset;
  }

  /** The stream error to send to the peer: the condition, without text. */
  public StreamError toStreamError() {
    return StreamError.of(condition, null);
  }
}
