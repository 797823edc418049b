package dev.xmppreactive.jid;

import dev.xmppreactive.jid.JidFormatException.Part;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Preparation and enforcement of each part of an address, RFC 7622 §3.2–§3.4, through the PRECIS
 * profiles of RFC 8265 (rocks.xmpp:precis) and IDNA (the JDK's {@link IDN}). Pure ASCII parts that need
 * no mapping take a fast path with the same result.
 */
final class JidParts {

  /** RFC 7622 §3.2, §3.3, §3.4: each part is at most 1023 octets in UTF-8. */
  static final int MAX_PART_BYTES = 1023;

  private JidParts() {
  }

  /**
   * Enforces the UsernameCaseMapped profile (RFC 8265 §3.3) and the further restrictions of RFC 7622
   * §3.3.1 on a localpart.
   */
  static String localpart(String raw, String input) {
    if (raw.isEmpty()) {
      throw new JidFormatException(Part.LOCALPART, "empty (RFC 7622 §3.3: at least one character)",
          input);
    }
    String out;
    if (isSimpleAscii(raw)) {
      out = raw.toLowerCase(Locale.ROOT);
    } else {
      try {
        out = Precis.usernameCaseMapped(raw);
      } catch (IllegalArgumentException e) {
        throw new JidFormatException(Part.LOCALPART,
            "not allowed by the PRECIS UsernameCaseMapped profile (RFC 8265 §3.3): " + e.getMessage(),
            input, e);
      }
    }
    for (int i = 0; i < out.length(); i++) {
      char c = out.charAt(i);
      if (c == '"' || c == '&' || c == '\'' || c == '/' || c == ':' || c == '<' || c == '>'
          || c == '@') {
        throw new JidFormatException(Part.LOCALPART,
            "the character '" + c + "' is not allowed (RFC 7622 §3.3.1)", input);
      }
    }
    checkLength(out, Part.LOCALPART, input);
    return out;
  }

  /** Enforces the OpaqueString profile (RFC 8265 §4.2) on a resourcepart, RFC 7622 §3.4. */
  static String resourcepart(String raw, String input) {
    if (raw.isEmpty()) {
      throw new JidFormatException(Part.RESOURCEPART,
          "empty (RFC 7622 §3.4: at least one character)", input);
    }
    String out;
    if (isPrintableAscii(raw)) {
      out = raw; // OpaqueString maps and normalises nothing in printable ASCII
    } else {
      try {
        out = Precis.opaqueString(raw);
      } catch (IllegalArgumentException e) {
        throw new JidFormatException(Part.RESOURCEPART,
            "not allowed by the PRECIS OpaqueString profile (RFC 8265 §4.2): " + e.getMessage(),
            input, e);
      }
    }
    checkLength(out, Part.RESOURCEPART, input);
    return out;
  }

  /**
   * Prepares a domainpart, RFC 7622 §3.2: an IP literal is kept as written; otherwise a trailing dot is
   * removed, ideographic full stops are mapped to dots, each label is converted to its Unicode form
   * (IDNA, RFC 5891 via {@link IDN}), lowercased and NFC-normalised, and checked to be an LDH label or
   * a U-label (RFC Errata 5789: so no '@', '/', spaces or controls).
   */
  static String domainpart(String raw, String input) {
    if (raw.isEmpty()) {
      throw new JidFormatException(Part.DOMAINPART, "empty (RFC 7622 §3.2)", input);
    }
    if (raw.charAt(0) == '[') {
      if (!raw.endsWith("]") || !IpLiterals.isIpv6(raw.substring(1, raw.length() - 1))) {
        throw new JidFormatException(Part.DOMAINPART, "not a valid IPv6 literal (RFC 3986 §3.2.2)",
            input);
      }
      checkLength(raw, Part.DOMAINPART, input);
      return raw.toLowerCase(Locale.ROOT);
    }
    String d = mapLabelSeparators(raw);
    if (d.endsWith(".")) {
      d = d.substring(0, d.length() - 1); // §3.2: a final dot is stripped
    }
    if (d.isEmpty()) {
      throw new JidFormatException(Part.DOMAINPART, "empty (RFC 7622 §3.2)", input);
    }
    String out;
    if (isAsciiLdhDomain(d)) {
      out = d.toLowerCase(Locale.ROOT);
    } else {
      out = unicodeDomain(d, input);
    }
    checkLength(out, Part.DOMAINPART, input);
    return out;
  }

  private static String unicodeDomain(String d, String input) {
    String[] labels = d.split("\\.", -1);
    StringBuilder sb = new StringBuilder(d.length());
    for (String label : labels) {
      if (label.isEmpty()) {
        throw new JidFormatException(Part.DOMAINPART, "empty label (RFC 7622 §3.2)", input);
      }
      String u;
      if (isAsciiLdhLabel(label) && !isALabel(label)) {
        u = label.toLowerCase(Locale.ROOT);
      } else if (isALabel(label)) {
        // RFC 7622 §3.2.1: each A-label is converted to a U-label.
        u = IDN.toUnicode(label.toLowerCase(Locale.ROOT), IDN.USE_STD3_ASCII_RULES);
        if (isALabel(u)) {
          throw new JidFormatException(Part.DOMAINPART,
              "'" + label + "' is not a valid A-label (RFC 5890 §2.3.2.1)", input);
        }
        u = Normalizer.normalize(u.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
      } else {
        for (int i = 0; i < label.length(); ) {
          int cp = label.codePointAt(i);
          if (cp < 0x80 && !isLdh(cp)) {
            throw new JidFormatException(Part.DOMAINPART, String.format(
                "the character U+%04X is not allowed in a domain label (RFC 5890 §2.3.1, RFC 7622 "
                    + "§3.2, Errata 5789)", cp), input);
          }
          if (Character.isWhitespace(cp) || Character.isISOControl(cp)
              || Character.getType(cp) == Character.SURROGATE) {
            throw new JidFormatException(Part.DOMAINPART,
                String.format("the character U+%04X is not allowed (RFC 7622 §3.2)", cp), input);
          }
          i += Character.charCount(cp);
        }
        try {
          String ascii = IDN.toASCII(label, IDN.USE_STD3_ASCII_RULES);
          u = IDN.toUnicode(ascii, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
          throw new JidFormatException(Part.DOMAINPART,
              "not a valid internationalised domain label (IDNA): " + e.getMessage(), input, e);
        }
        u = Normalizer.normalize(u.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
      }
      if (sb.length() > 0) {
        sb.append('.');
      }
      sb.append(u);
    }
    return sb.toString();
  }

  private static String mapLabelSeparators(String s) {
    // RFC 7622 §3.2 / RFC 5895 §2: full stop equivalents are mapped to U+002E.
    if (s.indexOf('\u3002') < 0 && s.indexOf('\uFF0E') < 0 && s.indexOf('\uFF61') < 0) {
      return s;
    }
    return s.replace('\u3002', '.').replace('\uFF0E', '.').replace('\uFF61', '.');
  }

  private static void checkLength(String part, Part which, String input) {
    // UTF-8 takes at most 3 bytes per UTF-16 char, so short strings need no encoding to check.
    if (part.length() * 3 > MAX_PART_BYTES
        && part.getBytes(StandardCharsets.UTF_8).length > MAX_PART_BYTES) {
      throw new JidFormatException(which,
          "longer than " + MAX_PART_BYTES + " bytes in UTF-8 (RFC 7622 §3)", input);
    }
  }

  /** ASCII letters, digits and the punctuation that UsernameCaseMapped keeps as it is. */
  private static boolean isSimpleAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= 0x20 || c >= 0x7F) {
        return false;
      }
    }
    return true;
  }

  private static boolean isPrintableAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c >= 0x7F) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLdh(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
        || c == '_';
  }

  private static boolean isAsciiLdhLabel(String label) {
    for (int i = 0; i < label.length(); i++) {
      if (!isLdh(label.charAt(i))) {
        return false;
      }
    }
    return !label.isEmpty();
  }

  private static boolean isALabel(String label) {
    return label.regionMatches(true, 0, "xn--", 0, 4);
  }

  /** Whether {@code d} is all LDH labels, none empty and none an A-label (which needs converting). */
  private static boolean isAsciiLdhDomain(String d) {
    int labelStart = 0;
    for (int i = 0; i <= d.length(); i++) {
      if (i == d.length() || d.charAt(i) == '.') {
        if (i == labelStart || d.regionMatches(true, labelStart, "xn--", 0, 4)) {
          return false; // empty label, or an A-label
        }
        labelStart = i + 1;
      } else if (!isLdh(d.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
