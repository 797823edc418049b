package dev.xmppreactive.stanza;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stream.StreamHeader;
import dev.xmppreactive.xml.XmlElement;
import dev.xmppreactive.xml.XmlName;
import dev.xmppreactive.xml.XmlNode;
import dev.xmppreactive.xml.XmlWritable;
import java.util.ArrayList;
import java.util.List;

/**
 * An XML stanza, RFC 6120 §8: a {@link Message}, a {@link Presence} or an {@link Iq}.
 *
 * <p>A stanza is immutable and thread-safe. Its element is the source of truth: everything it was
 * decoded from or built with, including child elements and attributes this library does not know, is
 * kept and written out again unchanged (RFC 6120 §8.4), so {@link #toXmlElement()} costs nothing and
 * re-encoding is exact. The common attributes (§8.1) are parsed once, when the stanza is decoded,
 * since routing needs them; the kind-specific values are views over the element.
 *
 * <p>Decode an element from the network with {@link #fromElement(XmlElement)}; create stanzas with
 * {@link Message#builder()}, {@link Presence#builder()}, {@link Iq#builder()} and their shortcuts, and
 * change them with the {@code with*} copies or {@link #toBuilder()}.
 */
public abstract sealed class Stanza implements XmlWritable permits Message, Presence, Iq {

  /** The content namespace of client-to-server streams, RFC 6120 §4.8.2. */
  public static final String CLIENT_NS = StreamHeader.CLIENT_NS;

  /** The content namespace of server-to-server streams, RFC 6120 §4.8.2. */
  public static final String SERVER_NS = StreamHeader.SERVER_NS;

  static final XmlName TO = new XmlName("", "to");
  static final XmlName FROM = new XmlName("", "from");
  static final XmlName ID = new XmlName("", "id");
  static final XmlName TYPE = new XmlName("", "type");

  final XmlElement element;
  private final Jid to;
  private final Jid from;
  private final String id;
  private final String lang;
  private final StanzaError error;

  Stanza(XmlElement element, Jid to, Jid from, String id, String lang, StanzaError error) {
    this.element = element;
    this.to = to;
    this.from = from;
    this.id = id;
    this.lang = lang;
    this.error = error;
  }

  /**
   * Decodes a stanza: a {@code <message/>}, {@code <presence/>} or {@code <iq/>} element in the
   * {@code jabber:client} or {@code jabber:server} namespace. The element is kept as it is.
   *
   * <p>What is lenient and what is an error is listed in {@link StanzaFormatException}.
   *
   * @throws StanzaFormatException if the element is not a stanza, or not a valid one; the exception
   *                               carries the condition to answer with and can build the reply
   */
  public static Stanza fromElement(XmlElement element) {
    return StanzaDecoder.decode(element);
  }

  /** Whether an element is a stanza: message, presence or iq in a content namespace (§8). */
  public static boolean isStanza(XmlElement element) {
    return StanzaKind.fromElementName(element.localName()) != null
        && isContentNamespace(element.namespace());
  }

  static boolean isContentNamespace(String ns) {
    return ns.equals(CLIENT_NS) || ns.equals(SERVER_NS);
  }

  /** The kind of stanza. */
  public abstract StanzaKind kind();

  /** The intended recipient, RFC 6120 §8.1.1, or {@code null} (the server or the user's account). */
  public final Jid to() {
    return to;
  }

  /** The sender, RFC 6120 §8.1.2, or {@code null} (the user's account on the server, §8.1.2.1). */
  public final Jid from() {
    return from;
  }

  /** The {@code id} attribute, RFC 6120 §8.1.3, or {@code null}. Never {@code null} for an IQ. */
  public final String id() {
    return id;
  }

  /**
   * The {@code xml:lang} attribute, RFC 6120 §8.1.5, or {@code null}: then the default language is the
   * stream's.
   */
  public final String lang() {
    return lang;
  }

  /** The content namespace of the stanza element: {@code jabber:client} or {@code jabber:server}. */
  public final String namespace() {
    return element.namespace();
  }

  /** The {@code type} attribute as it is written, or {@code null}. */
  public final String typeAttribute() {
    return element.attribute(TYPE);
  }

  /** Whether this is an error stanza: its type is {@code error} (RFC 6120 §8.3). */
  public final boolean isError() {
    return error != null;
  }

