package dev.xmppreactive.xml;

/**
 * Escapes text and attribute values (W3C XML 1.0 §2.4, §3.3.3). Only the characters that must be
 * escaped are: {@code & < >} in text (the {@code >} so that {@code ]]>} never appears), and in
 * attribute values also both quotes and tab, LF and CR, which attribute-value normalisation would
 * otherwise turn into spaces. CR in text is written as {@code &#xD;} so that line-end normalisation
 * keeps it.
 */
public final class XmlEscaper {

  private XmlEscaper() {
  }

  /** Appends {@code s} escaped as character data. */
  public static void escapeText(CharSequence s, XmlOutput out) {
    escape(s, out, false);
  }

  /** Appends {@code s} escaped for an attribute value in either kind of quotes. */
  public static void escapeAttribute(CharSequence s, XmlOutput out) {
    escape(s, out, true);
  }

  /** {@code s} escaped as character data. */
  public static String escapeText(CharSequence s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    escapeText(s, XmlOutput.of(sb));
    return sb.toString();
  }

  /** {@code s} escaped for an attribute value. */
  public static String escapeAttribute(CharSequence s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    escapeAttribute(s, XmlOutput.of(sb));
    return sb.toString();
  }

  private static void escape(CharSequence s, XmlOutput out, boolean attribute) {
    int n = s.length();
    int run = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      String rep;
      if (c > '>') {
        continue;
      }
      switch (c) {
        case '&' -> rep = "&amp;";
        case '<' -> rep = "&lt;";
        case '>' -> rep = "&gt;";
        case '\r' -> rep = "&#xD;";
        case '"' -> rep = attribute ? "&quot;" : null;
        case '\'' -> rep = attribute ? "&apos;" : null;
        case '\n' -> rep = attribute ? "&#xA;" : null;
        case '\t' -> rep = attribute ? "&#x9;" : null;
        default -> rep = null;
      }
      if (rep != null) {
        if (i > run) {
          out.append(s, run, i);
        }
        out.append(rep);
        run = i + 1;
      }
    }
    if (run < n) {
      out.append(s, run, n);
    }
  }
}
