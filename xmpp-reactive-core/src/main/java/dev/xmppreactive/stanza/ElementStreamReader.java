package dev.xmppreactive.stanza;

import dev.xmppreactive.xml.XmlAttribute;
import dev.xmppreactive.xml.XmlElement;
import dev.xmppreactive.xml.XmlName;
import dev.xmppreactive.xml.XmlNode;
import dev.xmppreactive.xml.XmlText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.namespace.QName;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A StAX reader over an {@link XmlElement}, so that Jackson's {@code XmlMapper} binds an element
 * without writing it as text and parsing it again. It reports a document whose root is the element:
 * START_DOCUMENT, START_ELEMENT, CHARACTERS, END_ELEMENT, END_DOCUMENT. Prefixes are those the element
 * carries as hints, and declarations are reported where a namespace first needs one, as an XML writer
 * would put them. Not thread-safe; one use.
 */
final class ElementStreamReader implements XMLStreamReader {

  private static final Location NO_LOCATION = new Location() {
    @Override
    public int getLineNumber() {
      return -1;
    }

    @Override
    public int getColumnNumber() {
      return -1;
    }

    @Override
    public int getCharacterOffset() {
      return -1;
    }

    @Override
    public String getPublicId() {
      return null;
    }

    @Override
    public String getSystemId() {
      return null;
    }
  };

  /** An open element: its content and where the reader is in it. */
  private static final class Frame {
    final XmlElement element;
    final List<String> declared; // prefix, uri, prefix, uri, ...
    final List<String> attributePrefixes;
    final int mark;
    int next;

    Frame(XmlElement element, List<String> declared, List<String> attributePrefixes, int mark) {
      this.element = element;
      this.declared = declared;
      this.attributePrefixes = attributePrefixes;
      this.mark = mark;
    }
  }

  private final XmlElement root;
  private final NamespaceBindings bindings = new NamespaceBindings();
  private final ArrayList<Frame> stack = new ArrayList<>(8);
  private int event = START_DOCUMENT;
  private Frame current; // the element of a START_ELEMENT or END_ELEMENT event
  private String text; // the text of a CHARACTERS event

  ElementStreamReader(XmlElement root) {
    this.root = root;
  }

  @Override
  public int next() throws XMLStreamException {
    if (event == END_ELEMENT) {
      bindings.reset(current.mark);
    }
    text = null;
    switch (event) {
      case START_DOCUMENT -> {
        return start(root);
      }
      case END_DOCUMENT -> throw new NoSuchElementException("the document has ended");
      default -> {
        if (stack.isEmpty()) {
          current = null;
          return event = END_DOCUMENT;
        }
        Frame top = stack.get(stack.size() - 1);
        List<XmlNode> children = top.element.children();
        if (top.next < children.size()) {
          XmlNode n = children.get(top.next++);
          if (n instanceof XmlText t) {
            text = t.text();
            current = null;
            return event = CHARACTERS;
          }
          return start((XmlElement) n);
        }
        stack.remove(stack.size() - 1);
        current = top;
        return event = END_ELEMENT;
      }
    }
  }

  private int start(XmlElement e) {
    int mark = bindings.mark();
    List<String> declared = new ArrayList<>(2);
    for (Map.Entry<String, String> d : e.namespaceDeclarations().entrySet()) {
      declare(declared, d.getKey(), d.getValue());
    }
    String p = e.prefix();
    if (!e.namespace().equals(bindings.lookup(p))) {
      if (!p.isEmpty() && e.namespace().isEmpty()) {
        p = ""; // only an unprefixed name can be in no namespace
      }
      if (!e.namespace().equals(bindings.lookup(p))) {
        declare(declared, p, e.namespace());
      }
    }
    List<String> attributePrefixes = new ArrayList<>(e.attributes().size());
    int generated = 0;
    for (XmlAttribute a : e.attributes()) {
      String ns = a.name().namespace();
      String ap = "";
      if (ns.equals(XmlName.XML_NS)) {
        ap = XMLConstants.XML_NS_PREFIX;
      } else if (!ns.isEmpty()) {
        ap = a.prefix();
        if (ap.isEmpty() || !ns.equals(bindings.lookup(ap))) {
          String existing = bindings.getPrefix(ns);
          if (existing != null && !existing.isEmpty()) {
            ap = existing;
          } else {
            while (ap.isEmpty() || bindings.lookup(ap) != null) {
              ap = "ns" + generated++;
            }
            declare(declared, ap, ns);
          }
        }
      }
      attributePrefixes.add(ap);
    }
    Frame f = new Frame(e, declared, attributePrefixes, mark);
    stack.add(f);
    current = f;
    return event = START_ELEMENT;
  }

