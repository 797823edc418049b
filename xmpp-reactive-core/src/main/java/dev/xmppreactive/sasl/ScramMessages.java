package dev.xmppreactive.sasl;

import java.util.ArrayList;
import java.util.List;

/** The text syntax of SCRAM messages, RFC 5802 §7: attributes, saslname escaping, nonces. */
final class ScramMessages {

  /** One {@code attr-val}: a letter and a non-empty value. */
  record Attribute(char name, String value) {
  }

  private ScramMessages() {
  }

  /** saslname of RFC 5802 §5.1: "," becomes "=2C" and "=" becomes "=3D". */
  static String escape(String name) {
    StringBuilder sb = new StringBuilder(name.length() + 8);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == ',') {
        sb.append("=2C");
      } else if (c == '=') {
        sb.append("=3D");
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * Splits a server message into its attributes, checking the generic syntax {@code ALPHA "=" value}
   * with a non-empty value.
   *
   * @throws SaslException ({@link SaslException.Kind#PROTOCOL_VIOLATION}) on any other syntax
   */
  static List<Attribute> parse(String message, String what) {
    List<Attribute> out = new ArrayList<>(6);
    int start = 0;
    while (true) {
      int comma = message.indexOf(',', start);
      String part = comma < 0 ? message.substring(start) : message.substring(start, comma);
      if (part.length() < 3 || part.charAt(1) != '=' || !isAlpha(part.charAt(0))) {
        throw SaslException.protocolViolation("malformed attribute in the SCRAM " + what + ": '" + shorten(part) + "'");
      }
      String value = part.substring(2);
      for (int i = 0; i < value.length(); i++) {
        if (value.charAt(i) == '\0') {
          throw SaslException.protocolViolation("U+0000 in the SCRAM " + what);
        }
      }
      out.add(new Attribute(part.charAt(0), value));
      if (comma < 0) {
        return out;
      }
      start = comma + 1;
    }
  }

  /** Whether a nonce is {@code printable} of RFC 5802 §7: %x21-2B / %x2D-7E. */
  static boolean isPrintable(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x21 || c > 0x7e || c == ',') {
        return false;
      }
    }
    return true;
  }

  /**
   * Parses {@code posit-number}: a positive decimal without a leading zero; values past the int range
   * come back as {@link Integer#MAX_VALUE}, for the caller's limit to refuse.
   */
  static int positiveNumber(String s) {
    if (s.isEmpty() || s.charAt(0) < '1' || s.charAt(0) > '9') {
      throw SaslException.protocolViolation(
          "the SCRAM iteration count is not a positive number: '" + shorten(s) + "'");
    }
    long v = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw SaslException.protocolViolation(
            "the SCRAM iteration count is not a positive number: '" + shorten(s) + "'");
      }
      v = Math.min(v * 10 + (c - '0'), Integer.MAX_VALUE);
    }
    return (int) v;
  }

  private static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static String shorten(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