  /**
   * The stanza error, RFC 6120 §8.3, for a stanza of type {@code error}, or {@code null} for any other.
   * An error stanza without an {@code <error/>} child (which §8.3.1 forbids) reads as
   * {@code undefined-condition}.
   */
  public final StanzaError error() {
    return error;
  }

  /**
   * The extension elements (RFC 6120 §8.4): the child elements in a namespace other than the content
   * namespace, in order. For an IQ this includes its payload.
   */
  public final List<XmlElement> extensions() {
    List<XmlNode> children = element.children();
    List<XmlElement> out = new ArrayList<>(children.size());
    String ns = element.namespace();
    for (int i = 0, n = children.size(); i < n; i++) {
      if (children.get(i) instanceof XmlElement e && !e.namespace().equals(ns)) {
        out.add(e);
      }
    }
    return out;
  }

  /** The first child element with that name, or {@code null}. */
  public final XmlElement extension(String localName, String namespace) {
    return element.element(localName, namespace);
  }

  /** The child elements with that name, in order. */
  public final List<XmlElement> extensions(String localName, String namespace) {
    return element.elements(localName, namespace);
  }

  /** Whether there is a child element with that name. */
  public final boolean hasExtension(String localName, String namespace) {
    return element.element(localName, namespace) != null;
  }

  /** The stanza's element, exactly as it was decoded or built; no copy is made. */
  @Override
  public final XmlElement toXmlElement() {
    return element;
  }

  /** A builder that starts from this stanza, keeping all its content. */
  public abstract Builder<?, ?> toBuilder();

  /** A copy addressed to {@code newTo} ({@code null} removes the attribute). */
  public abstract Stanza withTo(Jid newTo);

  /** A copy from {@code newFrom} ({@code null} removes the attribute). */
  public abstract Stanza withFrom(Jid newFrom);

  /** A copy with another {@code id} ({@code null} removes it; an IQ requires one). */
  public abstract Stanza withId(String newId);

  /** A copy with another {@code xml:lang} ({@code null} removes it). */
  public abstract Stanza withLang(String newLang);

  /**
   * The error stanza that answers this one, RFC 6120 §8.3: of the same kind, type {@code error},
   * 'from' and 'to' swapped, the same {@code id}, and the {@code <error/>} child.
   *
   * @throws IllegalStateException if this stanza is itself an error, which must never be answered
   *                               with another (§8.3.1 rule 8), or an IQ result (§8.2.3 rule 4)
   */
  public abstract Stanza errorReply(StanzaError stanzaError);

  final XmlElement errorReplyElement(StanzaError stanzaError) {
    if (error != null) {
      throw new IllegalStateException(
          "an error stanza must not be answered with another (RFC 6120 §8.3.1 rule 8)");
    }
    XmlElement.Builder b = XmlElement.builder(element.name());
    if (from != null) {
      b.attribute(TO, "", from.toString());
    }
    if (to != null) {
      b.attribute(FROM, "", to.toString());
    }
    if (id != null) {
      b.attribute(ID, "", id);
    }
    b.attribute(TYPE, "", "error");
    b.child(stanzaError.toElement(element.namespace()));
    return b.build();
  }

  final XmlElement withAttribute(XmlName name, String value) {
    XmlElement.Builder b = element.toBuilder();
    b.attribute(name, name == XmlName.XML_LANG ? "xml" : "", value);
    return b.build();
  }

  static String string(Jid jid) {
    return jid == null ? null : jid.toString();
  }

  /** Equal when the elements are equal ({@link XmlElement#equals(Object)}). */
  @Override
  public final boolean equals(Object o) {
    return o == this
        || (o instanceof Stanza s && s.getClass() == getClass() && s.element.equals(element));
  }

  @Override
  public final int hashCode() {
    return element.hashCode();
  }

  /** The stanza as XML text. */
  @Override
  public final String toString() {
    return element.toXml();
  }

