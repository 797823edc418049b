package dev.xmppreactive.stanza;

import dev.xmppreactive.xml.XmlAttribute;
import dev.xmppreactive.xml.XmlElement;
import dev.xmppreactive.xml.XmlName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A StAX writer that builds an {@link XmlElement}, so that Jackson's {@code XmlMapper} writes a value
 * straight into the element model, without text in between.
 *
 * <p>Two conventions of XMPP payloads apply: the root element may be given its name (the codec's), and
 * an element written without a namespace is put in its parent's namespace, as the children of an
 * extension element conventionally share its namespace (Jackson writes properties without one unless
 * they are annotated with one). Comments, processing instructions, DTDs and entity references are
 * refused: XMPP does not allow them (RFC 6120 §11.1). Not thread-safe; one use.
 */
final class ElementStreamWriter implements XMLStreamWriter {

  /** An element whose start tag may still take attributes and declarations. */
  private static final class Open {
    final String localName;
    final String prefix;
    String namespace; // null: not given, resolved when the start tag closes
    final ArrayList<XmlAttribute> attributes = new ArrayList<>(4);
    final LinkedHashMap<String, String> declarations = new LinkedHashMap<>(2);
    XmlElement.Builder builder; // set when the start tag is closed
    final int mark;
    final boolean empty;

    Open(String localName, String prefix, String namespace, int mark, boolean empty) {
      this.localName = localName;
      this.prefix = prefix;
      this.namespace = namespace;
      this.mark = mark;
      this.empty = empty;
    }
  }

  private final XmlName rootName;
  private final NamespaceBindings bindings = new NamespaceBindings();
  private final ArrayList<Open> stack = new ArrayList<>(8);
  private NamespaceContext context;
  private XmlElement result;

  /**
   * Creates a writer.
   *
   * @param rootName the name to give the root element whatever it is written with, or {@code null} to
   *                 keep the name written
   */
  ElementStreamWriter(XmlName rootName) {
    this.rootName = rootName;
  }

  /**
   * The element written.
   *
   * @throws IllegalStateException if no complete element has been written
   */
  XmlElement result() {
    if (result == null) {
      throw new IllegalStateException("no complete element was written");
    }
    return result;
  }

  private Open top() {
    return stack.isEmpty() ? null : stack.get(stack.size() - 1);
  }

  /** Closes a pending start tag; a pending empty element is then also ended. */
  private void closeStartTag() throws XMLStreamException {
    Open o = top();
    if (o == null || o.builder != null) {
      return;
    }
    String ns;
    if (stack.size() == 1 && rootName != null) {
      ns = rootName.namespace();
    } else if (o.namespace != null && !o.namespace.isEmpty()) {
      ns = o.namespace;
    } else {
      Open parent = stack.size() > 1 ? stack.get(stack.size() - 2) : null;
      ns = parent == null ? (o.namespace == null ? "" : o.namespace) : parent.namespace;
    }
    String local = stack.size() == 1 && rootName != null ? rootName.localName() : o.localName;
    XmlElement.Builder b;
    try {
      b = XmlElement.builder(new XmlName(ns, local)).prefix(o.prefix);
      for (Map.Entry<String, String> d : o.declarations.entrySet()) {
        b.declareNamespace(d.getKey(), d.getValue());
      }
      for (XmlAttribute a : o.attributes) {
        b.attribute(a.name(), a.prefix(), a.value());
      }
    } catch (IllegalArgumentException e) {
      throw new XMLStreamException(e.getMessage(), e);
    }
    o.builder = b;
    o.namespace = ns;
    if (o.empty) {
      end();
    }
  }

  private void start(String prefix, String localName, String namespace, boolean empty)
      throws XMLStreamException {
    closeStartTag();
    if (stack.isEmpty() && result != null) {
      throw new XMLStreamException("a second root element");
    }
    stack.add(new Open(localName, prefix == null ? "" : prefix, namespace, bindings.mark(), empty));
  }

  private void end() throws XMLStreamException {
    Open o = stack.remove(stack.size() - 1);
    XmlElement e = o.builder.build();
    bindings.reset(o.mark);
    Open parent = top();
    if (parent == null) {
      result = e;
    } else {
      parent.builder.child(e);
    }
  }

  @Override
  public void writeStartElement(String localName) throws XMLStreamException {
    String ns = bindings.lookup("");
    start("", localName, ns.isEmpty() ? null : ns, false);
  }

  @Override
  public void writeStartElement(String namespaceUri, String localName) throws XMLStreamException {
    String ns = namespaceUri == null ? "" : namespaceUri;
    String p = ns.isEmpty() ? "" : bindings.getPrefix(ns);
    start(p == null ? "" : p, localName, ns, false);
  }

  @Override
  public void writeStartElement(String prefix, String localName, String namespaceUri)
      throws XMLStreamException {
    start(prefix, localName, namespaceUri == null ? "" : namespaceUri, false);
  }

  @Override
  public void writeEmptyElement(String namespaceUri, String localName) throws XMLStreamException {
    String ns = namespaceUri == null ? "" : namespaceUri;
    String p = ns.isEmpty() ? "" : bindings.getPrefix(ns);
    start(p == null ? "" : p, localName, ns, true);
  }

  @Override
  public void writeEmptyElement(String prefix, String localName, String namespaceUri)
      throws XMLStreamException {
    start(prefix, localName, namespaceUri == null ? "" : namespaceUri, true);
  }

  @Override
  public void writeEmptyElement(String localName) throws XMLStreamException {
    String ns = bindings.lookup("");
    start("", localName, ns.isEmpty() ? null : ns, true);
  }

  @Override
  public void writeEndElement() throws XMLStreamException {
    closeStartTag(); // a pending empty element ends here, and the end tag is its parent's
    if (top() == null) {
      throw new XMLStreamException("no open element to end");
    }
    end();
  }

  @Override
  public void writeEndDocument() throws XMLStreamException {
    closeStartTag();
    while (!stack.isEmpty()) {
      end();
    }
  }

  @Override
  public void close() {
    // nothing to release
  }

  @Override
  public void flush() {
    // nothing is buffered
  }

  private Open pendingStartTag(String what) throws XMLStreamException {
    Open o = top();
    if (o == null || o.builder != null) {
      throw new XMLStreamException(what + " outside a start tag");
    }
    return o;
  }

  @Override
  public void writeAttribute(String localName, String value) throws XMLStreamException {
    addAttribute(new XmlName("", localName), "", value);
  }

  @Override
  public void writeAttribute(String prefix, String namespaceUri, String localName, String value)
      throws XMLStreamException {
    addAttribute(name(namespaceUri, localName), prefix == null ? "" : prefix, value);
  }

  @Override
  public void writeAttribute(String namespaceUri, String localName, String value)
      throws XMLStreamException {
    String ns = namespaceUri == null ? "" : namespaceUri;
    String p = ns.isEmpty() ? "" : bindings.getPrefix(ns);
    addAttribute(name(ns, localName), p == null ? "" : p, value);
  }

  private static XmlName name(String namespaceUri, String localName) throws XMLStreamException {
    try {
      return new XmlName(namespaceUri == null ? "" : namespaceUri, localName);
    } catch (IllegalArgumentException e) {
      throw new XMLStreamException(e.getMessage(), e);
    }
  }

  private void addAttribute(XmlName name, String prefix, String value) throws XMLStreamException {
    Open o = pendingStartTag("an attribute");
    if (name.namespace().equals(XMLConstants.XMLNS_ATTRIBUTE_NS_URI)) {
      writeNamespace(name.localName(), value);
      return;
    }
    try {
      o.attributes.add(new XmlAttribute(name, name.namespace().isEmpty() ? "" : prefix, value));
    } catch (IllegalArgumentException e) {
      throw new XMLStreamException(e.getMessage(), e);
    }
  }

  @Override
  public void writeNamespace(String prefix, String namespaceUri) throws XMLStreamException {
    if (prefix == null || prefix.isEmpty() || prefix.equals(XMLConstants.XMLNS_ATTRIBUTE)) {
      writeDefaultNamespace(namespaceUri);
      return;
    }
    Open o = pendingStartTag("a namespace declaration");
    o.declarations.put(prefix, namespaceUri);
    bindings.bind(prefix, namespaceUri);
  }

  @Override
  public void writeDefaultNamespace(String namespaceUri) throws XMLStreamException {
    Open o = pendingStartTag("a namespace declaration");
    String ns = namespaceUri == null ? "" : namespaceUri;
    o.declarations.put("", ns);
    bindings.bind("", ns);
    if (o.prefix.isEmpty() && o.namespace == null) {
      o.namespace = ns; // an unprefixed element takes the default namespace declared on it
    }
  }

  private XMLStreamException forbidden(String what) {
    return new XMLStreamException(what + " cannot be part of an XMPP stream (RFC 6120 §11.1)");
  }

  @Override
  public void writeComment(String data) throws XMLStreamException {
    throw forbidden("a comment");
  }

  @Override
  public void writeProcessingInstruction(String target) throws XMLStreamException {
    throw forbidden("a processing instruction");
  }

  @Override
  public void writeProcessingInstruction(String target, String data) throws XMLStreamException {
    throw forbidden("a processing instruction");
  }

  @Override
  public void writeCData(String data) throws XMLStreamException {
    writeCharacters(data);
  }

  @Override
  public void writeDTD(String dtd) throws XMLStreamException {
    throw forbidden("a DTD");
  }

  @Override
  public void writeEntityRef(String name) throws XMLStreamException {
    throw forbidden("an entity reference");
  }

  @Override
  public void writeStartDocument() {
    // an element has no prolog
  }

  @Override
  public void writeStartDocument(String version) {
    // an element has no prolog
  }

  @Override
  public void writeStartDocument(String encoding, String version) {
    // an element has no prolog
  }

  @Override
  public void writeCharacters(String text) throws XMLStreamException {
    if (text == null || text.isEmpty()) {
      return;
    }
    closeStartTag();
    Open o = top();
    if (o == null) {
      for (int i = 0; i < text.length(); i++) {
        if (!Character.isWhitespace(text.charAt(i))) {
          throw new XMLStreamException("text outside the root element");
        }
      }
      return;
    }
    try {
      o.builder.text(text);
    } catch (IllegalArgumentException e) {
      throw new XMLStreamException(e.getMessage(), e);
    }
  }

  @Override
  public void writeCharacters(char[] text, int start, int len) throws XMLStreamException {
    writeCharacters(new String(text, start, len));
  }

  @Override
  public String getPrefix(String uri) {
    String p = bindings.getPrefix(uri);
    if (p == null && context != null) {
      p = context.getPrefix(uri);
    }
    return p;
  }

  @Override
  public void setPrefix(String prefix, String uri) {
    bindings.bind(prefix, uri);
  }

  @Override
  public void setDefaultNamespace(String uri) {
    bindings.bind("", uri == null ? "" : uri);
  }

  @Override
  public void setNamespaceContext(NamespaceContext namespaceContext) {
    this.context = namespaceContext;
  }

  @Override
  public NamespaceContext getNamespaceContext() {
    return bindings;
  }

  @Override
  public Object getProperty(String name) {
    if (name == null) {
      throw new IllegalArgumentException("name is null");
    }
    // Namespaces are declared by the element model's writer as needed: in effect, repairing.
    return "javax.xml.stream.isRepairingNamespaces".equals(name) ? Boolean.TRUE : null;
  }
}
