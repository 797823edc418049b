package dev.xmppreactive.stanza;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stream.XmppException;
import dev.xmppreactive.xml.XmlElement;
import java.util.Optional;

/**
 * A stanza from the network is not valid, or a payload in it cannot be decoded. The exception says
 * which stanza error condition to answer with, the offending element, and enough of the stanza (kind,
 * {@code id}, {@code from}, {@code type}) to answer it; {@link #errorReply()} builds that answer.
 *
 * <p>What decoding ({@link Stanza#fromElement}) refuses, with {@code bad-request} unless noted:
 * <ul>
 *   <li>an element that is not a stanza (message, presence or iq in {@code jabber:client} or
 *       {@code jabber:server}; RFC 6120 §8);</li>
 *   <li>a 'to' or 'from' that is not a valid JID: {@code jid-malformed} (§8.1.1, §8.1.2, §8.3.3.8);</li>
 *   <li>an IQ without {@code id} or {@code type}, with an unknown type, a get or set without exactly
 *       one child element, a result with more than one (§8.2.3);</li>
 *   <li>a presence of an unknown type (RFC 6121 §4.7.1), or whose {@code <priority/>} is not an
 *       integer from -128 to 127 (RFC 6121 §4.7.2.3).</li>
 * </ul>
 * What it accepts leniently, keeping the element as it is: an unknown message type reads as
 * {@code normal} (RFC 6121 §5.2.2); an unknown {@code <show/>} as none; an error stanza's
 * {@code <error/>} is read as well as it can be (an unknown condition is {@code undefined-condition},
 * §8.3.2), since errors are never answered; unknown attributes and children are kept (§8.4).
 */
public final class StanzaFormatException extends XmppException {

  private static final long serialVersionUID = 1L;

  /** The condition to answer with. */
  private final StanzaErrorCondition condition;
  /** What is wrong; the text of the reply. */
  private final String reason;
  private final transient XmlElement stanza;
  private final transient XmlElement offending;

  /**
   * Creates the exception.
   *
   * @param condition the condition to answer with
   * @param stanza    the stanza element as received (or, outside a stanza, the element at fault)
   * @param offending the element at fault: the stanza itself or a part of it
   * @param reason    what is wrong, in a sentence that names the rule; it is also the text of the
   *                  reply, so it quotes no more of the stanza than needed
   * @param cause     the underlying failure, or {@code null}
   */
  public StanzaFormatException(StanzaErrorCondition condition, XmlElement stanza,
                               XmlElement offending, String reason, Throwable cause) {
    super(reason, cause);
    this.condition = condition;
    this.reason = reason;
    this.stanza = stanza;
    this.offending = offending;
  }

  static StanzaFormatException badRequest(XmlElement stanza, XmlElement offending, String reason) {
    return new StanzaFormatException(StanzaErrorCondition.BAD_REQUEST, stanza, offending, reason,
        null);
  }

  /** The stanza error condition to answer with: bad-request or jid-malformed. */
  public StanzaErrorCondition condition() {
    return condition;
  }

  /** The stanza element as received. */
  public XmlElement stanzaElement() {
    return stanza;
  }

  /** The element at fault: the stanza itself, or a child such as {@code <priority/>} or a payload. */
  public XmlElement offendingElement() {
    return offending;
  }

  /** The kind of stanza, or {@code null} if the element is not a stanza at all. */
  public StanzaKind kind() {
    return stanza != null && Stanza.isContentNamespace(stanza.namespace())
        ? StanzaKind.fromElementName(stanza.localName()) : null;
  }

  /** The stanza's {@code id} attribute, or {@code null}. */
  public String id() {
    return stanza == null ? null : stanza.attribute("id");
  }

  /** The stanza's {@code from} attribute as written (it may be the malformed part), or {@code null}. */
  public String from() {
    return stanza == null ? null : stanza.attribute("from");
  }

  /** The stanza's {@code type} attribute as written, or {@code null}. */
  public String type() {
    return stanza == null ? null : stanza.attribute("type");
  }

  /**
   * The error stanza to send back, if one is due: of the same kind, type {@code error}, addressed to
   * the sender (left out if the sender's address is malformed, §8.3.1 rule 2), with the same
   * {@code id} (empty for an IQ without one, rule 3) and this condition, with the reason as English
   * text. Empty for an element that is not a stanza, for an error stanza (rule 8) and for an IQ result
   * (§8.2.3 rule 4). The offending content is not echoed.
   */
  public Optional<Stanza> errorReply() {
    StanzaKind kind = kind();
    String type = type();
    if (kind == null || "error".equals(type) || (kind == StanzaKind.IQ && "result".equals(type))) {
      return Optional.empty();
    }
    StanzaError error = StanzaError.of(condition).withText(reason, "en");
    Jid to = Jid.ofOrNull(from());
    Jid from = Jid.ofOrNull(stanza.attribute("to"));
    String ns = stanza.namespace();
    Stanza.Builder<?, ?> b = switch (kind) {
      case MESSAGE -> Message.builder();
      case PRESENCE -> Presence.builder();
      case IQ -> Iq.builder().id(id() == null ? "" : id());
    };
    b.contentNamespace(ns).to(to).from(from).error(error);
    if (kind != StanzaKind.IQ) {
      b.id(id());
    }
    return Optional.of(b.build());
  }
}
