package dev.xmppreactive.xml;

import java.util.Objects;

/**
 * An attribute of an element. Namespace declarations ({@code xmlns}, {@code xmlns:p}) are not
 * attributes in this model; they are held by {@link XmlElement#namespaceDeclarations()}.
 *
 * @param name   the attribute's expanded name; most attributes have no namespace
 * @param prefix the prefix the attribute was written with, or would like to be written with; a hint
 *               only, never part of equality ({@code ""} for an unprefixed attribute)
 * @param value  the value, unescaped
 */
public record XmlAttribute(XmlName name, String prefix, String value) {

  /**
   * Creates an attribute.
   *
   * @throws IllegalArgumentException if the value holds a character XML forbids, or the prefix is not
   *                                  an NCName
   */
  public XmlAttribute {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(value, "value");
    if (!prefix.isEmpty() && !XmlChars.isNcName(prefix)) {
      throw new IllegalArgumentException("not an XML prefix (NCName): '" + prefix + "'");
    }
    if (name.namespace().equals(XmlName.XMLNS_NS)) {
      throw new IllegalArgumentException("namespace declarations are not attributes: " + name);
    }
    if (XmlChars.indexOfInvalid(value) >= 0) { // the message only when it is needed
      XmlChars.requireValid(value, "attribute value of " + name);
    }
  }

  /** An attribute without a namespace. */
  public static XmlAttribute of(String localName, String value) {
    return new XmlAttribute(new XmlName("", localName), "", value);
  }
}
