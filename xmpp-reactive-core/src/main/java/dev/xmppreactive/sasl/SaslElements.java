package dev.xmppreactive.sasl;

import dev.xmppreactive.xml.XmlElement;
import java.util.Objects;

/**
 * The elements of XMPP's SASL negotiation, RFC 6120 §6.4, in namespace {@value SaslOffer#SASL_NS}:
 * building {@code <auth/>}, {@code <response/>} and {@code <abort/>}, and reading the data of
 * {@code <challenge/>} and {@code <success/>} and the condition of {@code <failure/>}.
 */
public final class SaslElements {

  /** The SASL namespace. */
  public static final String NS = SaslOffer.SASL_NS;

  private SaslElements() {
  }

  /**
   * {@code <auth mechanism=''>} with the initial response in base64; a zero-length response is sent as
   * "=" (RFC 6120 §6.4.2).
   *
   * @param initialResponse the initial response, or {@code null} for none (an empty element)
   */
  public static XmlElement auth(String mechanism, byte[] initialResponse) {
    Objects.requireNonNull(mechanism, "mechanism");
    XmlElement.Builder b = XmlElement.builder("auth", NS).attribute("mechanism", mechanism);
    if (initialResponse != null) {
      b.text(initialResponse.length == 0 ? "=" : SaslCodec.base64(initialResponse));
    }
    return b.build();
  }

  /** {@code <response/>} with the data in base64; empty data gives an empty element (§6.4.3). */
  public static XmlElement response(byte[] data) {
    XmlElement.Builder b = XmlElement.builder("response", NS);
    if (data.length > 0) {
      b.text(SaslCodec.base64(data));
    }
    return b.build();
  }

  /** {@code <abort/>}, which ends the exchange; the server answers with {@code <aborted/>} (§6.4.4). */
  public static XmlElement abort() {
    return XmlElement.empty("abort", NS);
  }

  /** Whether the element is a SASL element with that local name. */
  public static boolean is(XmlElement e, String localName) {
    return e.is(localName, NS);
  }

  /**
   * The base64 data of a {@code <challenge/>}, {@code <response/>} or {@code <success/>}: none for an
   * empty element, zero bytes for "=", otherwise the decoded text. Whitespace around the text is
   * formatting and is ignored; whitespace inside is not base64.
   *
   * @return the data, or {@code null} if the element is empty
   * @throws SaslException ({@link SaslException.Kind#PROTOCOL_VIOLATION}) if the text is not base64
   */
  public static byte[] data(XmlElement e) {
    if (!e.elements().isEmpty()) {
      throw SaslException.protocolViolation("<" + e.localName() + "/> holds child elements");
    }
    String text = e.text().strip();
    if (text.isEmpty()) {
      return null;
    }
    if (text.equals("=")) {
      return new byte[0];
    }
    return SaslCodec.base64(text, "<" + e.localName() + "/>");
  }

  /**
   * Reads a {@code <failure/>} as the exception it stands for (RFC 6120 §6.5): the condition (an
   * unknown one counts as not-authorized, §6.5) and the optional text.
   */
  public static SaslException failure(XmlElement e) {
    String condition = null;
    String text = null;
    String lang = null;
    for (XmlElement c : e.elements()) {
      if (c.localName().equals("text") && c.namespace().equals(NS)) {
        if (text == null) {
          text = c.text();
          lang = c.lang();
        }
      } else if (condition == null) {
        condition = c.localName();
      }
    }
    return SaslException.serverFailure(condition, text, lang);
  }
}
