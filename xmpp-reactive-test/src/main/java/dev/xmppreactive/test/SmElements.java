package dev.xmppreactive.test;

import dev.xmppreactive.stanza.StanzaErrorCondition;
import dev.xmppreactive.stream.StreamError;
import dev.xmppreactive.stream.StreamErrorCondition;
import dev.xmppreactive.xml.XmlElement;

/**
 * The server's side of the XEP-0198 nonzas ({@code <enabled/>}, {@code <resumed/>}, {@code <failed/>},
 * the handled-count-too-high error); what client and server share ({@code <r/>}, {@code <a/>}, reading
 * 'h') comes from the core's {@link dev.xmppreactive.sm.SmElements}.
 */
final class SmElements {

  /** The XEP-0198 namespace. */
  static final String NS = dev.xmppreactive.sm.SmElements.NS;

  /** {@code <r/>}. */
  static final XmlElement R = dev.xmppreactive.sm.SmElements.request();

  private SmElements() {
  }

  static XmlElement a(long h) {
    return dev.xmppreactive.sm.SmElements.answer(h);
  }

  static XmlElement enabled(String id, long max) {
    XmlElement.Builder b = XmlElement.builder("enabled", NS);
    if (id != null) {
      b.attribute("id", id).attribute("resume", "true").attribute("max", Long.toString(max));
    }
    return b.build();
  }

  static XmlElement resumed(String previd, long h) {
    return XmlElement.builder("resumed", NS).attribute("previd", previd)
        .attribute("h", Long.toString(h)).build();
  }

  static XmlElement failed(StanzaErrorCondition condition) {
    return XmlElement.builder("failed", NS)
        .child(XmlElement.empty(condition.elementName(), StanzaErrorCondition.NS)).build();
  }

  /** The stream error for an 'h' higher than the count of stanzas sent (XEP-0198 §6). */
  static StreamError handledCountTooHigh(long h, long sent) {
    XmlElement app = XmlElement.builder("handled-count-too-high", NS)
        .attribute("h", Long.toString(h)).attribute("send-count", Long.toString(sent)).build();
    return new StreamError(StreamErrorCondition.UNDEFINED_CONDITION,
        "You acknowledged " + h + " stanzas, but I only sent you " + sent + " so far.", "en", app, "");
  }

  /** Whether a boolean attribute (xs:boolean) is true. */
  static boolean isTrue(String value) {
    return "true".equals(value) || "1".equals(value);
  }

  /**
   * The 'h' attribute, an xs:unsignedInt.
   *
   * @return the value, or -1 if missing or not an unsignedInt
   */
  static long h(XmlElement e) {
    try {
      return dev.xmppreactive.sm.SmElements.h(e);
    } catch (dev.xmppreactive.sm.SmProtocolException invalid) {
      return -1;
    }
  }
}
