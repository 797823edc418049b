package dev.xmppreactive.jid;

/**
 * The CONTEXTO rules of RFC 5892 Appendix A.3–A.9, which PRECIS (RFC 8264 §9.10, §9.13) applies to a
 * few code points that are valid only in some contexts: the middle dot between two 'l's (Catalan), the
 * Greek keraia before a Greek letter, the Hebrew geresh and gershayim after a Hebrew letter, the
 * katakana middle dot with Japanese script around, and no mixing of the two sets of Arabic-Indic digits.
 *
 * <p>rocks.xmpp:precis 1.1.0 applies none of them: it refuses these code points outright in the
 * IdentifierClass profiles and accepts them anywhere in FreeformClass ones. {@link Precis} closes the
 * gap with this class; the PRECIS golden vectors test both sides.
 */
final class ContextRules {

  private ContextRules() {
  }

  /** Whether a code point is CONTEXTO in RFC 5892 (and so in PRECIS, RFC 8264 §9.13). */
  static boolean isContextO(int cp) {
    return cp == 0x00B7 || cp == 0x0375 || cp == 0x05F3 || cp == 0x05F4 || cp == 0x30FB
        || (cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06F0 && cp <= 0x06F9);
  }

  /**
   * Returns the first code point of {@code s} whose CONTEXTO rule fails, or {@code -1} if every rule
   * holds.
   */
  static int firstViolation(String s) {
    boolean arabicIndic = false;
    boolean extendedArabicIndic = false;
    boolean japanese = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      arabicIndic |= cp >= 0x0660 && cp <= 0x0669;
      extendedArabicIndic |= cp >= 0x06F0 && cp <= 0x06F9;
      Character.UnicodeScript sc = Character.UnicodeScript.of(cp);
      japanese |= sc == Character.UnicodeScript.HIRAGANA || sc == Character.UnicodeScript.KATAKANA
          || sc == Character.UnicodeScript.HAN;
      i += Character.charCount(cp);
    }
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int next = i + Character.charCount(cp);
      int before = i > 0 ? s.codePointBefore(i) : -1;
      int after = next < s.length() ? s.codePointAt(next) : -1;
      boolean ok = switch (cp) {
        case 0x00B7 -> before == 'l' && after == 'l'; // A.3
        case 0x0375 -> after >= 0 && script(after) == Character.UnicodeScript.GREEK; // A.4
        case 0x05F3, 0x05F4 -> before >= 0 && script(before) == Character.UnicodeScript.HEBREW; // A.5, A.6
        case 0x30FB -> japanese; // A.7
        default -> {
          if (cp >= 0x0660 && cp <= 0x0669) {
            yield !extendedArabicIndic; // A.8
          }
          if (cp >= 0x06F0 && cp <= 0x06F9) {
            yield !arabicIndic; // A.9
          }
          yield true;
        }
      };
      if (!ok) {
        return cp;
      }
      i = next;
    }
    return -1;
  }

  private static Character.UnicodeScript script(int cp) {
    return Character.UnicodeScript.of(cp);
  }
}
