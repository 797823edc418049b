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

  private static final String[] NO_NAMES = new String[0];

  private String[] prefixes = new String[16];
  private String[] uris = new String[16];
  private int size;
  private final int base;
  private int generated;

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
    for (Map.Entry<String, String> d : e.namespaceDeclarations().entrySet()) {
      String p = d.getKey();
      String uri = d.getValue();
      if ((!p.isEmpty() && uri.isEmpty()) || uri.equals(lookup(p))) {
        continue; // un-declaring a prefix is XML 1.1 only; a repeat needs nothing
      }
      push(p, uri);
    }
    String qname = bindElementName(e, frame);
    String[] attributeNames = bindAttributeNames(e, frame);
    out.append('<');
    out.append(qname);
    for (int i = frame; i < size; i++) {
      if (prefixes[i].isEmpty()) {
        out.append(" xmlns='");
      } else {
        out.append(" xmlns:");
        out.append(prefixes[i]);
        out.append("='");
      }
      XmlEscaper.escapeAttribute(uris[i], out);
      out.append('\'');
    }
    var attrs = e.attributes();
    for (int i = 0, n = attrs.size(); i < n; i++) {
      out.append(' ');
      out.append(attributeNames[i]);
      out.append("='");
      XmlEscaper.escapeAttribute(attrs.get(i).value(), out);
      out.append('\'');
    }
    var children = e.children();
    if (children.isEmpty()) {
      out.append("/>");
    } else {
      out.append('>');
      for (int i = 0, n = children.size(); i < n; i++) {
        XmlNode c = children.get(i);
        if (c instanceof XmlText t) {
          XmlEscaper.escapeText(t.text(), out);
        } else {
          writeNode((XmlElement) c, out);
        }
      }
      out.append("</");
      out.append(qname);
      out.append('>');
    }
    size = frame;
  }

  private String bindElementName(XmlElement e, int frame) {
    String ns = e.namespace();
    String local = e.localName();
    if (ns.isEmpty()) {
      // Only an unprefixed name can be in no namespace: the default namespace must be empty here.
      if (!lookup("").isEmpty()) {
        removeFromFrame("", frame); // a default this element declared itself gives way
        if (!lookup("").isEmpty()) {
          push("", "");
        }
      }
      return local;
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
    return p.isEmpty() ? local : p + ':' + local;
  }

  private String[] bindAttributeNames(XmlElement e, int frame) {
    var attrs = e.attributes();
    if (attrs.isEmpty()) {
      return NO_NAMES;
    }
    String[] names = new String[attrs.size()];
    for (int i = 0; i < names.length; i++) {
      XmlAttribute a = attrs.get(i);
      String ns = a.name().namespace();
      String local = a.name().localName();
      if (ns.isEmpty()) {
        names[i] = local;
      } else if (ns.equals(XmlName.XML_NS)) {
        names[i] = "xml:" + local;
      } else {
        String p = a.prefix();
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
        names[i] = p + ':' + local;
      }
    }
    return names;
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
