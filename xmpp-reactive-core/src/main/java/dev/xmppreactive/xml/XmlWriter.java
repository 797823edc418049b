package dev.xmppreactive.xml;

import java.util.Arrays;
import java.util.Map;

/**
 * Writes elements as XML text, declaring every namespace an element or attribute uses where it is not
 * already in scope (Namespaces in XML 1.0 §6), so that the text means what the element means.
 *
 * <p>A writer can start from bindings already in scope, as a stanza inside a stream is written in the
 * scope of the stream header ({@code xmlns='jabber:client'}, {@code xmlns:stream=…}, RFC 6120 §4.8):
 * then the declarations that the scope already makes are not repeated.
 *
 * <p>A writer is not thread-safe; it is cheap to create, and may be reused for many elements.
 */
public final class XmlWriter {

  private static final int FLAT_CACHE = 64;
  private static final int FLAT_PROBES = 4;

  private String[] prefixes = new String[16];
  private String[] uris = new String[16];
  private int size;
  private final int base;
  private int generated;
  private String[] attributePrefixes = new String[8];
  @SuppressWarnings("unchecked")
  private final Map<String, String>[] flatMaps = new Map[FLAT_CACHE];
  private final String[][] flatDeclarations = new String[FLAT_CACHE][];
  /** The map {@link #flat} was last asked for, and its answer: a top-level element's, mostly. */
  private Map<String, String> lastMap;
  private String[] lastFlat;

  /** A writer with nothing in scope but the predefined {@code xml} prefix. */
  public XmlWriter() {
    this(Map.of());
  }

  /**
   * A writer that starts with the given bindings in scope.
   *
   * @param inScope prefix to namespace URI; {@code ""} is the default namespace
   */
  public XmlWriter(Map<String, String> inScope) {
    for (Map.Entry<String, String> e : inScope.entrySet()) {
      push(e.getKey(), e.getValue());
    }
    this.base = size;
  }

  /** Writes {@code element} with no bindings in scope. */
  public static void write(XmlElement element, XmlOutput out) {
    new XmlWriter().writeElement(element, out);
  }

  /** Writes an element and its content. */
  public void writeElement(XmlElement element, XmlOutput out) {
    size = base;
    generated = 0;
    writeNode(element, out);
  }

  private void writeNode(XmlElement e, XmlOutput out) {
    int frame = size;
    // Bind everything first (the element's own declarations, then its name, then its attributes'
    // names), so that no prefix chosen from an ancestor can be re-bound by this element's own
    // declarations; then write.
    Map<String, String> declarations = e.namespaceDeclarations();
    if (!declarations.isEmpty()) {
      String[] d = flat(declarations);
      for (int i = 0; i < d.length; i += 2) {
        String p = d[i];
        String uri = d[i + 1];
        if ((!p.isEmpty() && uri.isEmpty()) || uri.equals(lookup(p))) {
          continue; // un-declaring a prefix is XML 1.1 only; a repeat needs nothing
        }
        push(p, uri);
      }
    }
    String prefix = bindElementName(e, frame);
    Object[] attrs = e.attrs;
    bindAttributeNames(attrs, frame);
    String local = e.localName();
    out.append('<');
    if (!prefix.isEmpty()) {
      out.append(prefix);
      out.append(':');
    }
    out.append(local);
    for (int i = frame; i < size; i++) {
      if (prefixes[i].isEmpty()) {
        out.append(" xmlns='");
      } else {
        out.append(" xmlns:");
        out.append(prefixes[i]);
        out.append("='");
      }
      out.appendEscapedAttribute(uris[i]);
      out.append('\'');
    }
    for (int i = 0, a = 0; i < attrs.length; i += 3, a++) {
      out.append(' ');
      String p = attributePrefixes[a];
      if (p != null) {
        out.append(p);
        out.append(':');
      }
      out.append(((XmlName) attrs[i]).localName());
      out.append("='");
      out.appendEscapedAttribute((String) attrs[i + 2]);
      out.append('\'');
    }
    Object[] nodes = e.nodes;
    if (nodes.length == 0) {
      out.append("/>");
    } else {
      out.append('>');
      for (Object c : nodes) {
        if (c instanceof String t) {
          out.appendEscapedText(t);
        } else {
          writeNode((XmlElement) c, out);
        }
      }
      out.append("</");
      if (!prefix.isEmpty()) {
        out.append(prefix);
        out.append(':');
      }
      out.append(local);
      out.append('>');
    }
    size = frame;
  }

  /**
   * The declarations of a map as prefix, URI, prefix, URI…; the same array for the same map while
   * it stays in a small identity table (64 slots, 4 probes), as decoded elements share their maps
   * (and any map an element holds is immutable).
   */
  private String[] flat(Map<String, String> declarations) {
    if (declarations == lastMap) {
      return lastFlat;
    }
    String[] d = flatFromTable(declarations);
    lastMap = declarations;
    lastFlat = d;
    return d;
  }

