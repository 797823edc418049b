package dev.xmppreactive.sasl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xmppreactive.xml.XmlElement;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SaslElementsTest {

  private static final String NS = "urn:ietf:params:xml:ns:xmpp-sasl";

  @Test
  void authCarriesBase64OrEqualsForAnEmptyInitialResponse() {
    assertThat(SaslElements.auth("PLAIN", "\0juliet\0r0m30myr0m30".getBytes(StandardCharsets.UTF_8))
        .toXml()).isEqualTo("<auth xmlns='" + NS + "' mechanism='PLAIN'>"
        + "AGp1bGlldAByMG0zMG15cjBtMzA=</auth>"); // RFC 6120 §6.4.2's example
    assertThat(SaslElements.auth("EXTERNAL", new byte[0]).text()).isEqualTo("=");
    assertThat(SaslElements.auth("X", null).isEmpty()).isTrue();
  }

  @Test
  void responseAndAbort() {
    assertThat(SaslElements.response(new byte[0]).isEmpty()).isTrue();
    assertThat(SaslElements.response(new byte[] {1}).text()).isEqualTo("AQ==");
    assertThat(SaslElements.abort()).isEqualTo(XmlElement.empty("abort", NS));
  }

  @Test
  void dataDistinguishesNoneEmptyAndSome() {
    assertThat(SaslElements.data(XmlElement.empty("success", NS))).isNull();
    assertThat(SaslElements.data(el("success", "="))).isEmpty();
    assertThat(SaslElements.data(el("challenge", "\n   AQI=\n  "))).containsExactly(1, 2);
  }

  @Test
  void malformedBase64IsAProtocolViolation() {
    for (String bad : new String[] {"AQ", "AQ=", "A Q==", "AQ==AQ==x", "!!!!", "AQ=="
        + "\u00e9"}) {
      assertThatThrownBy(() -> SaslElements.data(el("challenge", bad)))
          .as(bad).isInstanceOfSatisfying(SaslException.class,
              e -> assertThat(e.kind()).isEqualTo(SaslException.Kind.PROTOCOL_VIOLATION));
    }
    XmlElement withChild = XmlElement.builder("challenge", NS)
        .child(XmlElement.empty("x", NS)).build();
    assertThatThrownBy(() -> SaslElements.data(withChild)).isInstanceOf(SaslException.class);
  }

  @Test
  void failureGivesConditionAndText() {
    XmlElement f = XmlElement.builder("failure", NS)
        .child(XmlElement.empty("account-disabled", NS))
        .child(XmlElement.builder("text", NS).lang("en").text("Call 212-555-1212").build())
        .build();
    SaslException e = SaslElements.failure(f);
    assertThat(e.kind()).isEqualTo(SaslException.Kind.SERVER_FAILURE);
    assertThat(e.condition()).contains(SaslFailureCondition.ACCOUNT_DISABLED);
    assertThat(e.serverText()).contains("Call 212-555-1212");
    assertThat(e.serverTextLang()).isEqualTo("en");
    assertThat(e.getMessage()).contains("account-disabled").contains("Call 212-555-1212");
    assertThat(e.isFromServer()).isTrue();
    assertThat(e.isRetryable()).isFalse();
  }

  @Test
  void everyDefinedConditionIsRead() {
    for (SaslFailureCondition c : SaslFailureCondition.values()) {
      SaslException e = SaslElements.failure(XmlElement.builder("failure", NS)
          .child(XmlElement.empty(c.elementName(), NS)).build());
      assertThat(e.condition()).contains(c);
      assertThat(e.isRetryable()).isEqualTo(c == SaslFailureCondition.TEMPORARY_AUTH_FAILURE);
    }
  }

  /** RFC 6120 §6.5: an unknown condition is treated as not-authorized; the name is kept. */
  @Test
  void unknownOrMissingConditionIsNotAuthorized() {
    SaslException unknown = SaslElements.failure(XmlElement.builder("failure", NS)
        .child(XmlElement.empty("bad-protocol", NS)).build());
    assertThat(unknown.condition()).contains(SaslFailureCondition.NOT_AUTHORIZED);
    assertThat(unknown.conditionElementName()).isEqualTo("bad-protocol");
    SaslException none = SaslElements.failure(XmlElement.empty("failure", NS));
    assertThat(none.condition()).contains(SaslFailureCondition.NOT_AUTHORIZED);
    assertThat(none.conditionElementName()).isNull();
    assertThat(none.serverText()).isEmpty();
  }

  @Test
  void offerIsReadFromFeatures() {
    SaslOffer o = SaslOffer.fromFeatures(Features.of(java.util.List.of(" PLAIN ", "SCRAM-SHA-1"),
        java.util.List.of("tls-exporter")));
    assertThat(o.mechanisms()).containsExactly("PLAIN", "SCRAM-SHA-1");
    assertThat(o.channelBindingTypes()).contains(java.util.List.of("tls-exporter"));
    SaslOffer none = SaslOffer.fromFeatures(XmlElement.empty("features",
        "http://etherx.jabber.org/streams"));
    assertThat(none.mechanisms()).isEmpty();
    assertThat(none.channelBindingTypes()).isEmpty();
  }

  private static XmlElement el(String name, String text) {
    return XmlElement.builder(name, NS).text(text).build();
  }
}
