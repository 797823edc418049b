package dev.xmppreactive.stanza;

import dev.xmppreactive.xml.XmlName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;

/** A stack of prefix bindings in scope, for the StAX views of an element. Not thread-safe. */
final class NamespaceBindings implements NamespaceContext {

  private String[] prefixes = new String[8];
  private String[] uris = new String[8];
  private int size;

  int mark() {
    return size;
  }

  void reset(int mark) {
    size = mark;
  }

  void bind(String prefix, String uri) {
    if (size == prefixes.length) {
      prefixes = Arrays.copyOf(prefixes, size * 2);
      uris = Arrays.copyOf(uris, size * 2);
    }
    prefixes[size] = prefix;
    uris[size] = uri;
    size++;
  }

  /** The URI bound to a prefix, {@code ""} for an unbound default, {@code null} for another unbound. */
  String lookup(String prefix) {
    for (int i = size - 1; i >= 0; i--) {
      if (prefixes[i].equals(prefix)) {
        return uris[i];
      }
    }
    if (prefix.isEmpty()) {
      return "";
    }
    if (prefix.equals(XMLConstants.XML_NS_PREFIX)) {
      return XmlName.XML_NS;
    }
    return prefix.equals(XMLConstants.XMLNS_ATTRIBUTE) ? XMLConstants.XMLNS_ATTRIBUTE_NS_URI : null;
  }

  @Override
  public String getNamespaceURI(String prefix) {
    if (prefix == null) {
      throw new IllegalArgumentException("prefix is null");
    }
    String uri = lookup(prefix);
    return uri == null ? XMLConstants.NULL_NS_URI : uri;
  }

  @Override
  public String getPrefix(String namespaceUri) {
    Iterator<String> it = getPrefixes(namespaceUri);
    return it.hasNext() ? it.next() : null;
  }

  @Override
  public Iterator<String> getPrefixes(String namespaceUri) {
    if (namespaceUri == null) {
      throw new IllegalArgumentException("namespace URI is null");
    }
    List<String> out = new ArrayList<>(2);
    if (namespaceUri.equals(XmlName.XML_NS)) {
      out.add(XMLConstants.XML_NS_PREFIX);
    } else if (namespaceUri.equals(XMLConstants.XMLNS_ATTRIBUTE_NS_URI)) {
      out.add(XMLConstants.XMLNS_ATTRIBUTE);
    } else {
      for (int i = size - 1; i >= 0; i--) {
        String p = prefixes[i];
        if (uris[i].equals(namespaceUri) && namespaceUri.equals(lookup(p)) && !out.contains(p)) {
          out.add(p);
        }
      }
      if (namespaceUri.isEmpty() && lookup("").isEmpty() && !out.contains("")) {
        out.add("");
      }
    }
    return out.iterator();
  }
}
