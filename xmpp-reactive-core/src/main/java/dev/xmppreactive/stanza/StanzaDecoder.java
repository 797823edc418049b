package dev.xmppreactive.stanza;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.jid.JidFormatException;
import dev.xmppreactive.xml.XmlElement;
import dev.xmppreactive.xml.XmlName;

/**
 * Turns a decoded element into a {@link Stanza}: reads the common attributes once (RFC 6120 §8.1) and
 * hands the element to its kind, which keeps it as it is.
 */
final class StanzaDecoder {

  private StanzaDecoder() {
  }

  static Stanza decode(XmlElement element) {
    StanzaKind kind = StanzaKind.fromElementName(element.localName());
    if (kind == null || !Stanza.isContentNamespace(element.namespace())) {
      throw StanzaFormatException.badRequest(element, element, "not a stanza: " + element.name()
          + " (RFC 6120 §8: message, presence or iq in jabber:client or jabber:server)");
    }
    String to = null;
    String from = null;
    String id = null;
    String lang = null;
    String type = null;
    for (int i = 0, n = element.attributeCount(); i < n; i++) {
      XmlName name = element.attributeName(i);
      String ns = name.namespace();
      if (ns.isEmpty()) {
        switch (name.localName()) {
          case "to" -> to = element.attributeValue(i);
          case "from" -> from = element.attributeValue(i);
          case "id" -> id = element.attributeValue(i);
          case "type" -> type = element.attributeValue(i);
          default -> {
            // other attributes are extension attributes (§8.4)
          }
        }
      } else if (ns.equals(XmlName.XML_NS) && name.localName().equals("lang")) {
        lang = element.attributeValue(i);
      }
    }
    Jid toJid = jid(element, "to", to);
    Jid fromJid = jid(element, "from", from);
    return switch (kind) {
      case MESSAGE -> Message.create(element, toJid, fromJid, id, lang, type);
      case PRESENCE -> Presence.create(element, toJid, fromJid, id, lang, type);
      case IQ -> Iq.create(element, toJid, fromJid, id, lang, type);
    };
  }

  private static Jid jid(XmlElement element, String attribute, String value) {
    if (value == null) {
      return null;
    }
    try {
      return Jid.of(value);
    } catch (JidFormatException e) {
      throw new StanzaFormatException(StanzaErrorCondition.JID_MALFORMED, element, element,
          "the '" + attribute + "' address is not a valid JID (RFC 6120 §8.1.1, §8.1.2): "
              + e.getMessage(), e);
    }
  }

  /**
   * Reads the {@code <error/>} child of an error stanza; without one (which RFC 6120 §8.3.1 rule 4
   * forbids) the error reads as {@code undefined-condition}, since an error stanza is never answered.
   */
  static StanzaError readError(XmlElement stanza) {
    XmlElement error = stanza.element("error", stanza.namespace());
    return error == null ? StanzaError.of(StanzaErrorCondition.UNDEFINED_CONDITION)
        : StanzaError.fromElement(error);
  }
}
