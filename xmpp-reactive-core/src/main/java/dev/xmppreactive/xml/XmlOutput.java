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
