package dev.xmppreactive.codec;

import com.fasterxml.aalto.AsyncXMLStreamReader;
import dev.xmppreactive.stream.StreamErrorCondition;
import dev.xmppreactive.stream.StreamHeader;
import dev.xmppreactive.xml.UncheckedXmlBuilder;
import dev.xmppreactive.xml.XmlElement;
import dev.xmppreactive.xml.XmlName;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import javax.xml.stream.XMLStreamException;

/**
 * Turns the parser's events inside a top-level element into an {@link XmlElement}, and the root start
 * tag into a {@link StreamHeader}, enforcing the per-element {@link XmlLimits}. Elements are made
 * with an {@link UncheckedXmlBuilder}, which checks nothing again: Aalto has checked names,
 * namespaces, duplicate attributes and every character (behind the parser's own UTF-8 check). Its
 * buffers and the text buffer are reused from element to element; text that arrives in one piece
 * (the common case) is not copied again. Not thread-safe.
 */
final class ElementAssembler {

  private static final int KEEP_TEXT_CAPACITY = 1 << 16;

  private final XmlLimits limits;
  private final NameCache names;
  private final LongSupplier offset;
  private final UncheckedXmlBuilder tree = new UncheckedXmlBuilder();
  private final AttributeValues values = new AttributeValues();
  private String pendingText;
  private StringBuilder text = new StringBuilder(256);
  private static final int DECLARATIONS = 32;
  private final String[] declarationPrefixes = new String[DECLARATIONS];
  private final String[] declarationUris = new String[DECLARATIONS];
  @SuppressWarnings("unchecked")
  private final Map<String, String>[] declarationMaps = new Map[DECLARATIONS];

  /**
   * @param offset where the parser is, in the decoder's input, for error messages
   */
  ElementAssembler(XmlLimits limits, NameCache names, LongSupplier offset) {
    this.limits = limits;
    this.names = names;
    this.offset = offset;
  }

  /** How many elements are open: 0 between top-level elements, 1 inside one, and so on. */
  int depth() {
    return tree.depth();
  }

  /** Drops any element in progress. */
  void reset() {
    tree.reset();
    pendingText = null;
    if (text.capacity() > KEEP_TEXT_CAPACITY) {
      text = new StringBuilder(256);
    } else {
      text.setLength(0);
    }
  }