  private String[] flatFromTable(Map<String, String> declarations) {
    int mask = FLAT_CACHE - 1;
    int home = System.identityHashCode(declarations) & mask;
    int free = -1;
    for (int k = 0; k < FLAT_PROBES; k++) {
      int i = (home + k) & mask;
      Map<String, String> m = flatMaps[i];
      if (m == declarations) {
        return flatDeclarations[i];
      }
      if (m == null && free < 0) {
        free = i;
      }
    }
    String[] d = new String[declarations.size() * 2];
    int k = 0;
    for (Map.Entry<String, String> entry : declarations.entrySet()) {
      d[k++] = entry.getKey();
      d[k++] = entry.getValue();
    }
    int i = free >= 0 ? free : home; // when the neighbourhood is full, the home slot gives way
    flatMaps[i] = declarations;
    flatDeclarations[i] = d;
    return d;
  }

  /** Binds the element's name; returns the prefix to write it with, {@code ""} for none. */
  private String bindElementName(XmlElement e, int frame) {
    String ns = e.namespace();
    if (ns.isEmpty()) {
      // Only an unprefixed name can be in no namespace: the default namespace must be empty here.
      if (!lookup("").isEmpty()) {
        removeFromFrame("", frame); // a default this element declared itself gives way
        if (!lookup("").isEmpty()) {
          push("", "");
        }
      }
      return "";
    }
    String p = e.prefix();
    if (p.equals("xml") || p.equals("xmlns")) {
      p = "";
    }
    if (!ns.equals(lookup(p))) {
      String existing = prefixFor(ns, true);
      if (existing != null) {
        p = existing;
      } else {
        if (boundInFrame(p, frame)) {
          p = freshPrefix(); // the hinted prefix is taken by this element's own declarations
        }
        push(p, ns);
      }
    }
    return p;
  }

  /** Binds the attributes' names: {@link #attributePrefixes} gets each one's prefix, or null. */
  private void bindAttributeNames(Object[] attrs, int frame) {
    int n = attrs.length / 3;
    if (attributePrefixes.length < n) {
      attributePrefixes = new String[Math.max(n, attributePrefixes.length * 2)];
    }
    for (int a = 0; a < n; a++) {
      XmlName name = (XmlName) attrs[3 * a];
      String ns = name.namespace();
      if (ns.isEmpty()) {
        attributePrefixes[a] = null;
      } else if (ns.equals(XmlName.XML_NS)) {
        attributePrefixes[a] = "xml";
      } else {
        String p = (String) attrs[3 * a + 1];
        if (p.isEmpty() || !ns.equals(lookup(p))) {
          String existing = prefixFor(ns, false);
          if (existing != null) {
            p = existing;
          } else {
            if (p.isEmpty() || p.equals("xml") || p.equals("xmlns") || boundInFrame(p, frame)) {
              p = freshPrefix();
            }
            push(p, ns);
          }
        }
        attributePrefixes[a] = p;
      }
    }
  }

  private void removeFromFrame(String p, int frame) {
    for (int i = frame; i < size; i++) {
      if (prefixes[i].equals(p)) {
        System.arraycopy(prefixes, i + 1, prefixes, i, size - i - 1);
        System.arraycopy(uris, i + 1, uris, i, size - i - 1);
        size--;
        return;
      }
    }
  }

  private String freshPrefix() {
    String p;
    do {
      p = "ns" + (generated++);
    } while (lookup(p) != null);
    return p;
  }

  /** The URI bound to a prefix in the current scope, or {@code null} ("" is never unbound). */
  private String lookup(String p) {
    for (int i = size - 1; i >= 0; i--) {
      if (prefixes[i].equals(p)) {
        return uris[i];
      }
    }
    if (p.isEmpty()) {
      return "";
    }
    return p.equals("xml") ? XmlName.XML_NS : null;
  }

  private boolean boundInFrame(String p, int frame) {
    for (int i = frame; i < size; i++) {
      if (prefixes[i].equals(p)) {
        return true;
      }
    }
    return false;
  }

  /** A prefix currently bound to {@code ns} (and not shadowed), or {@code null}. */
  private String prefixFor(String ns, boolean allowDefault) {
    for (int i = size - 1; i >= 0; i--) {
      if (uris[i].equals(ns) && (allowDefault || !prefixes[i].isEmpty())
          && ns.equals(lookup(prefixes[i]))) {
        return prefixes[i];
      }
    }
    return null;
  }

  private void push(String p, String uri) {
    if (size == prefixes.length) {
      prefixes = Arrays.copyOf(prefixes, size * 2);
      uris = Arrays.copyOf(uris, size * 2);
    }
    prefixes[size] = p;
    uris[size] = uri;
    size++;
  }
}
