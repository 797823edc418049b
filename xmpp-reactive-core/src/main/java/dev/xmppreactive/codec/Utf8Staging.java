package dev.xmppreactive.codec;

import dev.xmppreactive.xml.XmlEscaper;
import dev.xmppreactive.xml.XmlOutput;
import io.netty.buffer.ByteBuf;

/**
 * An {@link XmlOutput} that encodes UTF-8 into a small array of its own and copies it into a
 * {@link ByteBuf} in large pieces: the encoder writes an element as many short strings (a {@code <},
 * a name, a quote), and a copy per piece into the buffer, with its bounds and reference-count checks,
 * would cost more than the encoding. A surrogate on its own is written as {@code ?}, as
 * {@link ByteBufXmlOutput} does (the element model never holds one). Not thread-safe: the encoder
 * keeps one per thread.
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

  /** Fewer chars than this are not encoded into what is left of the array: it is flushed first. */
  private static final int MIN_BLOCK = 64;
  /** Strings of at most this many chars are encoded with {@code charAt}, without a bulk copy. */
  private static final int SHORT = 24;

  /** Slots of the cache of short strings' encodings; a power of two. */
  private static final int CACHED = 256;
  /** The longest encoding the cache keeps, in bytes. */
  private static final int CACHED_BYTES = 32;

  private final byte[] bytes = new byte[SIZE];
  private final char[] chars = new char[SIZE / 4];
  /**
   * The last string seen in each slot of the cache ({@code null}: none), by identity: names and
   * prefixes (the decoder's and the builders' are the same instances each time) and the writer's
   * constants. Each slot's encoding is in {@link #cachedBytes} at {@code slot * CACHED_BYTES}, its
   * length in {@link #cachedLengths}: a lookup allocates nothing, a miss only overwrites the slot.
   */
  private final String[] cachedKeys = new String[CACHED];
  private final byte[] cachedBytes = new byte[CACHED * CACHED_BYTES];
  private final int[] cachedLengths = new int[CACHED];
  private int pos;
  private ByteBuf target;

  /** Starts writing to {@code out}, at its writer index. */
  void begin(ByteBuf out) {
    target = out;
    pos = 0;
  }

  /** Whether it is between {@link #begin} and {@link #end}. */
  boolean inUse() {
    return target != null;
  }

  /** Copies what is staged into the buffer and lets go of it. */
  void end() {
    try {
      flush();
    } finally {
      target = null;
      pos = 0;
    }
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
    if (s instanceof String str) {
      if (start == 0 && end == str.length() && end <= CACHED_BYTES / 3) {
        appendCached(str);
      } else {
        encode(str, start, end, null);
      }
    } else {
      encodeChars(s, start, end, null);
    }
  }

  @Override
  public void appendEscapedText(CharSequence s) {
    if (s instanceof String str) {
      encode(str, 0, str.length(), TEXT);
    } else {
      encodeChars(s, 0, s.length(), TEXT);
    }
  }

  @Override
  public void appendEscapedAttribute(CharSequence s) {
    if (s instanceof String str) {
      encode(str, 0, str.length(), ATTRIBUTE);
    } else {
      encodeChars(s, 0, s.length(), ATTRIBUTE);
    }
  }

  /**
   * Appends a short string whole (at most {@code CACHED_BYTES / 3} chars, so that its encoding fits a
   * slot): from the cache if it holds this instance, else encoded and remembered in its slot.
   */
  private void appendCached(String s) {
    int slot = (s.hashCode() * 0x9E3779B9 >>> 24) & (CACHED - 1);
    if (pos + s.length() * MAX_ESCAPED >= SIZE) {
      flush(); // as encodeShort would: then it does not flush, and the encoding starts at pos
    }
    int at = slot * CACHED_BYTES;
    if (cachedKeys[slot] == s) {
      int n = cachedLengths[slot];
      System.arraycopy(cachedBytes, at, bytes, pos, n);
      pos += n;
      return;
    }
    int from = pos;
    encodeShort(s, 0, s.length(), null); // never flushes: the room it asks for is there
    int n = pos - from;
    System.arraycopy(bytes, from, cachedBytes, at, n);
    cachedLengths[slot] = n;
    cachedKeys[slot] = s;
  }

  /**
   * Encodes {@code s[start, end)}, escaped by {@code table} ({@code null}: not escaped): the chars
   * are copied into a scratch array a block at a time ({@link String#getChars}, a bulk copy), and
   * encoded from there, so that the loop reads an array rather than calling {@code charAt}.
   */
  private void encode(String s, int start, int end, byte[][] table) {
    if (end - start <= SHORT) { // a name, a prefix, a quote: not worth a copy
      encodeShort(s, start, end, table);
      return;
    }
    int widest = table == null ? 3 : MAX_ESCAPED;
    char[] ch = chars;
    int i = start;
    while (i < end) {
      int room = (SIZE - 1 - pos) / widest;
      if (room < Math.min(end - i, MIN_BLOCK)) {
        flush();
        continue;
      }
      int stop = Math.min(end, i + Math.min(room, ch.length));
      int n = stop - i;
      s.getChars(i, stop, ch, 0);
      if (stop < end && Character.isHighSurrogate(ch[n - 1])) {
        n--; // its low half is in the next block: it goes there with it
      }
      pos = table == null ? encodeBlock(ch, n, bytes, pos) : escapeBlock(ch, n, table, bytes, pos);
      i += n;
    }
  }

  /** Encodes {@code ch[0, n)} as UTF-8 at {@code b[p]}; returns the position after it. */
  private static int encodeBlock(char[] ch, int n, byte[] b, int p) {
    int k = 0;
    while (k < n) {
      char c = ch[k++];
      if (c < 0x80) {
        b[p++] = (byte) c;
      } else if (!Character.isSurrogate(c)) {
        p = encode(c, b, p);
      } else if (Character.isHighSurrogate(c) && k < n && Character.isLowSurrogate(ch[k])) {
        p = encodePair(c, ch[k++], b, p);
      } else {
        b[p++] = '?';
      }
    }
    return p;
  }

  /**
   * Escapes by {@code table} and encodes {@code ch[0, n)} at {@code b[p]}; returns the end. Runs of
   * ASCII that need no escape are found first and then copied in a loop of their own.
   */
  private static int escapeBlock(char[] ch, int n, byte[][] table, byte[] b, int p) {
    int k = 0;
    while (k < n) {
      int run = k;
      while (run < n && ch[run] < 0x80 && table[ch[run]] == null) {
        run++;
      }
      for (int j = k; j < run; j++) {
        b[p + j - k] = (byte) ch[j];
      }
      p += run - k;
      if (run == n) {
        break;
      }
      k = run;
      char c = ch[k++];
      if (c < 0x80) {
        byte[] entity = table[c];
        System.arraycopy(entity, 0, b, p, entity.length);
        p += entity.length;
      } else if (!Character.isSurrogate(c)) {
        p = encode(c, b, p);
      } else if (Character.isHighSurrogate(c) && k < n && Character.isLowSurrogate(ch[k])) {
        p = encodePair(c, ch[k++], b, p);
      } else {
        b[p++] = '?';
      }
    }
    return p;
  }

  /** {@link #encode(String, int, int, byte[][])} for at most {@link #SHORT} chars. */
  private void encodeShort(String s, int start, int end, byte[][] table) {
    if (pos + (end - start) * MAX_ESCAPED >= SIZE) {
      flush();
    }
    byte[] b = bytes;
    int p = pos;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        byte[] entity = table == null ? null : table[c];
        if (entity == null) {
          b[p++] = (byte) c;
        } else {
          for (byte e : entity) {
            b[p++] = e;
          }
        }
      } else if (!Character.isSurrogate(c)) {
        p = encode(c, b, p);
      } else if (Character.isHighSurrogate(c) && i + 1 < end
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        p = encodePair(c, s.charAt(++i), b, p);
      } else {
        b[p++] = '?';
      }
    }
    pos = p;
  }

  /** The same as {@link #encode(String, int, int, byte[][])}, for any other char sequence. */
  private void encodeChars(CharSequence s, int start, int end, byte[][] table) {
    int widest = table == null ? 3 : MAX_ESCAPED;
    byte[] b = bytes;
    int i = start;
    while (i < end) {
      // A char takes at most `widest` bytes; a pair 4 for its 2, the one byte of slack included.
      int stop = Math.min(end, i + (SIZE - 1 - pos) / widest);
      if (stop <= i) {
        flush();
        continue;
      }
      int p = pos;
      for (; i < stop; i++) {
        char c = s.charAt(i);
        if (c < 0x80) {
          byte[] entity = table == null ? null : table[c];
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
          p = encodePair(c, s.charAt(++i), b, p);
        } else {
          b[p++] = '?';
        }
      }
      pos = p;
    }
  }

  private static int encodePair(char high, char low, byte[] b, int p) {
    int cp = Character.toCodePoint(high, low);
    b[p++] = (byte) (0xF0 | (cp >> 18));
    b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
    b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
    b[p++] = (byte) (0x80 | (cp & 0x3F));
    return p;
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
