package dev.xmppreactive.stanza;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.xml.XmlElement;
import dev.xmppreactive.xml.XmlName;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code <presence/>} stanza, RFC 6120 §8.2.2 and RFC 6121 §4.7: availability, and the
 * subscription handshake.
 *
 * <pre>{@code
 * Presence p = Presence.builder().show(Presence.Show.DND).status("Wooing Juliet").priority(1).build();
 * Presence ask = Presence.subscribe(Jid.of("juliet@example.com"));
 * }</pre>
 *
 * <p>Immutable and thread-safe; see {@link Stanza} for what is kept and how it is read.
 */
public final class Presence extends Stanza {

  /** The presence types, RFC 6121 §4.7.1; {@link #AVAILABLE} is the absence of the attribute. */
  public enum Type {
    /** Available for communication: no {@code type} attribute (there is no value "available"). */
    AVAILABLE,
    /** An error about a presence sent earlier (RFC 6120 §8.3). */
    ERROR,
    /** A request for an entity's current presence; sent by servers. */
    PROBE,
    /** The sender wishes to subscribe to the recipient's presence. */
    SUBSCRIBE,
    /** The sender allows the recipient to receive its presence. */
    SUBSCRIBED,
    /** No longer available. */
    UNAVAILABLE,
    /** The sender unsubscribes from the recipient's presence. */
    UNSUBSCRIBE,
    /** A subscription request is denied, or a granted one cancelled. */
    UNSUBSCRIBED;

    private final String value = name().equals("AVAILABLE") ? null : name().toLowerCase(Locale.ROOT);

    /** The value of the {@code type} attribute; {@code null} for {@link #AVAILABLE}. */
    public String value() {
      return value;
    }

    /**
     * The type of an attribute value: {@link #AVAILABLE} for {@code null}, {@code null} for a value
     * RFC 6121 §4.7.1 does not define.
     */
    public static Type fromValue(String value) {
      if (value == null) {
        return AVAILABLE;
      }
      return switch (value) {
        case "error" -> ERROR;
        case "probe" -> PROBE;
        case "subscribe" -> SUBSCRIBE;
        case "subscribed" -> SUBSCRIBED;
        case "unavailable" -> UNAVAILABLE;
        case "unsubscribe" -> UNSUBSCRIBE;
        case "unsubscribed" -> UNSUBSCRIBED;
        default -> null;
      };
    }
  }

  /** The availability sub-states, RFC 6121 §4.7.2.1. */
  public enum Show {
    /** No {@code <show/>}: online and available. */
    NONE,
    /** Temporarily away. */
    AWAY,
    /** Actively interested in chatting. */
    CHAT,
    /** Busy: do not disturb. */
    DND,
    /** Away for an extended period. */
    XA;

    private final String value = name().equals("NONE") ? null : name().toLowerCase(Locale.ROOT);

    /** The character data of {@code <show/>}; {@code null} for {@link #NONE}. */
    public String value() {
      return value;
    }

    /**
     * The sub-state of a {@code <show/>} value (surrounding whitespace ignored): {@link #NONE} for
     * {@code null} or a value RFC 6121 §4.7.2.1 does not define (the entity is taken to be available).
     */
    public static Show fromValue(String value) {
      if (value == null) {
        return NONE;
      }
      return switch (value.strip()) {
        case "away" -> AWAY;
        case "chat" -> CHAT;
        case "dnd" -> DND;
        case "xa" -> XA;
        default -> NONE;
      };
    }
  }

  /** The lowest priority, RFC 6121 §4.7.2.3. */
  public static final int MIN_PRIORITY = -128;

  /** The highest priority, RFC 6121 §4.7.2.3. */
  public static final int MAX_PRIORITY = 127;

  private final Type type;
  private final Show show;
  private final int priority;

  private Presence(XmlElement element, Jid to, Jid from, String id, String lang, StanzaError error,
                   Type type, Show show, int priority) {
    super(element, to, from, id, lang, error);
    this.type = type;
    this.show = show;
    this.priority = priority;
  }

