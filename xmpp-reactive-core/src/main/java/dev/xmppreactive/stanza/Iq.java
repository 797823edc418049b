package dev.xmppreactive.stanza;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.xml.XmlElement;
import dev.xmppreactive.xml.XmlName;
import dev.xmppreactive.xml.XmlNode;
import dev.xmppreactive.xml.XmlWritable;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An {@code <iq/>} stanza, RFC 6120 §8.2.3: a request ({@code get}, {@code set}) with exactly one
 * payload, answered by a response ({@code result}, {@code error}) with the same {@code id}.
 *
 * <pre>{@code
 * Iq request = Iq.get(Jid.of("example.com"),
 *     XmlElement.empty("query", "http://jabber.org/protocol/disco#info"));   // a random id
 * // on the other side:
 * Iq answer = request.resultReply(infoElement);      // to/from swapped, same id
 * Iq refusal = request.errorReply(StanzaError.of(StanzaErrorCondition.SERVICE_UNAVAILABLE));
 * }</pre>
 *
 * <p>Immutable and thread-safe; see {@link Stanza} for what is kept and how it is read.
 */
public final class Iq extends Stanza {

  /** The IQ types, RFC 6120 §8.2.3 rule 2. */
  public enum Type {
    /** Requests information. */
    GET,
    /** Provides data, sets values. */
    SET,
    /** A successful response to a get or set. */
    RESULT,
    /** An error in response to a get or set (RFC 6120 §8.3). */
    ERROR;

    private final String value = name().toLowerCase(Locale.ROOT);

    /** The value of the {@code type} attribute. */
    public String value() {
      return value;
    }

    /** Whether this is a request type: get or set. */
    public boolean isRequest() {
      return this == GET || this == SET;
    }

    /** The type of an attribute value, or {@code null} for anything else (including {@code null}). */
    public static Type fromValue(String value) {
      if (value == null) {
        return null;
      }
      return switch (value) {
        case "get" -> GET;
        case "set" -> SET;
        case "result" -> RESULT;
        case "error" -> ERROR;
        default -> null;
      };
    }
  }

  private final Type type;
  private final XmlElement payload;

  private Iq(XmlElement element, Jid to, Jid from, String id, String lang, StanzaError error,
             Type type, XmlElement payload) {
    super(element, to, from, id, lang, error);
    this.type = type;
    this.payload = payload;
  }

  /**
   * Reads the IQ-specific values and checks RFC 6120 §8.2.3.
   *
   * @throws StanzaFormatException (bad-request) without an {@code id}, without a known type, for a
   *                               get or set without exactly one child element, or a result with more
   *                               than one
   */
  static Iq create(XmlElement element, Jid to, Jid from, String id, String lang) {
    return create(element, to, from, id, lang, element.attribute(TYPE));
  }

  /** As {@link #create(XmlElement, Jid, Jid, String, String)}, with the type attribute's value read. */
  static Iq create(XmlElement element, Jid to, Jid from, String id, String lang, String typeValue) {
    if (id == null) {
      throw StanzaFormatException.badRequest(element, element,
          "an IQ needs an 'id' attribute (RFC 6120 §8.2.3 rule 1)");
    }
    Type type = Type.fromValue(typeValue);
    if (type == null) {
      throw StanzaFormatException.badRequest(element, element, typeValue == null
          ? "an IQ needs a 'type' attribute (RFC 6120 §8.2.3 rule 2)"
          : "unknown IQ type '" + typeValue + "' (RFC 6120 §8.2.3 rule 2)");
    }
    XmlElement payload = null;
    StanzaError error = null;
    int count = 0;
    String ns = element.namespace();
    List<XmlNode> children = element.children();
    for (int i = 0, n = children.size(); i < n; i++) {
      if (children.get(i) instanceof XmlElement c) {
        count++;
        if (type == Type.ERROR && c.is("error", ns)) {
          continue;
        }
        if (payload == null) {
          payload = c;
        }
      }
    }
    switch (type) {
      case GET, SET -> {
        if (count != 1) {
          throw StanzaFormatException.badRequest(element, element, "an IQ of type " + type.value()
              + " must have exactly one child element, not " + count + " (RFC 6120 §8.2.3 rule 5)");
        }
      }
      case RESULT -> {
        if (count > 1) {
          throw StanzaFormatException.badRequest(element, element, "an IQ of type result may have "
              + "at most one child element, not " + count + " (RFC 6120 §8.2.3 rule 6)");
        }
      }
      case ERROR -> error = StanzaDecoder.readError(element);
      default -> throw new AssertionError(type);
    }
    return new Iq(element, to, from, id, lang, error, type, payload);
  }

  /** Starts an IQ. */
  public static Builder builder() {
    return new Builder();
  }

  /** A {@code get} request to {@code to} ({@code null}: the user's server) with a random id. */
  public static Iq get(Jid to, XmlElement payload) {
    return builder().type(Type.GET).to(to).payload(payload).build();
  }

  /** A {@code get} request with a payload that has an element form. */
  public static Iq get(Jid to, XmlWritable payload) {
    return get(to, payload.toXmlElement());
  }

  /** A {@code set} request to {@code to} ({@code null}: the user's server) with a random id. */
  public static Iq set(Jid to, XmlElement payload) {
    return builder().type(Type.SET).to(to).payload(payload).build();
  }

  /** A {@code set} request with a payload that has an element form. */
  public static Iq set(Jid to, XmlWritable payload) {
    return set(to, payload.toXmlElement());
  }

  @Override
  public StanzaKind kind() {
    return StanzaKind.IQ;
  }

  /** The type. */
  public Type type() {
    return type;
  }

  /** Whether this is a request: get or set. */
  public boolean isRequest() {
    return type.isRequest();
  }

