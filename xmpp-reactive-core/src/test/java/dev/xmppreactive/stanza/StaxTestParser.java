package dev.xmppreactive.stanza;

import dev.xmppreactive.xml.XmlAttribute;
import dev.xmppreactive.xml.XmlElement;
import dev.xmppreactive.xml.XmlName;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Test-only: parses XML text into an {@link XmlElement} with the JDK's own StAX parser
 * ({@link XMLInputFactory#newDefaultFactory()}, not Aalto), as an independent cross-check of the
 * library's codec. DTDs and external entities are refused. Whitespace-only text is kept, like all
 * other text.
 */
final class StaxTestParser {

  private static final Pattern XML_DECLARATION = Pattern.compile("^\\s*<\\?xml[^?]*\\?>");

  private StaxTestParser() {
  }

  /** Parses a document whose root element is the result. */
  static XmlElement parse(String xml) {
    return parseDocument(xml);
  }

  /**
   * Parses one element as if it were inside a stream whose default namespace is
   * {@code defaultNamespace}: an element written without {@code xmlns} is in that namespace, as a
   * stanza in a {@code jabber:client} stream is (RFC 6120 §4.8.2).
   */
  static XmlElement parseInStream(String xml, String defaultNamespace) {
    String body = XML_DECLARATION.matcher(xml).replaceFirst("");
    String wrapped = "<stream xmlns='" + defaultNamespace + "'>" + body + "</stream>";
    XmlElement stream = parseDocument(wrapped);
    if (stream.elements().size() != 1) {
      throw new IllegalArgumentException("expected one element, found " + stream.elements().size());
    }
    return stream.firstElement();
  }

  private static XmlElement parseDocument(String xml) {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    try {
      return read(f.createXMLStreamReader(new StringReader(xml)));
    } catch (XMLStreamException e) {
      throw new IllegalArgumentException("not well-formed: " + e.getMessage(), e);
    }
  }

  /** Reads the events of any StAX reader into an element: the root element of the document. */
  static XmlElement read(XMLStreamReader r) throws XMLStreamException {
    Deque<XmlElement.Builder> stack = new ArrayDeque<>();
    XmlElement root = null;
    while (r.hasNext()) {
      switch (r.next()) {
        case XMLStreamReader.START_ELEMENT -> {
          String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
          XmlElement.Builder b = XmlElement.builder(new XmlName(ns, r.getLocalName()))
              .prefix(r.getPrefix() == null ? "" : r.getPrefix());
          for (int i = 0; i < r.getNamespaceCount(); i++) {
            String p = r.getNamespacePrefix(i);
            b.declareNamespace(p == null ? "" : p, r.getNamespaceURI(i));
          }
          for (int i = 0; i < r.getAttributeCount(); i++) {
            String ans = r.getAttributeNamespace(i) == null ? "" : r.getAttributeNamespace(i);
            String ap = r.getAttributePrefix(i) == null ? "" : r.getAttributePrefix(i);
            b.addAttribute(new XmlAttribute(new XmlName(ans, r.getAttributeLocalName(i)),
                ans.isEmpty() ? "" : ap, r.getAttributeValue(i)));
          }
          stack.push(b);
        }
        case XMLStreamReader.CHARACTERS, XMLStreamReader.CDATA, XMLStreamReader.SPACE -> {
          if (!stack.isEmpty()) {
            stack.peek().text(r.getText());
          }
        }
        case XMLStreamReader.END_ELEMENT -> {
          XmlElement e = stack.pop().build();
          if (stack.isEmpty()) {
            root = e;
          } else {
            stack.peek().child(e);
          }
        }
        case XMLStreamReader.DTD, XMLStreamReader.ENTITY_REFERENCE ->
            throw new IllegalArgumentException("DTDs and entity references are refused");
        default -> {
          // comments and processing instructions are not part of the model
        }
      }
    }
    return root;
  }
}
