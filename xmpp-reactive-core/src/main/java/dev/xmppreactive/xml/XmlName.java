package dev.xmppreactive.xml;

import java.util.Objects;

/**
 * The expanded name of an element or attribute: a namespace URI and a local name (Namespaces in XML
 * 1.0 §4). Prefixes are not part of a name; they are only a serialisation detail.
 *
 * @param namespace the namespace URI, or the empty string for no namespace
 * @param localName the local name, an XML NCName
 */
public record XmlName(String namespace, String localName) {

  /** The namespace that the {@code xml:} prefix is bound to, as for {@code xml:lang}. */
  public static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

  /** The namespace of {@code xmlns} declarations; never used for ordinary names. */
  public static final String XMLNS_NS = "http://www.w3.org/2000/xmlns/";

  /** The name of the {@code xml:lang} attribute. */
  public static final XmlName XML_LANG = new XmlName(XML_NS, "lang");

  /**
   * Creates a name.
   *
   * @throws IllegalArgumentException if the local name is not an NCName
   */
  public XmlName {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(localName, "localName");
    if (!XmlChars.isNcName(localName)) {
      throw new IllegalArgumentException("not an XML local name (NCName): '" + localName + "'");
    }
  }

  /** Shorthand for {@code new XmlName(namespace, localName)}. */
  public static XmlName of(String namespace, String localName) {
    return new XmlName(namespace, localName);
  }

  @Override
  public String toString() {
    return namespace.isEmpty() ? localName : "{" + namespace + "}" + localName;
  }
}
