package dev.xmppreactive.xml;

/**
 * A node in the content of an {@link XmlElement}: a child element or a run of character data.
 *
 * <p>Both kinds are immutable. Comments, processing instructions and DTDs are not part of the model:
 * RFC 6120 §11.1 forbids them in an XMPP stream.
 */
public sealed interface XmlNode permits XmlElement, XmlText {
}