  /**
   * What the builders of all stanza kinds share: the common attributes (RFC 6120 §8.1), extension
   * elements and attributes (§8.4), and the error child (§8.3). A builder is not thread-safe.
   *
   * @param <S> the stanza it builds
   * @param <B> the builder itself
   */
  public abstract static sealed class Builder<S extends Stanza, B extends Builder<S, B>>
      extends StanzaContent permits Message.Builder, Presence.Builder, Iq.Builder {

    Jid to;
    Jid from;
    String id;
    String lang;

    Builder(StanzaKind kind) {
      super(kind);
    }

    Builder(Stanza source) {
      super(source.element);
      this.to = source.to;
      this.from = source.from;
      this.id = source.id;
      this.lang = source.lang;
    }

    abstract B self();

    /** Builds the stanza. */
    public abstract S build();

    /**
     * The content namespace to build in: {@code jabber:client} (the default) or, for
     * server-to-server or component use, {@code jabber:server}.
     *
     * @throws IllegalArgumentException for any other namespace
     */
    public B contentNamespace(String namespace) {
      setNamespace(namespace);
      return self();
    }

    /** The intended recipient, RFC 6120 §8.1.1; {@code null} removes it. */
    public B to(Jid address) {
      this.to = address;
      setAttribute(TO, string(address));
      return self();
    }

    /**
     * The intended recipient, parsed as a JID.
     *
     * @throws dev.xmppreactive.jid.JidFormatException if it is not a valid address
     */
    public B to(String address) {
      return to(address == null ? null : Jid.of(address));
    }

    /** The sender, RFC 6120 §8.1.2 (a client's server sets it); {@code null} removes it. */
    public B from(Jid address) {
      this.from = address;
      setAttribute(FROM, string(address));
      return self();
    }

    /**
     * The sender, parsed as a JID.
     *
     * @throws dev.xmppreactive.jid.JidFormatException if it is not a valid address
     */
    public B from(String address) {
      return from(address == null ? null : Jid.of(address));
    }

    /** The {@code id}, RFC 6120 §8.1.3; {@code null} removes it. */
    public B id(String value) {
      this.id = value;
      setAttribute(ID, value);
      return self();
    }

    /**
     * The default language of the stanza's human-readable text, RFC 6120 §8.1.5 ({@code xml:lang}, a
     * language tag); {@code null} removes it.
     */
    public B lang(String value) {
      this.lang = value;
      setAttribute(XmlName.XML_LANG, value);
      return self();
    }

    /**
     * Sets an extension attribute (RFC 6120 §8.4) on the stanza element; {@code null} removes it. The
     * common attributes have their own setters.
     *
     * @throws IllegalArgumentException for {@code to}, {@code from}, {@code id}, {@code type} or
     *                                  {@code xml:lang}
     */
    public B attribute(XmlName name, String value) {
      if (name.equals(TO) || name.equals(FROM) || name.equals(ID) || name.equals(TYPE)
          || name.equals(XmlName.XML_LANG)) {
        throw new IllegalArgumentException(name + " has a typed setter of its own");
      }
      setAttribute(name, value);
      return self();
    }

    /**
     * Appends an extension element (RFC 6120 §8.4).
     *
     * @throws IllegalArgumentException if it is in the content namespace ({@code jabber:client}),
     *                                  whose elements have typed setters
     */
    public B extension(XmlElement extension) {
      if (isContentNamespace(extension.namespace())) {
        throw new IllegalArgumentException("an extension element must have a namespace of its own "
            + "(RFC 6120 §8.4), not " + extension.namespace() + "; use the typed setters");
      }
      children.add(extension);
      return self();
    }

    /** Appends an extension element (RFC 6120 §8.4) from a value that has an element form. */
    public B extension(XmlWritable extension) {
      return extension(extension.toXmlElement());
    }

    /**
     * Appends a payload through a registry's codec for its class.
     *
     * @throws IllegalArgumentException if the registry has no codec for the value's class
     */
    public B extension(ExtensionRegistry registry, Object value) {
      return extension(registry.encode(value));
    }

    /** Removes the child elements with that name. */
    public B removeExtensions(String localName, String namespace) {
      children.removeIf(n -> n instanceof XmlElement e && e.is(localName, namespace));
      return self();
    }

    /**
     * Makes this an error stanza (RFC 6120 §8.3): sets the type to {@code error} and the
     * {@code <error/>} child, replacing any. {@code null} removes the error child and the error type
     * (an IQ then needs a type again).
     */
    public B error(StanzaError stanzaError) {
      setErrorChild(stanzaError);
      if (stanzaError != null) {
        setAttribute(TYPE, "error");
        afterErrorType(true);
      } else if ("error".equals(typeValue())) {
        setAttribute(TYPE, null);
        afterErrorType(false);
      }
      return self();
    }

    /** Lets a kind's builder record that its type is now {@code error}, or no longer. */
    abstract void afterErrorType(boolean isError);
  }
}
