package dev.xmppreactive.stanza;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.xml.XmlElement;
import dev.xmppreactive.xml.XmlName;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code <message/>} stanza, RFC 6120 §8.2.1 and RFC 6121 §5: a "push" of content to another entity.
 *
 * <pre>{@code
 * Message m = Message.builder()
 *     .from("juliet@example.com/balcony").to("romeo@example.net").id("ktx72v49")
 *     .type(Message.Type.CHAT)
 *     .body("Art thou not Romeo, and a Montague?")
 *     .body("cs", "Nejsi snad Romeo, a Montek?")
 *     .build();
 * m.body();          // the body in the default language
 * m.bodies();        // {"" -> "Art thou…", "cs" -> "Nejsi…"}
 * }</pre>
 *
 * <p>Immutable and thread-safe; see {@link Stanza} for what is kept and how it is read.
 */
public final class Message extends Stanza {

  /** The message types, RFC 6121 §5.2.2. */
  public enum Type {
    /** One-to-one chat. */
    CHAT,
    /** An error about a message sent earlier (RFC 6120 §8.3). */
    ERROR,
    /** Multi-user chat (XEP-0045). */
    GROUPCHAT,
    /** An alert or notification to which no reply is expected. */
    HEADLINE,
    /** A standalone message; the default. */
    NORMAL;

    private final String value = name().toLowerCase(Locale.ROOT);

    /** The value of the {@code type} attribute. */
    public String value() {
      return value;
    }

    /**
     * The type of an attribute value: {@link #NORMAL} when there is none or it is not understood, as
     * RFC 6121 §5.2.2 requires.
     */
    public static Type fromValue(String value) {
      if (value == null) {
        return NORMAL;
      }
      return switch (value) {
        case "chat" -> CHAT;
        case "error" -> ERROR;
        case "groupchat" -> GROUPCHAT;
        case "headline" -> HEADLINE;
        default -> NORMAL;
      };
    }
  }

  private static final XmlName PARENT = new XmlName("", "parent");

  private final Type type;

  private Message(XmlElement element, Jid to, Jid from, String id, String lang, StanzaError error,
                  Type type) {
    super(element, to, from, id, lang, error);
    this.type = type;
  }

  /** Reads the message-specific values; lenient, so it never throws (RFC 6121 §5.2.2). */
  static Message create(XmlElement element, Jid to, Jid from, String id, String lang) {
    return create(element, to, from, id, lang, element.attribute(TYPE));
  }

  /** As {@link #create(XmlElement, Jid, Jid, String, String)}, with the type attribute's value read. */
  static Message create(XmlElement element, Jid to, Jid from, String id, String lang,
                        String typeValue) {
    Type type = Type.fromValue(typeValue);
    StanzaError error = type == Type.ERROR ? StanzaDecoder.readError(element) : null;
    return new Message(element, to, from, id, lang, error, type);
  }

  /** Starts a message. */
  public static Builder builder() {
    return new Builder();
  }

  /** A chat message (RFC 6121 §5.1) with a body. */
  public static Message chat(Jid to, String body) {
    return builder().to(to).type(Type.CHAT).body(body).build();
  }

  @Override
  public StanzaKind kind() {
    return StanzaKind.MESSAGE;
  }

  /** The type; {@link Type#NORMAL} when absent or not understood (RFC 6121 §5.2.2). */
  public Type type() {
    return type;
  }

  /**
   * The body in the stanza's default language (RFC 6121 §5.2.3): the {@code <body/>} without an
   * {@code xml:lang} of its own (or with the stanza's), else the first body; {@code null} if there is
   * none. The text is exactly as sent, whitespace included.
   */
  public String body() {
    return LangTexts.text(element, "body");
  }

  /**
   * The body in the given language (compared without regard to case), where a body without an
   * {@code xml:lang} of its own has the stanza's; {@code null} if there is none.
   */
  public String body(String lang) {
    return LangTexts.text(element, "body", lang);
  }

  /**
   * All bodies by language, in order: the key is the body's {@code xml:lang}, else the stanza's, else
   * {@code ""}. Empty if there is no body.
   */
  public Map<String, String> bodies() {
    return LangTexts.texts(element, "body");
  }

  /** The subject in the default language (RFC 6121 §5.2.4), as {@link #body()}; or {@code null}. */
  public String subject() {
    return LangTexts.text(element, "subject");
  }

  /** The subject in the given language, as {@link #body(String)}; or {@code null}. */
  public String subject(String lang) {
    return LangTexts.text(element, "subject", lang);
  }

  /** All subjects by language, as {@link #bodies()}. */
  public Map<String, String> subjects() {
    return LangTexts.texts(element, "subject");
  }

