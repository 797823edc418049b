package dev.xmppreactive.xml;

/**
 * Something that has an XML element form: stanzas, nonzas and payloads. The codec's encoder writes any
 * {@code XmlWritable} it is given.
 */
public interface XmlWritable {

  /** This value as an element. */
  XmlElement toXmlElement();
}