  /**
   * Reads the presence-specific values.
   *
   * @throws StanzaFormatException (bad-request) for a type RFC 6121 §4.7.1 does not define, or a
   *                               priority that is not an integer from -128 to 127 (§4.7.2.3)
   */
  static Presence create(XmlElement element, Jid to, Jid from, String id, String lang) {
    return create(element, to, from, id, lang, element.attribute(TYPE));
  }

  /** As {@link #create(XmlElement, Jid, Jid, String, String)}, with the type attribute's value read. */
  static Presence create(XmlElement element, Jid to, Jid from, String id, String lang,
                         String typeValue) {
    Type type = Type.fromValue(typeValue);
    if (type == null) {
      throw StanzaFormatException.badRequest(element, element,
          "unknown presence type '" + typeValue + "' (RFC 6121 §4.7.1)");
    }
    String ns = element.namespace();
    XmlElement showElement = element.element("show", ns);
    Show show = showElement == null ? Show.NONE : Show.fromValue(showElement.text());
    XmlElement priorityElement = element.element("priority", ns);
    int priority = priorityElement == null ? 0 : parsePriority(element, priorityElement);
    StanzaError error = type == Type.ERROR ? StanzaDecoder.readError(element) : null;
    return new Presence(element, to, from, id, lang, error, type, show, priority);
  }

  private static int parsePriority(XmlElement stanza, XmlElement priorityElement) {
    String text = priorityElement.text().strip();
    int value;
    try {
      value = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw StanzaFormatException.badRequest(stanza, priorityElement,
          "presence priority is not an integer (RFC 6121 §4.7.2.3): '" + text + "'");
    }
    if (value < MIN_PRIORITY || value > MAX_PRIORITY) {
      throw StanzaFormatException.badRequest(stanza, priorityElement,
          "presence priority " + value + " is outside -128..127 (RFC 6121 §4.7.2.3)");
    }
    return value;
  }

  /** Starts a presence; without further setters it announces availability. */
  public static Builder builder() {
    return new Builder();
  }

  /** Initial or updated availability, to be broadcast by the server: {@code <presence/>}. */
  public static Presence available() {
    return builder().build();
  }

  /** Unavailable presence, broadcast by the server: {@code <presence type='unavailable'/>}. */
  public static Presence unavailable() {
    return builder().type(Type.UNAVAILABLE).build();
  }

  /** A subscription request to {@code contact} (RFC 6121 §3.1.1), addressed to its bare JID. */
  public static Presence subscribe(Jid contact) {
    return builder().to(contact.bare()).type(Type.SUBSCRIBE).build();
  }

  /** Approves {@code contact}'s subscription request (RFC 6121 §3.1.4). */
  public static Presence subscribed(Jid contact) {
    return builder().to(contact.bare()).type(Type.SUBSCRIBED).build();
  }

  /** Unsubscribes from {@code contact}'s presence (RFC 6121 §3.3.1). */
  public static Presence unsubscribe(Jid contact) {
    return builder().to(contact.bare()).type(Type.UNSUBSCRIBE).build();
  }

  /** Denies or cancels {@code contact}'s subscription (RFC 6121 §3.2.1). */
  public static Presence unsubscribed(Jid contact) {
    return builder().to(contact.bare()).type(Type.UNSUBSCRIBED).build();
  }

  @Override
  public StanzaKind kind() {
    return StanzaKind.PRESENCE;
  }

  /** The type; {@link Type#AVAILABLE} when there is no {@code type} attribute. */
  public Type type() {
    return type;
  }

  /**
   * The availability sub-state (RFC 6121 §4.7.2.1); {@link Show#NONE} without a {@code <show/>} or
   * with a value the RFC does not define.
   */
  public Show show() {
    return show;
  }

  /** The status text in the default language (RFC 6121 §4.7.2.2), exactly as sent; or {@code null}. */
  public String status() {
    return LangTexts.text(element, "status");
  }