  private void declare(List<String> declared, String prefix, String uri) {
    if (prefix.equals(XMLConstants.XML_NS_PREFIX) || prefix.equals(XMLConstants.XMLNS_ATTRIBUTE)
        || (!prefix.isEmpty() && uri.isEmpty()) || uri.equals(bindings.lookup(prefix))) {
      return;
    }
    for (int i = 0; i < declared.size(); i += 2) {
      if (declared.get(i).equals(prefix)) {
        return; // the first declaration of a prefix on an element wins
      }
    }
    declared.add(prefix);
    declared.add(uri);
    bindings.bind(prefix, uri);
  }

  @Override
  public boolean hasNext() {
    return event != END_DOCUMENT;
  }

  @Override
  public int getEventType() {
    return event;
  }

  @Override
  public Object getProperty(String name) {
    if (name == null) {
      throw new IllegalArgumentException("name is null");
    }
    return null;
  }

  @Override
  public void require(int type, String namespaceUri, String localName) throws XMLStreamException {
    if (type != event) {
      throw new XMLStreamException("expected event " + type + ", at " + event);
    }
    if (namespaceUri != null && !namespaceUri.equals(getNamespaceURI() == null ? ""
        : getNamespaceURI())) {
      throw new XMLStreamException("expected namespace " + namespaceUri);
    }
    if (localName != null && !localName.equals(getLocalName())) {
      throw new XMLStreamException("expected local name " + localName);
    }
  }

  @Override
  public String getElementText() throws XMLStreamException {
    if (event != START_ELEMENT) {
      throw new XMLStreamException("not at a start tag");
    }
    StringBuilder sb = new StringBuilder();
    while (next() != END_ELEMENT) {
      if (event == CHARACTERS) {
        sb.append(text);
      } else {
        throw new XMLStreamException("element content where text only was expected");
      }
    }
    return sb.toString();
  }

  @Override
  public int nextTag() throws XMLStreamException {
    int e = next();
    while (e == CHARACTERS && isWhiteSpace()) {
      e = next();
    }
    if (e != START_ELEMENT && e != END_ELEMENT) {
      throw new XMLStreamException("expected a start or end tag, found event " + e);
    }
    return e;
  }

  @Override
  public void close() {
    // nothing to release
  }

  @Override
  public String getNamespaceURI(String prefix) {
    return bindings.lookup(prefix);
  }

  @Override
  public boolean isStartElement() {
    return event == START_ELEMENT;
  }

  @Override
  public boolean isEndElement() {
    return event == END_ELEMENT;
  }

  @Override
  public boolean isCharacters() {
    return event == CHARACTERS;
  }

