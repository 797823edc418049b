package dev.xmppreactive.stanza;

import dev.xmppreactive.xml.XmlAttribute;
import dev.xmppreactive.xml.XmlElement;
import dev.xmppreactive.xml.XmlName;
import dev.xmppreactive.xml.XmlNode;
import java.util.ArrayList;
import java.util.Map;

/**
 * The mutable content of a stanza builder: the stanza element's name, attributes and children, edited
 * in place so that a builder made from a decoded stanza keeps everything it does not touch, in order.
 */
abstract class StanzaContent {

  private static final XmlName[] CLIENT_NAMES = {
      new XmlName(Stanza.CLIENT_NS, "message"), new XmlName(Stanza.CLIENT_NS, "presence"),
      new XmlName(Stanza.CLIENT_NS, "iq")};

  XmlName name;
  private final String prefix;
  private final Map<String, String> declarations;
  final ArrayList<XmlAttribute> attributes;
  final ArrayList<XmlNode> children;

  StanzaContent(StanzaKind kind) {
    this.name = CLIENT_NAMES[kind.ordinal()];
    this.prefix = "";
    this.declarations = Map.of();
    this.attributes = new ArrayList<>(6);
    this.children = new ArrayList<>(4);
  }

  StanzaContent(XmlElement source) {
    this.name = source.name();
    this.prefix = source.prefix();
    this.declarations = source.namespaceDeclarations();
    this.attributes = new ArrayList<>(source.attributes());
    this.children = new ArrayList<>(source.children());
  }

  /** The content namespace being built in. */
  final String ns() {
    return name.namespace();
  }

  final void setNamespace(String namespace) {
    if (!Stanza.isContentNamespace(namespace)) {
      throw new IllegalArgumentException("a stanza's namespace is jabber:client or jabber:server, not '"
          + namespace + "'");
    }
    String old = name.namespace();
    if (old.equals(namespace)) {
      return;
    }
    name = new XmlName(namespace, name.localName());
    for (int i = 0; i < children.size(); i++) {
      if (children.get(i) instanceof XmlElement e) {
        children.set(i, renamespace(e, old, namespace));
      }
    }
  }

  private static XmlElement renamespace(XmlElement e, String from, String to) {
    XmlElement.Builder b = XmlElement.builder(
        e.namespace().equals(from) ? new XmlName(to, e.localName()) : e.name()).prefix(e.prefix());
    for (XmlAttribute a : e.attributes()) {
      b.addAttribute(a);
    }
    for (XmlNode n : e.children()) {
      b.child(n instanceof XmlElement c ? renamespace(c, from, to) : n);
    }
    return b.build();
  }

  final void setAttribute(XmlName attributeName, String value) {
    for (int i = 0, n = attributes.size(); i < n; i++) {
      if (attributes.get(i).name().equals(attributeName)) {
        if (value == null) {
          attributes.remove(i);
        } else {
          attributes.set(i, new XmlAttribute(attributeName, attributes.get(i).prefix(), value));
        }
        return;
      }
    }
    if (value != null) {
      attributes.add(new XmlAttribute(attributeName,
          attributeName.namespace().equals(XmlName.XML_NS) ? "xml" : "", value));
    }
  }

  /**
   * Sets the text of the content child {@code localName} whose own {@code xml:lang} is {@code lang}
   * ({@code null}: the child without one), replacing it in place; a {@code null} text removes it.
   */
  final void setLangText(String localName, String lang, String text) {
    String ns = ns();
    for (int i = 0; i < children.size(); i++) {
      if (children.get(i) instanceof XmlElement e && e.is(localName, ns)
          && LangTexts.sameLang(e.lang(), lang)) {
        if (text == null) {
          children.remove(i);
        } else {
          children.set(i, XmlElement.builder(localName, ns).lang(lang).text(text).build());
        }
        return;
      }
    }
    if (text != null) {
      children.add(XmlElement.builder(localName, ns).lang(lang).text(text).build());
    }
  }

  /**
   * Replaces every content child {@code localName} with {@code replacement} (at the place of the first
   * one), or removes them all if it is {@code null}.
   */
  final void setSingle(String localName, XmlElement replacement) {
    String ns = ns();
    int at = -1;
    for (int i = 0; i < children.size(); i++) {
      if (children.get(i) instanceof XmlElement e && e.is(localName, ns)) {
        if (at < 0) {
          at = i;
        } else {
          children.remove(i--);
        }
      }
    }
    if (at >= 0) {
      if (replacement == null) {
        children.remove(at);
      } else {
        children.set(at, replacement);
      }
    } else if (replacement != null) {
      children.add(replacement);
    }
  }

  /** Sets a content child that holds only text, or removes it for {@code null}. */
  final void setSingleText(String localName, String text) {
    setSingle(localName, text == null ? null
        : XmlElement.builder(localName, ns()).text(text).build());
  }

  final void setErrorChild(StanzaError error) {
    setSingle("error", error == null ? null : error.toElement(ns()));
  }

  /** The value of the {@code type} attribute being built, or {@code null}. */
  final String typeValue() {
    for (int i = 0, n = attributes.size(); i < n; i++) {
      XmlAttribute a = attributes.get(i);
      if (a.name().equals(Stanza.TYPE)) {
        return a.value();
      }
    }
    return null;
  }

  final boolean hasErrorChild() {
    return findContent("error") != null;
  }

  final XmlElement findContent(String localName) {
    String ns = ns();
    for (int i = 0, n = children.size(); i < n; i++) {
      if (children.get(i) instanceof XmlElement e && e.is(localName, ns)) {
        return e;
      }
    }
    return null;
  }

  /** The element as it now stands. The lists are copied, so the builder may go on. */
  final XmlElement buildElement() {
    XmlElement.Builder b = XmlElement.builder(name).prefix(prefix);
    for (Map.Entry<String, String> d : declarations.entrySet()) {
      b.declareNamespace(d.getKey(), d.getValue());
    }
    for (int i = 0, n = attributes.size(); i < n; i++) {
      b.addAttribute(attributes.get(i));
    }
    for (int i = 0, n = children.size(); i < n; i++) {
      b.child(children.get(i));
    }
    return b.build();
  }

  /**
   * Checks RFC 6120 §8.3.1 rules 4 and 7: an error stanza has an {@code <error/>} child, and only an
   * error stanza has one.
   *
   * @throws IllegalStateException if not
   */
  final void checkErrorChild(boolean typeIsError) {
    boolean has = hasErrorChild();
    if (typeIsError && !has) {
      throw new IllegalStateException(
          "a stanza of type error needs an <error/> child (RFC 6120 §8.3.1 rule 4): call error(...)");
    }
    if (!typeIsError && has) {
      throw new IllegalStateException(
          "only a stanza of type error may have an <error/> child (RFC 6120 §8.3.1 rule 7)");
    }
  }
}