  /** The status text in the given language (compared without regard to case), or {@code null}. */
  public String status(String lang) {
    return LangTexts.text(element, "status", lang);
  }

  /** All status texts by language ({@code xml:lang}, else the stanza's, else {@code ""}). */
  public Map<String, String> statuses() {
    return LangTexts.texts(element, "status");
  }

  /** The priority, -128 to 127 (RFC 6121 §4.7.2.3); 0 when there is no {@code <priority/>}. */
  public int priority() {
    return priority;
  }

  @Override
  public Builder toBuilder() {
    return new Builder(this);
  }

  @Override
  public Presence withTo(Jid newTo) {
    return new Presence(withAttribute(TO, string(newTo)), newTo, from(), id(), lang(), error(), type,
        show, priority);
  }

  @Override
  public Presence withFrom(Jid newFrom) {
    return new Presence(withAttribute(FROM, string(newFrom)), to(), newFrom, id(), lang(), error(),
        type, show, priority);
  }

  @Override
  public Presence withId(String newId) {
    return new Presence(withAttribute(ID, newId), to(), from(), newId, lang(), error(), type, show,
        priority);
  }

  @Override
  public Presence withLang(String newLang) {
    return new Presence(withAttribute(XmlName.XML_LANG, newLang), to(), from(), id(), newLang,
        error(), type, show, priority);
  }

  /** A copy with an extension element appended (RFC 6120 §8.4). */
  public Presence withExtension(XmlElement extension) {
    return toBuilder().extension(extension).build();
  }

  @Override
  public Presence errorReply(StanzaError stanzaError) {
    return new Presence(errorReplyElement(stanzaError), from(), to(), id(), null, stanzaError,
        Type.ERROR, Show.NONE, 0);
  }

  /**
   * Builds a {@link Presence}. Setters replace what they name and leave everything else in place. Not
   * thread-safe.
   */
  public static final class Builder extends Stanza.Builder<Presence, Builder> {

    private Builder() {
      super(StanzaKind.PRESENCE);
    }

    private Builder(Presence source) {
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

    /** The type; {@link Type#AVAILABLE} or {@code null} removes the attribute. */
    public Builder type(Type type) {
      setAttribute(TYPE, type == null ? null : type.value());
      return this;
    }

    /** The availability sub-state; {@link Show#NONE} or {@code null} removes {@code <show/>}. */
    public Builder show(Show show) {
      setSingleText("show", show == null ? null : show.value());
      return this;
    }

    /** The status text in the default language; {@code null} removes it. */
    public Builder status(String text) {
      setLangText("status", null, text);
      return this;
    }

    /** The status text in a language (RFC 6121 §4.7.2.2: one per language); {@code null} removes it. */
    public Builder status(String lang, String text) {
      setLangText("status", lang, text);
      return this;
    }

    /**
     * The priority (RFC 6121 §4.7.2.3).
     *
     * @throws IllegalArgumentException if it is outside -128..127
     */
    public Builder priority(int value) {
      if (value < MIN_PRIORITY || value > MAX_PRIORITY) {
        throw new IllegalArgumentException(
            "priority " + value + " is outside -128..127 (RFC 6121 §4.7.2.3)");
      }
      setSingleText("priority", Integer.toString(value));
      return this;
    }

    /** Removes the {@code <priority/>}, which then means 0. */
    public Builder clearPriority() {
      setSingleText("priority", null);
      return this;
    }

    /**
     * Builds the presence.
     *
     * @throws IllegalStateException if the type is error without an error, or the other way round
     *                               (RFC 6120 §8.3.1)
     */
    @Override
    public Presence build() {
      XmlElement e = buildElement();
      Presence p;
      try {
        p = create(e, to, from, id, lang);
      } catch (StanzaFormatException invalid) {
        // Only reachable through a builder made from an invalid source, which decoding refuses.
        throw new IllegalStateException(invalid.getMessage(), invalid);
      }
      checkErrorChild(p.type == Type.ERROR);
      return p;
    }
  }
}