  @Override
  public boolean isWhiteSpace() {
    if (event != CHARACTERS) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return false;
      }
    }
    return true;
  }

  private Frame startTag() {
    if (event != START_ELEMENT) {
      throw new IllegalStateException("not at a start tag");
    }
    return current;
  }

  private Frame tag() {
    if (event != START_ELEMENT && event != END_ELEMENT) {
      throw new IllegalStateException("not at a start or end tag");
    }
    return current;
  }

  @Override
  public String getAttributeValue(String namespaceUri, String localName) {
    XmlElement e = startTag().element;
    for (XmlAttribute a : e.attributes()) {
      if (a.name().localName().equals(localName)
          && (namespaceUri == null || a.name().namespace().equals(namespaceUri))) {
        return a.value();
      }
    }
    return null;
  }

  @Override
  public int getAttributeCount() {
    return startTag().element.attributes().size();
  }

  @Override
  public QName getAttributeName(int index) {
    return new QName(getAttributeNamespace(index) == null ? "" : getAttributeNamespace(index),
        getAttributeLocalName(index), getAttributePrefix(index));
  }

  @Override
  public String getAttributeNamespace(int index) {
    String ns = startTag().element.attributes().get(index).name().namespace();
    return ns.isEmpty() ? null : ns;
  }

  @Override
  public String getAttributeLocalName(int index) {
    return startTag().element.attributes().get(index).name().localName();
  }

  @Override
  public String getAttributePrefix(int index) {
    return startTag().attributePrefixes.get(index);
  }

  @Override
  public String getAttributeType(int index) {
    startTag().element.attributes().get(index);
    return "CDATA";
  }

  @Override
  public String getAttributeValue(int index) {
    return startTag().element.attributes().get(index).value();
  }

  @Override
  public boolean isAttributeSpecified(int index) {
    startTag().element.attributes().get(index);
    return true;
  }

  @Override
  public int getNamespaceCount() {
    return tag().declared.size() / 2;
  }

  @Override
  public String getNamespacePrefix(int index) {
    String p = tag().declared.get(index * 2);
    return p.isEmpty() ? null : p;
  }

  @Override
  public String getNamespaceURI(int index) {
    return tag().declared.get(index * 2 + 1);
  }

  @Override
  public NamespaceContext getNamespaceContext() {
    return bindings;
  }

  @Override
  public String getText() {
    if (event != CHARACTERS) {
      throw new IllegalStateException("not at character data");
    }
    return text;
  }

  @Override
  public char[] getTextCharacters() {
    return getText().toCharArray();
  }

  @Override
  public int getTextCharacters(int sourceStart, char[] target, int targetStart, int length) {
    String t = getText();
    int n = Math.max(0, Math.min(length, t.length() - sourceStart));
    t.getChars(sourceStart, sourceStart + n, target, targetStart);
    return n;
  }

  @Override
  public int getTextStart() {
    getText();
    return 0;
  }

  @Override
  public int getTextLength() {
    return getText().length();
  }

  @Override
  public String getEncoding() {
    return null;
  }

  @Override
  public boolean hasText() {
    return event == CHARACTERS;
  }

  @Override
  public Location getLocation() {
    return NO_LOCATION;
  }

  @Override
  public QName getName() {
    XmlElement e = tag().element;
    return new QName(e.namespace(), e.localName(), getPrefix());
  }

  @Override
  public String getLocalName() {
    return tag().element.localName();
  }

  @Override
  public boolean hasName() {
    return event == START_ELEMENT || event == END_ELEMENT;
  }

  @Override
  public String getNamespaceURI() {
    String ns = tag().element.namespace();
    return ns.isEmpty() ? null : ns;
  }

  @Override
  public String getPrefix() {
    XmlElement e = tag().element;
    String ns = e.namespace();
    String p = e.prefix();
    if (ns.equals(bindings.lookup(p))) {
      return p;
    }
    String other = bindings.getPrefix(ns);
    return other == null ? "" : other;
  }

  @Override
  public String getVersion() {
    return null;
  }

  @Override
  public boolean isStandalone() {
    return false;
  }

  @Override
  public boolean standaloneSet() {
    return false;
  }

  @Override
  public String getCharacterEncodingScheme() {
    return null;
  }

  @Override
  public String getPITarget() {
    return null;
  }

  @Override
  public String getPIData() {
    return null;
  }
}
