package dev.xmppreactive.codec;

import dev.xmppreactive.xml.XmlEscaper;
import dev.xmppreactive.xml.XmlOutput;
import io.netty.buffer.ByteBuf;

/**
 * An {@link XmlOutput} that encodes UTF-8 into a small array of its own and copies it into a
 * {@link ByteBuf} in large pieces: the encoder writes an element as many short strings (a {@code <},
 * a name, a quote), and a copy per piece into the buffer, with its bounds and reference-count checks,
 * would cost more than the encoding. A surrogate on its own is written as {@code ?}, as
 * {@link ByteBufXmlOutput} does (the element model never holds one). Not thread-safe.
 */
final class Utf8Staging implements XmlOutput {

  private static final int SIZE = 8192;
  /** The most bytes one char can take escaped: {@code &quot;}. */
  private static final int MAX_ESCAPED = 6;
  /** What an ASCII char becomes in text ({@code null}: itself), as {@link XmlEscaper} escapes. */
  private static final byte[][] TEXT = new byte[128][];
  /** What an ASCII char becomes in an attribute value, as {@link XmlEscaper} escapes. */
  private static final byte[][] ATTRIBUTE = new byte[128][];

  static {
    for (char c : new char[] {'&', '<', '>', '\r'}) {
      TEXT[c] = ascii(XmlEscaper.escapeText(String.valueOf(c)));
    }
    for (char c : new char[] {'&', '<', '>', '\r', '"', '\'', '\n', '\t'}) {
      ATTRIBUTE[c] = ascii(XmlEscaper.escapeAttribute(String.valueOf(c)));
    }
  }

  private final byte[] bytes = new byte[SIZE];
  private int pos;
  private ByteBuf target;

  /** Starts writing to {@code out}, at its writer index. */
  void begin(ByteBuf out) {
    target = out;
    pos = 0;
  }

  /** Copies what is staged into the buffer and lets go of it. */
  void end() {
    flush();
    target = null;
  }

  private void flush() {
    if (pos > 0) {
      target.writeBytes(bytes, 0, pos);
      pos = 0;
    }
  }

  @Override
  public void append(char c) {
    if (pos + 3 > SIZE) {
      flush();
    }
    if (c < 0x80) {
      bytes[pos++] = (byte) c;
    } else {
      pos = encode(c, bytes, pos);
    }
  }

  @Override
  public void append(CharSequence s, int start, int end) {
    byte[] b = bytes;
    int i = start;
    while (i < end) {
      // A char takes at most 3 bytes; a surrogate pair 4 for its 2, the one byte of slack included.
      int stop = Math.min(end, i + (SIZE - 1 - pos) / 3);
      if (stop <= i) {
        flush();
        continue;
      }
      int p = pos;
      for (; i < stop; i++) {
        char c = s.charAt(i);
        if (c < 0x80) {
          b[p++] = (byte) c;
        } else if (!Character.isSurrogate(c)) {
          p = encode(c, b, p);
        } else if (Character.isHighSurrogate(c) && i + 1 < end
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          int cp = Character.toCodePoint(c, s.charAt(++i));
          b[p++] = (byte) (0xF0 | (cp >> 18));
          b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
          b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
          b[p++] = (byte) (0x80 | (cp & 0x3F));
        } else {
          b[p++] = '?';
        }
      }
      pos = p;
    }
  }

  @Override
  public void appendEscapedText(CharSequence s) {
    escaped(s, TEXT);
  }

  @Override
  public void appendEscapedAttribute(CharSequence s) {
    escaped(s, ATTRIBUTE);
  }

  /** Escapes and encodes in one pass: {@link XmlEscaper}'s rules, by table. */
  private void escaped(CharSequence s, byte[][] table) {
    byte[] b = bytes;
    int end = s.length();
    int i = 0;
    while (i < end) {
      int stop = Math.min(end, i + (SIZE - 1 - pos) / MAX_ESCAPED);
      if (stop <= i) {
        flush();
        continue;
      }
      int p = pos;
      for (; i < stop; i++) {
        char c = s.charAt(i);
        if (c < 0x80) {
          byte[] entity = table[c];
          if (entity == null) {
            b[p++] = (byte) c;
          } else {
            System.arraycopy(entity, 0, b, p, entity.length);
            p += entity.length;
          }
        } else if (!Character.isSurrogate(c)) {
          p = encode(c, b, p);
        } else if (Character.isHighSurrogate(c) && i + 1 < end
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          int cp = Character.toCodePoint(c, s.charAt(++i));
          b[p++] = (byte) (0xF0 | (cp >> 18));
          b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
          b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
          b[p++] = (byte) (0x80 | (cp & 0x3F));
        } else {
          b[p++] = '?';
        }
      }
      pos = p;
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  /** Encodes a char of two or three bytes (not a surrogate), or {@code ?} for a surrogate. */
  private static int encode(char c, byte[] b, int p) {
    if (c < 0x800) {
      b[p++] = (byte) (0xC0 | (c >> 6));
    } else if (Character.isSurrogate(c)) {
      b[p++] = '?';
      return p;
    } else {
      b[p++] = (byte) (0xE0 | (c >> 12));
      b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
    }
    b[p++] = (byte) (0x80 | (c & 0x3F));
    return p;
  }
}
