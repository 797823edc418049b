package dev.xmppreactive.xml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable XML element: an expanded name, attributes, namespace declarations, and content (child
 * elements and text, in order).
 *
 * <p>Any payload the library does not understand is kept as an {@code XmlElement} and written out again
 * with the same meaning: the same expanded names, attributes and text (RFC 6120 §8.4: a client passes on
 * what it does not understand). Prefixes and namespace declarations are kept as serialisation hints but
 * are not part of {@link #equals(Object) equality}, as Namespaces in XML 1.0 defines meaning.
 *
 * <p>Equality compares the name, the attributes as a set (their order does not matter), and the content
 * in order, text exactly (whitespace included). Adjacent text is always merged, so an element has the
 * same content however its text arrived.
 *
 * <p>Instances are thread-safe. Create them with {@link #builder(String, String)} (a parser may use
 * {@link UncheckedXmlBuilder}, which does not check again what the parser has checked); change them
 * with {@link #toBuilder()} or the {@code with*} methods, which return copies.
 */
public final class XmlElement implements XmlNode {

  static final Object[] NONE = new Object[0];

  private final XmlName name;
  private final String prefix;
  /**
   * The attributes, three slots each: {@link XmlName}, prefix, value. Never changed after
   * construction; {@link XmlWriter} reads it directly.
   */
  final Object[] attrs;
  private final Map<String, String> namespaceDeclarations;
  /**
   * The content: {@link XmlElement}s and text as {@code String}s (never empty, never two in a row).
   * Never changed after construction; {@link XmlWriter} reads it directly.
   */
  final Object[] nodes;
  /** {@link #attributes()}, made on first use (a racy cache, as String's hash: a benign race). */
  private List<XmlAttribute> attributeList;
  /** {@link #children()}, made on first use. */
  private List<XmlNode> childList;
  private int hash;

  /**
   * An element from its parts, taken as they are: the arrays must be exactly sized and never changed
   * afterwards, and hold what {@link #attrs} and {@link #nodes} say.
   */
  XmlElement(XmlName name, String prefix, Object[] attrs, Map<String, String> namespaceDeclarations,
             Object[] nodes) {
    this.name = name;
    this.prefix = prefix;
    this.attrs = attrs;
    this.namespaceDeclarations = namespaceDeclarations;
    this.nodes = nodes;
  }

  /**
   * Starts an element.
   *
   * @param localName the local name
   * @param namespace the namespace URI, or {@code ""} for none
   */
  public static Builder builder(String localName, String namespace) {
    return new Builder(new XmlName(namespace, localName), "");
  }

  /** Starts an element with the given expanded name. */
  public static Builder builder(XmlName name) {
    return new Builder(name, "");
  }

  /** An empty element: {@code <localName xmlns='namespace'/>}. */
  public static XmlElement empty(String localName, String namespace) {
    return builder(localName, namespace).build();
  }

  /** A builder that starts from a copy of this element. */
  public Builder toBuilder() {
    Builder b = new Builder(name, prefix);
    for (Object a : attrs) {
      b.attrs.add(a);
    }
    if (!namespaceDeclarations.isEmpty()) {
      b.namespaces = new LinkedHashMap<>(namespaceDeclarations);
    }
    for (Object n : nodes) {
      b.children.add(n);
    }
    return b;
  }

  /** The expanded name. */
  public XmlName name() {
    return name;
  }

  /** The namespace URI, {@code ""} for none. */
  public String namespace() {
    return name.namespace();
  }

  /** The local name. */
  public String localName() {
    return name.localName();
  }

  /** The prefix it came with or should be written with ({@code ""}: the default namespace). */
  public String prefix() {
    return prefix;
  }

  /** Whether this element has the given local name and namespace. */
  public boolean is(String localName, String namespace) {
    return name.localName().equals(localName) && name.namespace().equals(namespace);
  }

  /** The attributes, in the order they came. */
  public List<XmlAttribute> attributes() {
    List<XmlAttribute> list = attributeList;
    if (list == null) {
      if (attrs.length == 0) {
        list = List.of();
      } else {
        XmlAttribute[] a = new XmlAttribute[attrs.length / 3];
        for (int i = 0; i < a.length; i++) {
          a[i] = new XmlAttribute((XmlName) attrs[3 * i], (String) attrs[3 * i + 1],
              (String) attrs[3 * i + 2]);
        }
        list = new FrozenList<>(a);
      }
      attributeList = list;
    }
    return list;
  }

  /**
   * The number of attributes; with {@link #attributeName} and {@link #attributeValue}, a way to read
   * them in order without the {@link XmlAttribute}s of {@link #attributes()}.
   */
  public int attributeCount() {
    return attrs.length / 3;
  }

  /**
   * The name of the attribute at {@code index}, in the order of {@link #attributes()}.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= index < attributeCount()}
   */
  public XmlName attributeName(int index) {
    return (XmlName) attrs[3 * java.util.Objects.checkIndex(index, attrs.length / 3)];
  }

  /**
   * The value of the attribute at {@code index}, in the order of {@link #attributes()}.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= index < attributeCount()}
   */
  public String attributeValue(int index) {
    return (String) attrs[3 * java.util.Objects.checkIndex(index, attrs.length / 3) + 2];
  }

  /** The value of an attribute without a namespace, or {@code null}. */
  public String attribute(String localName) {
    return attribute("", localName);
  }

  /** The value of an attribute, or {@code null}. */
  public String attribute(String namespace, String localName) {
    Object[] a = attrs;
    for (int i = 0; i < a.length; i += 3) {
      XmlName n = (XmlName) a[i];
      if (n.localName().equals(localName) && n.namespace().equals(namespace)) {
        return (String) a[i + 2];
      }
    }
    return null;
  }

  /** The value of an attribute, or {@code null}. */
  public String attribute(XmlName attributeName) {
    return attribute(attributeName.namespace(), attributeName.localName());
  }

  /** The {@code xml:lang} attribute (RFC 6120 §8.1.5), or {@code null}. */
  public String lang() {
    return attribute(XmlName.XML_NS, "lang");
  }

  /**
   * The namespace declarations this element carries, prefix to URI ({@code ""} is the default
   * namespace). A decoded element also carries the declarations of the stream header that were in scope
   * (RFC 6120 §4.8), so that it means the same when written out on its own.
   */
  public Map<String, String> namespaceDeclarations() {
    return namespaceDeclarations;
  }

  /** The content: child elements and text, in order. */
  public List<XmlNode> children() {
    List<XmlNode> list = childList;
    if (list == null) {
      if (nodes.length == 0) {
        list = List.of();
      } else {
        XmlNode[] c = new XmlNode[nodes.length];
        for (int i = 0; i < c.length; i++) {
          Object n = nodes[i];
          c[i] = n instanceof String t ? new XmlText(t) : (XmlElement) n;
        }
        list = new FrozenList<>(c);
      }
      childList = list;
    }
    return list;
  }

  /** The child elements, in order. */
  public List<XmlElement> elements() {
    List<XmlElement> out = new ArrayList<>(nodes.length);
    for (Object n : nodes) {
      if (n instanceof XmlElement e) {
        out.add(e);
      }
    }
    return out;
  }

  /** The child elements with the given name, in order. */
  public List<XmlElement> elements(String localName, String namespace) {
    List<XmlElement> out = new ArrayList<>(2);
    for (Object n : nodes) {
      if (n instanceof XmlElement e && e.is(localName, namespace)) {
        out.add(e);
      }
    }
    return out;
  }

  /** The first child element with the given name, or {@code null}. */
  public XmlElement element(String localName, String namespace) {
    for (Object n : nodes) {
      if (n instanceof XmlElement e && e.is(localName, namespace)) {
        return e;
      }
    }
    return null;
  }

  /** The first child element with the given name, if any. */
  public Optional<XmlElement> findElement(String localName, String namespace) {
    return Optional.ofNullable(element(localName, namespace));
  }

  /** The first child element in the given namespace, whatever its name, or {@code null}. */
  public XmlElement elementIn(String namespace) {
    for (Object n : nodes) {
      if (n instanceof XmlElement e && e.namespace().equals(namespace)) {
        return e;
      }
    }
    return null;
  }

  /** The first child element, or {@code null}. */
  public XmlElement firstElement() {
    for (Object n : nodes) {
      if (n instanceof XmlElement e) {
        return e;
      }
    }
    return null;
  }

  /** The text directly inside this element (not that of its children), {@code ""} if none. */
  public String text() {
    Object[] c = nodes;
    if (c.length == 1) {
      return c[0] instanceof String t ? t : "";
    }
    StringBuilder sb = null;
    for (Object n : c) {
      if (n instanceof String t) {
        if (sb == null) {
          sb = new StringBuilder();
        }
        sb.append(t);
      }
    }
    return sb == null ? "" : sb.toString();
  }

  /** The text of the first child element with that name, or {@code null} if there is no such child. */
  public String childText(String localName, String namespace) {
    XmlElement e = element(localName, namespace);
    return e == null ? null : e.text();
  }

  /** Whether the element has no content at all. */
  public boolean isEmpty() {
    return nodes.length == 0;
  }

  /** A copy with the attribute (no namespace) set, or removed if {@code value} is {@code null}. */
  public XmlElement withAttribute(String localName, String value) {
    return toBuilder().attribute(localName, value).build();
  }

  /** A copy with the child appended. */
  public XmlElement withChild(XmlNode child) {
    return toBuilder().child(child).build();
  }

  /** A copy without the child elements of that name. */
  public XmlElement withoutElements(String localName, String namespace) {
    Builder b = toBuilder();
    b.children.removeIf(n -> n instanceof XmlElement e && e.is(localName, namespace));
    return b.build();
  }

  /** A copy with the given serialisation prefix (equality is unaffected). */
  public XmlElement withPrefix(String newPrefix) {
    return toBuilder().prefix(newPrefix).build();
  }

  /** This element as XML text, with every namespace it uses declared. */
  public String toXml() {
    StringBuilder sb = new StringBuilder(64);
    XmlWriter.write(this, XmlOutput.of(sb));
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof XmlElement other)) {
      return false;
    }
    if (hash != 0 && other.hash != 0 && hash != other.hash) {
      return false;
    }
    return name.equals(other.name) && sameAttributes(other) && Arrays.equals(nodes, other.nodes);
  }

  private boolean sameAttributes(XmlElement other) {
    Object[] a = attrs;
    if (a.length != other.attrs.length) {
      return false;
    }
    for (int i = 0; i < a.length; i += 3) {
      XmlName n = (XmlName) a[i];
      if (!a[i + 2].equals(other.attribute(n.namespace(), n.localName()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      int attributes = 0;
      Object[] a = attrs;
      for (int i = 0; i < a.length; i += 3) {
        attributes += a[i].hashCode() ^ a[i + 2].hashCode(); // order-independent
      }
      h = (31 * name.hashCode() + attributes) * 31 + Arrays.hashCode(nodes);
      if (h == 0) {
        h = 1;
      }
      hash = h;
    }
    return h;
  }

  /** The XML text, as {@link #toXml()}. */
  @Override
  public String toString() {
    return toXml();
  }

  /**
   * Builds an {@link XmlElement}. Not thread-safe; a builder may be used once.
   */
  public static final class Builder {
    private final XmlName name;
    private String prefix;
    /** Three slots per attribute, as {@link XmlElement#attrs}. */
    private final ArrayList<Object> attrs = new ArrayList<>(12);
    private LinkedHashMap<String, String> namespaces;
    private Map<String, String> sharedNamespaces;
    /** {@link XmlElement}s and text {@code String}s, as {@link XmlElement#nodes}. */
    private final ArrayList<Object> children = new ArrayList<>(4);
    private boolean built;

    private Builder(XmlName name, String prefix) {
      this.name = name;
      this.prefix = prefix;
    }

    /** The prefix to write the element with; a hint, not part of its meaning. */
    public Builder prefix(String p) {
      Objects.requireNonNull(p, "prefix");
      if (!p.isEmpty() && !XmlChars.isNcName(p)) {
        throw new IllegalArgumentException("not an XML prefix (NCName): '" + p + "'");
      }
      this.prefix = p;
      return this;
    }

    /** Sets an attribute without a namespace; a {@code null} value removes it. */
    public Builder attribute(String localName, String value) {
      return attribute(new XmlName("", localName), "", value);
    }

    /** Sets an attribute without a namespace if the value is not {@code null}; otherwise leaves it. */
    public Builder attributeIfPresent(String localName, Object value) {
      return value == null ? this : attribute(localName, value.toString());
    }

    /** Sets {@code xml:lang}; a {@code null} value removes it. */
    public Builder lang(String value) {
      return attribute(XmlName.XML_LANG, "xml", value);
    }

    /** Sets an attribute; a {@code null} value removes it. */
    public Builder attribute(XmlName attributeName, String prefixHint, String value) {
      if (value != null) {
        new XmlAttribute(attributeName, prefixHint, value); // the checks of an attribute
      }
      for (int i = 0; i < attrs.size(); i += 3) {
        if (attrs.get(i).equals(attributeName)) {
          if (value == null) {
            attrs.subList(i, i + 3).clear();
          } else {
            attrs.set(i + 1, prefixHint);
            attrs.set(i + 2, value);
          }
          return this;
        }
      }
      if (value != null) {
        attrs.add(attributeName);
        attrs.add(prefixHint);
        attrs.add(value);
      }
      return this;
    }

    /** Adds an attribute that is known not to be present yet (used by decoders). */
    public Builder addAttribute(XmlAttribute attribute) {
      attrs.add(attribute.name());
      attrs.add(attribute.prefix());
      attrs.add(attribute.value());
      return this;
    }

    /** Declares a namespace prefix ({@code ""} for the default namespace) on this element. */
    public Builder declareNamespace(String p, String uri) {
      Objects.requireNonNull(p, "prefix");
      Objects.requireNonNull(uri, "uri");
      if (p.equals("xml") || p.equals("xmlns")) {
        return this; // predefined, never declared
      }
      if (namespaces == null) {
        namespaces = new LinkedHashMap<>(4);
        if (sharedNamespaces != null) {
          namespaces.putAll(sharedNamespaces);
          sharedNamespaces = null;
        }
      }
      namespaces.put(p, uri);
      return this;
    }

    /**
     * Replaces the namespace declarations made so far with all of {@code declarations} (prefix to
     * URI, {@code ""} for the default namespace). An immutable map (as {@link Map#of} or
     * {@link Map#copyOf} make) is shared by the element rather than copied, so that a decoder can give
     * every top-level element of a stream the stream header's declarations at no cost; any other map
     * is copied.
     *
     * @throws IllegalArgumentException if the map binds the predefined prefix {@code xml} or
     *                                  {@code xmlns}
     * @throws NullPointerException     if the map, or a prefix or URI in it, is {@code null}
     */
    public Builder namespaceDeclarations(Map<String, String> declarations) {
      Map<String, String> shared = Map.copyOf(declarations); // no copy if already immutable
      shared.forEach(Builder::requireDeclarable);
      namespaces = null;
      sharedNamespaces = shared.isEmpty() ? null : shared;
      return this;
    }

    private static void requireDeclarable(String p, String uri) {
      if (p.equals("xml") || p.equals("xmlns")) {
        throw new IllegalArgumentException("the prefix " + p + " is predefined, never declared");
      }
    }

    /** Appends a child element or text. Adjacent text is merged; empty text is dropped. */
    public Builder child(XmlNode node) {
      Objects.requireNonNull(node, "node");
      if (node instanceof XmlText t) {
        return appendText(t.text());
      }
      children.add(node);
      return this;
    }

    /** Appends child elements or text, in order. */
    public Builder children(Iterable<? extends XmlNode> nodes) {
      for (XmlNode n : nodes) {
        child(n);
      }
      return this;
    }

    /** Appends text (XML-forbidden characters are refused). */
    public Builder text(String text) {
      if (text == null || text.isEmpty()) {
        return this;
      }
      XmlChars.requireValid(text, "text");
      return appendText(text);
    }

    private Builder appendText(String t) {
      if (t.isEmpty()) {
        return this;
      }
      int last = children.size() - 1;
      if (last >= 0 && children.get(last) instanceof String prev) {
        children.set(last, prev + t);
      } else {
        children.add(t);
      }
      return this;
    }

    /** Appends a child element {@code <localName xmlns='namespace'>text</localName>}. */
    public Builder textElement(String localName, String namespace, String text) {
      return child(XmlElement.builder(localName, namespace).text(text).build());
    }

    /** Appends a child element with text, unless the text is {@code null}. */
    public Builder textElementIfPresent(String localName, String namespace, String text) {
      return text == null ? this : textElement(localName, namespace, text);
    }

    /** Builds the element. */
    public XmlElement build() {
      if (built) {
        throw new IllegalStateException("this builder has already built its element");
      }
      built = true;
      Map<String, String> declarations;
      if (namespaces != null && !namespaces.isEmpty()) {
        declarations = Collections.unmodifiableMap(namespaces);
      } else {
        declarations = sharedNamespaces == null ? Map.of() : sharedNamespaces;
      }
      return new XmlElement(name, prefix, attrs.isEmpty() ? NONE : attrs.toArray(), declarations,
          children.isEmpty() ? NONE : children.toArray());
    }
  }
}