  /**
   * Reads the stream header from the root start tag (RFC 6120 §4.7).
   *
   * @throws XmlFramingException {@code invalid-namespace} if the root is not {@code <stream>} in the
   *                             stream namespace (§4.8.1), {@code bad-namespace-prefix} if it has no
   *                             prefix (§4.8.5), or {@code policy-violation} for a limit
   */
  StreamHeader header(AsyncXMLStreamReader<?> r) throws XMLStreamException {
    String local = r.getLocalName();
    String prefix = nz(r.getPrefix());
    checkName(prefix, local);
    if (!local.equals("stream") || !StreamHeader.STREAM_NS.equals(r.getNamespaceURI())) {
      throw fail(StreamErrorCondition.INVALID_NAMESPACE, "the root element is {"
          + nz(r.getNamespaceURI()) + "}" + local + ", not {" + StreamHeader.STREAM_NS
          + "}stream (RFC 6120 §4.8.1)");
    }
    if (prefix.isEmpty()) {
      throw fail(StreamErrorCondition.BAD_NAMESPACE_PREFIX,
          "the stream header has no prefix for the stream namespace (RFC 6120 §4.8.5)");
    }
    checkCounts(r.getAttributeCount() + r.getNamespaceCount());
    Map<String, String> ns = new LinkedHashMap<>(4);
    for (int i = 0, n = r.getNamespaceCount(); i < n; i++) {
      String p = nz(r.getNamespacePrefix(i));
      String uri = checkedUri(r, i);
      if (!p.equals("xml")) { // xmlns:xml may be declared (to its one namespace), but needs not be
        ns.put(p, uri);
      }
    }
    String from = null;
    String to = null;
    String id = null;
    String version = null;
    String lang = null;
    values.startTag();
    for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
      String an = nz(r.getAttributeNamespace(i));
      String al = r.getAttributeLocalName(i);
      checkName(nz(r.getAttributePrefix(i)), al);
      String v = checkedValue(r, i);
      if (an.isEmpty()) {
        switch (al) {
          case "from" -> from = v;
          case "to" -> to = v;
          case "id" -> id = v;
          case "version" -> version = v;
          default -> { } // not among those of RFC 6120 §4.7: ignored
        }
      } else if (an.equals(XmlName.XML_NS) && al.equals("lang")) {
        lang = v;
      }
    }
    return new StreamHeader(from, to, id, version, lang, ns);
  }

  /**
   * Opens an element at the current start tag.
   *
   * @param inherited for a top-level element, the stream header's declarations to carry, else unused
   */
  void start(AsyncXMLStreamReader<?> r, Map<String, String> inherited) throws XMLStreamException {
    int depth = tree.depth();
    if (depth >= limits.maxDepth()) {
      throw fail(StreamErrorCondition.POLICY_VIOLATION,
          "elements nested deeper than " + limits.maxDepth());
    }
    flushText();
    String local = r.getLocalName();
    String prefix = nz(r.getPrefix());
    int declarations = r.getNamespaceCount(); // Aalto counts them on each call
    int attributes = r.getAttributeCount();
    checkCounts(attributes + declarations);
    tree.start(name(prefix, local, nz(r.getNamespaceURI())), prefix);
    boolean topLevel = depth == 0 && inherited != null;
    if (topLevel) {
      tree.declarations(inherited); // shared, not copied
    }
    for (int i = 0; i < declarations; i++) {
      String p = nz(r.getNamespacePrefix(i));
      String uri = checkedUri(r, i);
      names.get("xmlns", p.isEmpty() ? "xmlns" : p, XmlName.XMLNS_NS); // Aalto keeps it as a symbol
      if (p.equals("xml")) {
        continue; // predefined; Aalto has checked it is bound to its one namespace
      } else if (declarations == 1 && !topLevel) {
        tree.declarations(declaration(p, uri)); // the common case: one, and seen before
      } else {
        tree.declare(p, uri);
      }
    }
    values.startTag();
    for (int i = 0; i < attributes; i++) {
      String ap = nz(r.getAttributePrefix(i));
      String al = r.getAttributeLocalName(i);
      XmlName an = name(ap, al, nz(r.getAttributeNamespace(i)));
      tree.attribute(an, ap, checkedValue(r, i));
    }
  }

  /** Adds the text of the current event (characters, CDATA or whitespace) to the open element. */
  void text(AsyncXMLStreamReader<?> r) {
    if (pendingText == null && text.length() == 0) {
      pendingText = r.getText();
      return;
    }
    if (pendingText != null) {
      text.append(pendingText);
      pendingText = null;
    }
    text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
  }

  /**
   * Closes the open element.
   *
   * @return the top-level element if this closed it, else {@code null}
   */
  XmlElement end() {
    flushText();
    XmlElement e = tree.end();
    return tree.depth() == 0 ? e : null;
  }

  /** Gives the text read since the last tag to the open element (there is none at depth 0). */
  private void flushText() {
    if (pendingText != null) {
      tree.text(pendingText);
      pendingText = null;
    } else if (text.length() > 0) {
      tree.text(text.toString());
      if (text.capacity() > KEEP_TEXT_CAPACITY) {
        text = new StringBuilder(256);
      } else {
        text.setLength(0);
      }
    }
  }

  /**
   * An immutable map of one declaration, the same instance for the same strings while it stays in a
   * small table: elements share it, as payloads in one namespace recur (Aalto gives the same string
   * instances for names and namespaces it has seen).
   */
  private Map<String, String> declaration(String prefix, String uri) {
    int i = (uri.hashCode() * 31 + prefix.hashCode()) & (DECLARATIONS - 1);
    Map<String, String> m = declarationMaps[i];
    if (m == null || declarationUris[i] != uri || declarationPrefixes[i] != prefix) {
      m = Map.of(prefix, uri);
      declarationMaps[i] = m;
      declarationUris[i] = uri;
      declarationPrefixes[i] = prefix;
    }
    return m;
  }

  /**
   * The name, from the cache; a name seen for the first time is checked against the length limit
   * first (one in the cache has passed it, with the same prefix).
   */
  private XmlName name(String prefix, String local, String namespace) {
    XmlName n = names.find(prefix, local, namespace);
    if (n == null) {
      checkName(prefix, local);
      n = names.get(prefix, local, namespace);
    }
    return n;
  }

  private void checkCounts(int n) {
    if (n > limits.maxAttributes()) {
      throw fail(StreamErrorCondition.POLICY_VIOLATION, n
          + " attributes and namespace declarations on one element; the limit is "
          + limits.maxAttributes());
    }
  }

  private void checkName(String prefix, String local) {
    int length = prefix.isEmpty() ? local.length() : prefix.length() + 1 + local.length();
    if (length > limits.maxNameLength()) {
      throw fail(StreamErrorCondition.POLICY_VIOLATION, "a name of " + length
          + " characters; the limit is " + limits.maxNameLength());
    }
  }

  private String checkedValue(AsyncXMLStreamReader<?> r, int i) throws XMLStreamException {
    String v = values.read(r, i);
    if (v.length() > limits.maxAttributeValueLength()) {
      throw fail(StreamErrorCondition.POLICY_VIOLATION, "an attribute value of " + v.length()
          + " characters; the limit is " + limits.maxAttributeValueLength());
    }
    return v;
  }

  private String checkedUri(AsyncXMLStreamReader<?> r, int i) {
    String uri = nz(r.getNamespaceURI(i));
    if (uri.length() > limits.maxAttributeValueLength()) {
      throw fail(StreamErrorCondition.POLICY_VIOLATION, "a namespace name of " + uri.length()
          + " characters; the limit is " + limits.maxAttributeValueLength());
    }
    if (uri.isEmpty() && !nz(r.getNamespacePrefix(i)).isEmpty()) {
      throw fail(StreamErrorCondition.NOT_WELL_FORMED, "the prefix '" + r.getNamespacePrefix(i)
          + "' is bound to the empty namespace name (Namespaces in XML 1.0 §3)");
    }
    return uri;
  }

  private XmlFramingException fail(StreamErrorCondition condition, String what) {
    return new XmlFramingException(condition, what, offset.getAsLong(), null);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
