package dev.xmppreactive.sasl;

import dev.xmppreactive.xml.XmlElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the server offers for authentication: its SASL mechanisms (RFC 6120 §6.4.1) and, if it
 * advertises them, its channel-binding types (XEP-0440 §3), both in the order it sent them.
 *
 * @param mechanisms          the mechanism names, trimmed, in the server's order
 * @param channelBindingTypes the XEP-0440 {@code <channel-binding type=''/>} values, or empty if the
 *                            server did not send {@code <sasl-channel-binding/>} at all (present but
 *                            empty is a different fact, kept as an empty list)
 */
public record SaslOffer(List<String> mechanisms, Optional<List<String>> channelBindingTypes) {

  /** The namespace of the SASL elements, RFC 6120 §6.4. */
  public static final String SASL_NS = "urn:ietf:params:xml:ns:xmpp-sasl";
  /** The namespace of XEP-0440's stream feature. */
  public static final String SASL_CB_NS = "urn:xmpp:sasl-cb:0";

  /** Copies the lists. */
  public SaslOffer {
    mechanisms = List.copyOf(mechanisms);
    channelBindingTypes = Objects.requireNonNull(channelBindingTypes, "channelBindingTypes")
        .map(List::copyOf);
  }

  /** An offer of mechanisms without XEP-0440 channel-binding types. */
  public static SaslOffer of(String... mechanisms) {
    return new SaslOffer(List.of(mechanisms), Optional.empty());
  }

  /**
   * Reads the offer from a {@code <stream:features/>} element.
   *
   * @param features the stream features
   * @return the offer; its mechanism list is empty if the server offers no SASL
   */
  public static SaslOffer fromFeatures(XmlElement features) {
    List<String> mechs = new ArrayList<>();
    XmlElement mechanisms = features.element("mechanisms", SASL_NS);
    if (mechanisms != null) {
      for (XmlElement m : mechanisms.elements("mechanism", SASL_NS)) {
        String name = m.text().strip();
        if (!name.isEmpty()) {
          mechs.add(name);
        }
      }
    }
    Optional<List<String>> types = Optional.empty();
    XmlElement cb = features.element("sasl-channel-binding", SASL_CB_NS);
    if (cb != null) {
      List<String> list = new ArrayList<>();
      for (XmlElement t : cb.elements("channel-binding", SASL_CB_NS)) {
        String type = t.attribute("type");
        if (type != null && !type.isEmpty()) {
          list.add(type);
        }
      }
      types = Optional.of(list);
    }
    return new SaslOffer(mechs, types);
  }

  /** Whether the server offers the mechanism. */
  public boolean offers(String mechanism) {
    return mechanisms.contains(mechanism);
  }

  /** Whether the server offers any SCRAM -PLUS variant. */
  public boolean offersChannelBinding() {
    for (String m : mechanisms) {
      if (m.startsWith("SCRAM-") && m.endsWith("-PLUS")) {
        return true;
      }
    }
    return false;
  }
}
