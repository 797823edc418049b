package dev.xmppreactive.tls;

import java.text.Normalizer;
import java.util.Locale;

/**
 * DNS domain name comparison for certificate identities, RFC 6125 §6.4: names are compared in their
 * ASCII form (U-labels turned into A-labels, §6.4.2), case-insensitively (§6.4.1), and a wildcard is
 * honoured only as the whole left-most label (RFC 6120 §13.7.1.2.1; RFC 6125 §6.4.3 rules 1 and 2).
 */
final class DomainNames {

  private static final int MAX_LABEL = 63;
  private static final int MAX_NAME = 253;

  private DomainNames() {
  }

  /**
   * The ASCII (A-label, lower-case) form of a domain name: label separators of RFC 3490 §3.1 are
   * treated as dots, one trailing dot is dropped, ASCII labels are lower-cased, and other labels are
   * lower-cased, put in NFC and Punycode-encoded with the {@code xn--} prefix.
   *
   * @return the ASCII form, or {@code null} if the name has empty or over-long labels or is too long
   */
  static String toAsciiOrNull(String name) {
    if (name == null || name.isEmpty() || name.length() > MAX_NAME + 1) {
      return null;
    }
    String s = name.replace('\u3002', '.').replace('\uFF0E', '.').replace('\uFF61', '.');
    if (s.endsWith(".")) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.isEmpty()) {
      return null;
    }
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (String label : s.split("\\.", -1)) {
      if (label.isEmpty()) {
        return null;
      }
      String ascii;
      if (isAscii(label)) {
        ascii = label.toLowerCase(Locale.ROOT);
      } else {
        String u = Normalizer.normalize(label.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
        try {
          ascii = "xn--" + Punycode.encode(u);
        } catch (IllegalArgumentException e) {
          return null;
        }
      }
      if (ascii.length() > MAX_LABEL) {
        return null;
      }
      if (out.length() > 0) {
        out.append('.');
      }
      out.append(ascii);
    }
    return out.length() > MAX_NAME ? null : out.toString();
  }

  /**
   * Whether a presented DNS name (a dNSName, or the name part of an SRV-ID or CN-ID) matches the
   * reference domain. A wildcard {@code *} matches only as the whole left-most label, stands for
   * exactly one label, and needs at least two labels after it ({@code *.com} matches nothing).
   *
   * @param presented the name from the certificate
   * @param refAscii  the reference domain, already in {@link #toAsciiOrNull ASCII form}
   */
  static boolean matches(String presented, String refAscii, boolean wildcardAllowed) {
    if (presented == null || refAscii == null) {
      return false;
    }
    if (presented.indexOf('*') < 0) {
      return refAscii.equals(toAsciiOrNull(presented));
    }
    if (!wildcardAllowed || !presented.startsWith("*.") || presented.indexOf('*', 1) >= 0) {
      return false;
    }
    String rest = toAsciiOrNull(presented.substring(2));
    if (rest == null || rest.indexOf('.') < 0) {
      return false;
    }
    int dot = refAscii.indexOf('.');
    return dot > 0 && refAscii.substring(dot + 1).equals(rest);
  }

  /** Whether every label is letters, digits and hyphens (after ASCII conversion), as a host name's are. */
  static boolean looksLikeHostName(String name) {
    String ascii = toAsciiOrNull(name.startsWith("*.") ? name.substring(2) : name);
    if (ascii == null) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      char c = ascii.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.')) {
        return false;
      }
    }
    return true;
  }

  /** Whether the name is an IPv4 or IPv6 literal, which SNI must not carry (RFC 6066 §3). */
  static boolean isIpLiteral(String name) {
    return name.indexOf(':') >= 0 || name.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
