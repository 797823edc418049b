package dev.xmppreactive.xml;

/**
 * Character classes of XML 1.0 (W3C XML 1.0 fifth edition §2.2 {@code Char}, §2.3 {@code Name}) and
 * Namespaces in XML 1.0 ({@code NCName}).
 */
public final class XmlChars {

  private XmlChars() {
  }

  /**
   * Whether a code point is an XML 1.0 {@code Char}: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and
   * U+10000–U+10FFFF.
   */
  public static boolean isXmlChar(int cp) {
    if (cp < 0x20) {
      return cp == 0x9 || cp == 0xA || cp == 0xD;
    }
    return cp <= 0xD7FF || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
  }

  /**
   * The index of the first character of {@code s} that XML 1.0 does not allow (including an unpaired
   * surrogate), or {@code -1} if all are allowed.
   */
  public static int indexOfInvalid(CharSequence s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0xD800) {
        continue; // the common case
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
          continue;
        }
        return i;
      }
      if (Character.isLowSurrogate(c) || !isXmlChar(c)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Throws if {@code s} holds a character XML 1.0 forbids.
   *
   * @param what what the string is, for the message
   * @throws IllegalArgumentException naming the position and code of the first such character
   */
  public static void requireValid(CharSequence s, String what) {
    int bad = indexOfInvalid(s);
    if (bad >= 0) {
      throw new IllegalArgumentException(String.format(
          "%s holds a character XML forbids: U+%04X at index %d", what, (int) s.charAt(bad), bad));
    }
  }

  /** Whether {@code s} is an NCName: an XML {@code Name} without a colon. */
  public static boolean isNcName(CharSequence s) {
    int n = s.length();
    if (n == 0) {
      return false;
    }
    for (int i = 0; i < n; ) {
      int cp = Character.codePointAt(s, i);
      boolean ok = i == 0 ? isNameStartChar(cp) : isNameChar(cp);
      if (!ok || cp == ':') {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  /** XML 1.0 {@code NameStartChar}. */
  public static boolean isNameStartChar(int cp) {
    if (cp < 0x80) {
      return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_' || cp == ':';
    }
    return (cp >= 0xC0 && cp <= 0xD6) || (cp >= 0xD8 && cp <= 0xF6) || (cp >= 0xF8 && cp <= 0x2FF)
        || (cp >= 0x370 && cp <= 0x37D) || (cp >= 0x37F && cp <= 0x1FFF)
        || (cp >= 0x200C && cp <= 0x200D) || (cp >= 0x2070 && cp <= 0x218F)
        || (cp >= 0x2C00 && cp <= 0x2FEF) || (cp >= 0x3001 && cp <= 0xD7FF)
        || (cp >= 0xF900 && cp <= 0xFDCF) || (cp >= 0xFDF0 && cp <= 0xFFFD)
        || (cp >= 0x10000 && cp <= 0xEFFFF);
  }

  /** XML 1.0 {@code NameChar}. */
  public static boolean isNameChar(int cp) {
    if (cp < 0x80) {
      return isNameStartChar(cp) || cp == '-' || cp == '.' || (cp >= '0' && cp <= '9');
    }
    return isNameStartChar(cp) || cp == 0xB7 || (cp >= 0x300 && cp <= 0x36F)
        || (cp >= 0x203F && cp <= 0x2040);
  }
}
