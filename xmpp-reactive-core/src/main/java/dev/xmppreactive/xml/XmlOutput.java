package dev.xmppreactive.xml;

/**
 * Where {@link XmlWriter} puts characters: a {@link StringBuilder}, or (in the codec) a Netty buffer
 * that is filled with UTF-8 directly. Unlike {@link Appendable} it throws no checked exception.
 */
public interface XmlOutput {

  /** Appends characters {@code [start, end)} of {@code s}. */
  void append(CharSequence s, int start, int end);

  /** Appends one character. */
  void append(char c);

  /** Appends all of {@code s}. */
  default void append(CharSequence s) {
    append(s, 0, s.length());
  }

  /**
   * Appends {@code s} escaped as character data, as {@link XmlEscaper#escapeText(CharSequence,
   * XmlOutput)} does; an output may do the same in one pass of its own.
   */
  default void appendEscapedText(CharSequence s) {
    XmlEscaper.escapeText(s, this);
  }

  /**
   * Appends {@code s} escaped for an attribute value, as {@link XmlEscaper#escapeAttribute(
   * CharSequence, XmlOutput)} does; an output may do the same in one pass of its own.
   */
  default void appendEscapedAttribute(CharSequence s) {
    XmlEscaper.escapeAttribute(s, this);
  }

  /** An output that appends to a {@link StringBuilder}. */
  static XmlOutput of(StringBuilder sb) {
    return new XmlOutput() {
      @Override
      public void append(CharSequence s, int start, int end) {
        sb.append(s, start, end);
      }

      @Override
      public void append(char c) {
        sb.append(c);
      }
    };
  }
}