  /** Whether this is a response: result or error. */
  public boolean isResponse() {
    return !type.isRequest();
  }

  /**
   * The payload: the one child element of a get, set or result (§8.2.3 rules 5 and 6), or for an
   * error the first child element other than {@code <error/>} (the request's payload echoed, rule 7);
   * {@code null} when there is none.
   */
  public XmlElement payload() {
    return payload;
  }

  /** Whether the payload has that name. */
  public boolean hasPayload(String localName, String namespace) {
    return payload != null && payload.is(localName, namespace);
  }

  /**
   * The empty {@code result} that answers this request (RFC 6120 §8.2.3 rule 3): 'to' and 'from'
   * swapped, the same {@code id}.
   *
   * @throws IllegalStateException if this is not a get or set (rule 4)
   */
  public Iq resultReply() {
    return resultReply((XmlElement) null);
  }

  /**
   * The {@code result} that answers this request, with a payload ({@code null} for none).
   *
   * @throws IllegalStateException if this is not a get or set (RFC 6120 §8.2.3 rule 4)
   */
  public Iq resultReply(XmlElement resultPayload) {
    requireRequest();
    XmlElement.Builder b = XmlElement.builder(element.name());
    if (from() != null) {
      b.attribute(TO, "", from().toString());
    }
    if (to() != null) {
      b.attribute(FROM, "", to().toString());
    }
    b.attribute(ID, "", id());
    b.attribute(TYPE, "", "result");
    if (resultPayload != null) {
      b.child(resultPayload);
    }
    return new Iq(b.build(), from(), to(), id(), null, null, Type.RESULT, resultPayload);
  }

  /** The {@code result} that answers this request, with a payload that has an element form. */
  public Iq resultReply(XmlWritable resultPayload) {
    return resultReply(resultPayload.toXmlElement());
  }

  /**
   * The {@code error} that answers this request (RFC 6120 §8.2.3, §8.3): 'to' and 'from' swapped, the
   * same {@code id}, without the request's payload.
   *
   * @throws IllegalStateException if this is not a get or set (RFC 6120 §8.2.3 rule 4)
   */
  @Override
  public Iq errorReply(StanzaError stanzaError) {
    requireRequest();
    return new Iq(errorReplyElement(stanzaError), from(), to(), id(), null, stanzaError, Type.ERROR,
        null);
  }

  private void requireRequest() {
    if (!type.isRequest()) {
      throw new IllegalStateException("only a get or set is answered; this IQ is a " + type.value()
          + " (RFC 6120 §8.2.3 rule 4)");
    }
  }

  @Override
  public Builder toBuilder() {
    return new Builder(this);
  }

  @Override
  public Iq withTo(Jid newTo) {
    return new Iq(withAttribute(TO, string(newTo)), newTo, from(), id(), lang(), error(), type,
        payload);
  }

  @Override
  public Iq withFrom(Jid newFrom) {
    return new Iq(withAttribute(FROM, string(newFrom)), to(), newFrom, id(), lang(), error(), type,
        payload);
  }

  /**
   * A copy with another {@code id}.
   *
   * @throws NullPointerException if it is {@code null}: an IQ needs one (RFC 6120 §8.2.3 rule 1)
   */
  @Override
  public Iq withId(String newId) {
    Objects.requireNonNull(newId, "an IQ needs an id (RFC 6120 §8.2.3 rule 1)");
    return new Iq(withAttribute(ID, newId), to(), from(), newId, lang(), error(), type, payload);
  }

  @Override
  public Iq withLang(String newLang) {
    return new Iq(withAttribute(XmlName.XML_LANG, newLang), to(), from(), id(), newLang, error(),
        type, payload);
  }

  /**
   * Builds an {@link Iq}. An IQ built without an {@code id} gets a random one
   * ({@link StanzaIds#random()}). Not thread-safe.
   */
  public static final class Builder extends Stanza.Builder<Iq, Builder> {

    private Type type;

    private Builder() {
      super(StanzaKind.IQ);
    }

    private Builder(Iq source) {
      super(source);
      this.type = source.type;
    }

    @Override
    Builder self() {
      return this;
    }

    @Override
    void afterErrorType(boolean isError) {
      type = isError ? Type.ERROR : null;
    }

    /** The type (RFC 6120 §8.2.3 rule 2); required. */
    public Builder type(Type newType) {
      this.type = Objects.requireNonNull(newType, "type");
      setAttribute(TYPE, newType.value());
      return this;
    }

    /**
     * The payload, replacing every other child element except an {@code <error/>}; {@code null} removes
     * it.
     */
    public Builder payload(XmlElement newPayload) {
      String ns = ns();
      children.removeIf(n -> n instanceof XmlElement e && !e.is("error", ns));
      if (newPayload != null) {
        children.add(0, newPayload);
      }
      return this;
    }

    /** The payload, from a value that has an element form. */
    public Builder payload(XmlWritable newPayload) {
      return payload(newPayload.toXmlElement());
    }

    /**
     * Builds the IQ, with a random {@code id} if none was set.
     *
     * @throws IllegalStateException without a type, or when the children do not fit the type: a get or
     *                               set needs exactly one payload, a result at most one, an error an
     *                               error (RFC 6120 §8.2.3, §8.3.1)
     */
    @Override
    public Iq build() {
      if (type == null) {
        throw new IllegalStateException("an IQ needs a type (RFC 6120 §8.2.3 rule 2)");
      }
      if (id == null) {
        id(StanzaIds.random());
      }
      checkErrorChild(type == Type.ERROR);
      XmlElement e = buildElement();
      try {
        return create(e, to, from, id, lang);
      } catch (StanzaFormatException invalid) {
        throw new IllegalStateException(invalid.getMessage(), invalid);
      }
    }
  }
}
