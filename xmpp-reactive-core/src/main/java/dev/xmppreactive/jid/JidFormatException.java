package dev.xmppreactive.jid;

import java.util.Objects;

/**
 * A string is not a valid XMPP address (RFC 7622). The exception names the part that is wrong and why.
 */
public final class JidFormatException extends IllegalArgumentException {

  /** The parts of an address, RFC 7622 §3. */
  public enum Part {
    /** The whole address (for example, an empty string). */
    ADDRESS,
    /** The localpart, §3.3. */
    LOCALPART,
    /** The domainpart, §3.2. */
    DOMAINPART,
    /** The resourcepart, §3.4. */
    RESOURCEPART
  }

  private final Part part;
  private final String reason;
  private final String input;

  /**
   * Creates the exception.
   *
   * @param part   the part that is invalid
   * @param reason why, in a few words
   * @param input  the text that was given (for the message)
   */
  public JidFormatException(Part part, String reason, String input) {
    this(part, reason, input, null);
  }

  public JidFormatException(Part part, String reason, String input, Throwable cause) {
    super("invalid " + Objects.requireNonNull(part, "part").name().toLowerCase(java.util.Locale.ROOT)
        + " in XMPP address '" + printable(input) + "': " + reason, cause);
    this.part = part;
    this.reason = reason;
    this.input = input;
  }

  /** The part that is invalid. */
  public Part part() {
    return part;
  }

  /** Why it is invalid. */
  public String reason() {
    return reason;
  }

  /** The text that was given. */
  public String input() {
    return input;
  }

  private static String printable(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder sb = new StringBuilder(Math.min(s.length(), 200) + 8);
    for (int i = 0; i < s.length() && sb.length() < 200; ) {
      int cp = s.codePointAt(i);
      if (cp < 0x20 || cp == 0x7F || Character.getType(cp) == Character.SURROGATE) {
        sb.append(String.format("\\u%04X", cp));
      } else {
        sb.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    if (sb.length() >= 200) {
      sb.append("...");
    }
    return sb.toString();
  }
}
