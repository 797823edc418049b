package dev.xmppreactive.stanza;

import dev.xmppreactive.xml.XmlElement;
import dev.xmppreactive.xml.XmlNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads children that may appear once per language, as {@code <body/>}, {@code <subject/>} and
 * {@code <status/>} (RFC 6121 §5.2.3, §5.2.4, §4.7.2.2). A child's language is its own
 * {@code xml:lang}, else the stanza's, else unknown ({@code ""}); language tags compare without regard
 * to case (RFC 5646 §2.1.1).
 */
final class LangTexts {

  private LangTexts() {
  }

  static boolean sameLang(String a, String b) {
    return a == null ? b == null : a.equalsIgnoreCase(b);
  }

  /**
   * The text in the stanza's default language: the first such child without an {@code xml:lang} of its
   * own or with the stanza's; failing that, the first such child; {@code null} if there is none.
   */
  static String text(XmlElement stanza, String localName) {
    String ns = stanza.namespace();
    String stanzaLang = stanza.lang();
    XmlElement first = null;
    List<XmlNode> children = stanza.children();
    for (int i = 0, n = children.size(); i < n; i++) {
      if (children.get(i) instanceof XmlElement e && e.is(localName, ns)) {
        String lang = e.lang();
        if (lang == null || (stanzaLang != null && lang.equalsIgnoreCase(stanzaLang))) {
          return e.text();
        }
        if (first == null) {
          first = e;
        }
      }
    }
    return first == null ? null : first.text();
  }

  /**
   * The text of the first such child whose language is {@code lang}, or {@code null}; for a
   * {@code null} language, the text in the default language.
   */
  static String text(XmlElement stanza, String localName, String lang) {
    if (lang == null) {
      return text(stanza, localName);
    }
    String ns = stanza.namespace();
    String stanzaLang = stanza.lang();
    List<XmlNode> children = stanza.children();
    for (int i = 0, n = children.size(); i < n; i++) {
      if (children.get(i) instanceof XmlElement e && e.is(localName, ns)
          && effectiveLang(e, stanzaLang).equalsIgnoreCase(lang)) {
        return e.text();
      }
    }
    return null;
  }

  /** Every such text by its language ({@code ""} when unknown), in order; the first of a language wins. */
  static Map<String, String> texts(XmlElement stanza, String localName) {
    String ns = stanza.namespace();
    String stanzaLang = stanza.lang();
    Map<String, String> out = null;
    List<XmlNode> children = stanza.children();
    for (int i = 0, n = children.size(); i < n; i++) {
      if (children.get(i) instanceof XmlElement e && e.is(localName, ns)) {
        if (out == null) {
          out = new LinkedHashMap<>(4);
        }
        out.putIfAbsent(effectiveLang(e, stanzaLang), e.text());
      }
    }
    return out == null ? Map.of() : Collections.unmodifiableMap(out);
  }

  private static String effectiveLang(XmlElement e, String stanzaLang) {
    String lang = e.lang();
    if (lang != null) {
      return lang;
    }
    return stanzaLang == null ? "" : stanzaLang;
  }
}