  /**
   * The thread identifier (RFC 6121 §5.2.5) with surrounding whitespace removed, or {@code null}. A
   * message has at most one {@code <thread/>}; if a peer sends more, the first counts.
   */
  public String thread() {
    XmlElement t = element.element("thread", element.namespace());
    return t == null ? null : t.text().strip();
  }

  /** The {@code parent} attribute of the thread (RFC 6121 §5.2.5), or {@code null}. */
  public String threadParent() {
    XmlElement t = element.element("thread", element.namespace());
    return t == null ? null : t.attribute(PARENT);
  }

  @Override
  public Builder toBuilder() {
    return new Builder(this);
  }

  @Override
  public Message withTo(Jid newTo) {
    return new Message(withAttribute(TO, string(newTo)), newTo, from(), id(), lang(), error(), type);
  }

  @Override
  public Message withFrom(Jid newFrom) {
    return new Message(withAttribute(FROM, string(newFrom)), to(), newFrom, id(), lang(), error(),
        type);
  }

  @Override
  public Message withId(String newId) {
    return new Message(withAttribute(ID, newId), to(), from(), newId, lang(), error(), type);
  }

  @Override
  public Message withLang(String newLang) {
    return new Message(withAttribute(XmlName.XML_LANG, newLang), to(), from(), id(), newLang, error(),
        type);
  }

  /** A copy with an extension element appended (RFC 6120 §8.4). */
  public Message withExtension(XmlElement extension) {
    return toBuilder().extension(extension).build();
  }

  /** A copy with another body in the default language; {@code null} removes it. */
  public Message withBody(String text) {
    return toBuilder().body(text).build();
  }

  @Override
  public Message errorReply(StanzaError stanzaError) {
    return new Message(errorReplyElement(stanzaError), from(), to(), id(), null, stanzaError,
        Type.ERROR);
  }

  /**
   * Builds a {@link Message}. Setters replace what they name and leave everything else in place, so a
   * builder from {@link Message#toBuilder()} keeps unknown content. Not thread-safe.
   */
  public static final class Builder extends Stanza.Builder<Message, Builder> {

    private Builder() {
      super(StanzaKind.MESSAGE);
    }

    private Builder(Message source) {
      super(source);
    }

    @Override
    Builder self() {
      return this;
    }

    @Override
    void afterErrorType(boolean isError) {
      // the type is read from the attribute when built
    }

    /** The type (RFC 6121 §5.2.2); {@code null} removes the attribute, which means normal. */
    public Builder type(Type type) {
      setAttribute(TYPE, type == null ? null : type.value());
      return this;
    }

    /** The body in the default language (no {@code xml:lang} of its own); {@code null} removes it. */
    public Builder body(String text) {
      setLangText("body", null, text);
      return this;
    }

    /**
     * The body in a language (RFC 6121 §5.2.3: one per language); {@code null} text removes it, a
     * {@code null} language means the default one.
     */
    public Builder body(String lang, String text) {
      setLangText("body", lang, text);
      return this;
    }

    /** The subject in the default language; {@code null} removes it. */
    public Builder subject(String text) {
      setLangText("subject", null, text);
      return this;
    }

    /** The subject in a language (RFC 6121 §5.2.4); {@code null} text removes it. */
    public Builder subject(String lang, String text) {
      setLangText("subject", lang, text);
      return this;
    }

    /** The thread identifier (RFC 6121 §5.2.5); {@code null} removes the thread. */
    public Builder thread(String threadId) {
      return thread(threadId, null);
    }

    /**
     * The thread identifier with the thread it branched from (RFC 6121 §5.2.5).
     *
     * @throws IllegalArgumentException if the parent equals the thread
     */
    public Builder thread(String threadId, String parent) {
      if (threadId == null) {
        setSingle("thread", null);
        return this;
      }
      if (threadId.equals(parent)) {
        throw new IllegalArgumentException(
            "a thread's parent must differ from the thread (RFC 6121 §5.2.5): " + threadId);
      }
      XmlElement.Builder t = XmlElement.builder("thread", ns()).text(threadId);
      if (parent != null) {
        t.attribute(PARENT, "", parent);
      }
      setSingle("thread", t.build());
      return this;
    }

    /**
     * Builds the message.
     *
     * @throws IllegalStateException if the type is error without an error, or the other way round
     *                               (RFC 6120 §8.3.1)
     */
    @Override
    public Message build() {
      XmlElement e = buildElement();
      Message m = create(e, to, from, id, lang);
      checkErrorChild(m.type == Type.ERROR);
      return m;
    }
  }
}
