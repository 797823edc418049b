package dev.xmppreactive.codec;

import dev.xmppreactive.stream.StreamErrorCondition;

/**
 * Looks at the bytes of a document before its root start tag, where Aalto's async scanner gives no
 * typed answer for some of what RFC 6120 refuses: a document type declaration with an internal
 * subset (billion laughs) fails in it as a bad name, and UTF-16 as a bad character. This finds, before
 * Aalto sees them: {@code <!} (a DTD or a comment, §11.1: {@code restricted-xml}), {@code <?} other
 * than the XML declaration at the very start (a processing instruction, §11.1), and input that looks
 * like UTF-16 or UTF-32 (a byte-order mark or a NUL byte among the first two, §11.6:
 * {@code unsupported-encoding}). It stops at the first {@code <} that starts an element.
 *
 * <p>It reports what it finds rather than throwing it, with the index of the byte that gave it away,
 * so that the parser can first give Aalto the bytes before that one: an error Aalto finds earlier in
 * the input must win, however the input was split (the first fault in the input decides the
 * condition).
 */
final class PrologSniffer {

  private long seen;
  private boolean afterLt;
  private long ltAt;
  private long ltIndex;
  private boolean done;
  private XmlFramingException failure;

  /** Starts over, for a new document. */
  void reset() {
    seen = 0;
    afterLt = false;
    done = false;
    failure = null;
  }

  /** Checks nothing more: the document's prolog is known to be past. */
  void skip() {
    done = true;
  }

  /** Whether the root start tag has begun, after which nothing more is checked. */
  boolean isDone() {
    return done;
  }

  /**
   * Checks {@code bytes[from, to)}, the next bytes of the document, up to the first refused one.
   *
   * @param base the offset in the decoder's input of {@code bytes[from]}, for error messages
   * @return the index in {@code bytes} of the byte that makes the prolog refused (the bytes before
   *     it are fine as far as this sniffer can tell), or {@code -1}; then {@link #failure()} says why
   */
  int scan(byte[] bytes, int from, int to, long base) {
    for (int i = from; i < to && !done; i++, seen++) {
      int b = bytes[i] & 0xFF;
      long at = base + (i - from);
      if (seen < 2 && (b == 0x00 || b == 0xFE || b == 0xFF)) {
        return refuse(i, new XmlFramingException(StreamErrorCondition.UNSUPPORTED_ENCODING,
            "the stream is not UTF-8 (it looks like UTF-16 or UTF-32; RFC 6120 §11.6)", at, null));
      }
      if (afterLt) {
        afterLt = false;
        if (b == '!') {
          return refuse(i, new XmlFramingException(StreamErrorCondition.RESTRICTED_XML,
              "a document type declaration or a comment (RFC 6120 §11.1)", ltAt, null));
        }
        if (b == '?') {
          if (ltIndex != 0) { // only the XML declaration may start with <?, and only first
            return refuse(i, new XmlFramingException(StreamErrorCondition.RESTRICTED_XML,
                "a processing instruction (RFC 6120 §11.1)", ltAt, null));
          }
          continue;
        }
        done = true;
      } else if (b == '<') {
        afterLt = true;
        ltAt = at;
        ltIndex = seen;
      }
    }
    return -1;
  }

  /** Why the last {@link #scan} refused a byte, or {@code null}. */
  XmlFramingException failure() {
    return failure;
  }

  private int refuse(int index, XmlFramingException e) {
    failure = e;
    done = true;
    return index;
  }
}
