package dev.xmppreactive.sasl;

import dev.xmppreactive.xml.XmlElement;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds server elements for tests: stream features, challenges, successes. */
final class Features {

  private Features() {
  }

  /** {@code <stream:features>} with the mechanisms and, unless {@code null}, XEP-0440 types. */
  static XmlElement of(List<String> mechanisms, List<String> cbTypes) {
    XmlElement.Builder mechs = XmlElement.builder("mechanisms", SaslOffer.SASL_NS);
    for (String m : mechanisms) {
      mechs.textElement("mechanism", SaslOffer.SASL_NS, m);
    }
    XmlElement.Builder f = XmlElement.builder("features", "http://etherx.jabber.org/streams")
        .prefix("stream").child(mechs.build());
    if (cbTypes != null) {
      XmlElement.Builder cb = XmlElement.builder("sasl-channel-binding", SaslOffer.SASL_CB_NS);
      for (String t : cbTypes) {
        cb.child(XmlElement.builder("channel-binding", SaslOffer.SASL_CB_NS)
            .attribute("type", t).build());
      }
      f.child(cb.build());
    }
    return f.build();
  }

  static XmlElement of(String... mechanisms) {
    return of(List.of(mechanisms), null);
  }

  static XmlElement challenge(String data) {
    return XmlElement.builder("challenge", SaslOffer.SASL_NS).text(b64(data)).build();
  }

  static XmlElement success(String data) {
    XmlElement.Builder b = XmlElement.builder("success", SaslOffer.SASL_NS);
    if (data != null) {
      b.text(b64(data));
    }
    return b.build();
  }

  static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  static String decode(XmlElement e) {
    return new String(Base64.getDecoder().decode(e.text()), StandardCharsets.UTF_8);
  }

  /** A channel-binding source with fixed data per type. */
  static ChannelBindingSource source(Map<String, byte[]> data) {
    return type -> Optional.ofNullable(data.get(type)).map(byte[]::clone);
  }
}
