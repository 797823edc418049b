package dev.xmppreactive.stanza;

/**
 * The three kinds of XML stanza, RFC 6120 §8: each names the element of its kind in the
 * {@code jabber:client} (or {@code jabber:server}) namespace.
 */
public enum StanzaKind {
  /** {@code <message/>}, the "push" stanza (RFC 6120 §8.2.1). */
  MESSAGE("message"),
  /** {@code <presence/>}, the "broadcast" stanza (RFC 6120 §8.2.2). */
  PRESENCE("presence"),
  /** {@code <iq/>}, the request-response stanza (RFC 6120 §8.2.3). */
  IQ("iq");

  private final String elementName;

  StanzaKind(String elementName) {
    this.elementName = elementName;
  }

  /** The local name of the stanza element: {@code message}, {@code presence} or {@code iq}. */
  public String elementName() {
    return elementName;
  }

  /** The kind whose element has this local name, or {@code null} if none has. */
  public static StanzaKind fromElementName(String localName) {
    return switch (localName) {
      case "message" -> MESSAGE;
      case "presence" -> PRESENCE;
      case "iq" -> IQ;
      default -> null;
    };
  }
}
