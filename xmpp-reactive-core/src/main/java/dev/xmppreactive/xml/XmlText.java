package dev.xmppreactive.xml;

import java.util.Objects;

/**
 * Character data inside an element, as the application sees it (already unescaped).
 *
 * @param text the characters; never {@code null}, and only characters that XML 1.0 allows
 *             (W3C XML 1.0 §2.2, as RFC 6120 §11.1 requires)
 */
public record XmlText(String text) implements XmlNode {

  /**
   * Creates a text node.
   *
   * @throws IllegalArgumentException if the text holds a character that XML 1.0 forbids
   *                                  (a control character other than tab, LF and CR, an unpaired
   *                                  surrogate, U+FFFE or U+FFFF)
   */
  public XmlText {
    Objects.requireNonNull(text, "text");
    XmlChars.requireValid(text, "text");
  }

  @Override
  public String toString() {
    return text;
  }
}
