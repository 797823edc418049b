package dev.xmppreactive.codec;

import dev.xmppreactive.stream.StreamErrorCondition;
import dev.xmppreactive.stream.StreamHeader;
import dev.xmppreactive.xml.XmlElement;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Parses one standalone element, with the same restrictions as the stream decoder (RFC 6120 §11: no
 * comments, processing instructions, DTDs or entity references but the predefined ones; UTF-8 only;
 * the {@link XmlLimits}, where the whole input counts as one element). An XML declaration may come
 * first, whitespace after. Handy for tests, for configuration, and for transports that carry one
 * element per message. Thread-safe: each call uses a parser of its own.
 */
public final class XmlParser {

  private XmlParser() {
  }

  /**
   * Parses an element from a string, with the default limits.
   *
   * @throws XmlFramingException if the text is not exactly one acceptable element
   */
  public static XmlElement parse(String xml) {
    return parse(xml, XmlLimits.DEFAULTS);
  }

  /**
   * Parses an element from a string.
   *
   * @throws XmlFramingException if the text is not exactly one acceptable element (a lone surrogate
   *                             in the string is {@code not-well-formed})
   */
  public static XmlElement parse(String xml, XmlLimits limits) {
    Objects.requireNonNull(xml, "xml");
    ByteBuffer bytes;
    try {
      bytes = StandardCharsets.UTF_8.newEncoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .encode(CharBuffer.wrap(xml));
    } catch (CharacterCodingException e) {
      throw new XmlFramingException(StreamErrorCondition.NOT_WELL_FORMED,
          "the string holds a lone surrogate, which no XML can", -1, e);
    }
    return parse(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining(), limits);
  }

  /**
   * Parses an element from UTF-8 bytes, with the default limits.
   *
   * @throws XmlFramingException if the bytes are not exactly one acceptable element
   */
  public static XmlElement parse(byte[] utf8) {
    return parse(utf8, 0, utf8.length, XmlLimits.DEFAULTS);
  }

  /**
   * Parses an element from {@code utf8[offset, offset + length)}.
   *
   * @throws XmlFramingException if the bytes are not exactly one acceptable element
   */
  public static XmlElement parse(byte[] utf8, int offset, int length, XmlLimits limits) {
    XmlElement[] result = new XmlElement[1];
    XmlStreamParser parser = XmlStreamParser.forDocument(limits, new XmlStreamParser.Handler() {
      @Override
      public void onHeader(StreamHeader header) {
        throw new IllegalStateException("a document has no stream header");
      }

      @Override
      public void onElement(XmlElement element) {
        result[0] = element;
      }

      @Override
      public void onEnd() {
        throw new IllegalStateException("a document has no stream end");
      }
    });
    parser.feed(utf8, offset, length);
    parser.finish();
    return result[0];
  }
}
