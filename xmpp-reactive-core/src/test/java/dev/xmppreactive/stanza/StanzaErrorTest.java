package dev.xmppreactive.stanza;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.StanzaError.Type;
import dev.xmppreactive.xml.XmlElement;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StanzaErrorTest {

  @Test
  void allDefinedConditionsWithTheirRecommendedTypes() {
    // RFC 6120 §8.3.3.1 – §8.3.3.22, in order.
    Map<String, Type> rfc = new java.util.LinkedHashMap<>();
    rfc.put("bad-request", Type.MODIFY);
    rfc.put("conflict", Type.CANCEL);
    rfc.put("feature-not-implemented", Type.CANCEL);
    rfc.put("forbidden", Type.AUTH);
    rfc.put("gone", Type.CANCEL);
    rfc.put("internal-server-error", Type.CANCEL);
    rfc.put("item-not-found", Type.CANCEL);
    rfc.put("jid-malformed", Type.MODIFY);
    rfc.put("not-acceptable", Type.MODIFY);
    rfc.put("not-allowed", Type.CANCEL);
    rfc.put("not-authorized", Type.AUTH);
    rfc.put("policy-violation", Type.MODIFY);
    rfc.put("recipient-unavailable", Type.WAIT);
    rfc.put("redirect", Type.MODIFY);
    rfc.put("registration-required", Type.AUTH);
    rfc.put("remote-server-not-found", Type.CANCEL);
    rfc.put("remote-server-timeout", Type.WAIT);
    rfc.put("resource-constraint", Type.WAIT);
    rfc.put("service-unavailable", Type.CANCEL);
    rfc.put("subscription-required", Type.AUTH);
    rfc.put("undefined-condition", Type.CANCEL);
    rfc.put("unexpected-request", Type.WAIT);
    assertThat(Arrays.stream(StanzaErrorCondition.values()).map(StanzaErrorCondition::elementName))
        .containsExactlyElementsOf(rfc.keySet());
    for (StanzaErrorCondition c : StanzaErrorCondition.values()) {
      assertThat(c.defaultType()).as(c.elementName()).isEqualTo(rfc.get(c.elementName()));
      assertThat(StanzaErrorCondition.fromElementName(c.elementName())).isEqualTo(c);
      StanzaError e = StanzaError.of(c);
      assertThat(StanzaError.fromElement(e.toElement())).isEqualTo(e);
    }
    assertThat(StanzaErrorCondition.fromElementName("no-such-thing"))
        .isEqualTo(StanzaErrorCondition.UNDEFINED_CONDITION);
  }

  @Test
  void fullErrorWritesAndReads() {
    XmlElement app = XmlElement.builder("too-many-parameters", "http://example.org/ns").build();
    StanzaError e = StanzaError.of(StanzaErrorCondition.BAD_REQUEST)
        .withText("[ … application-specific information … ]", "en")
        .withApplicationCondition(app).withBy(Jid.domain("example.net")).withType(Type.CONTINUE);
    XmlElement el = e.toElement();
    assertThat(el.toXml()).isEqualTo("<error xmlns='jabber:client' by='example.net' type='continue'>"
        + "<bad-request xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
        + "<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas' xml:lang='en'>"
        + "[ … application-specific information … ]</text>"
        + "<too-many-parameters xmlns='http://example.org/ns'/></error>");
    assertThat(StanzaError.fromElement(StaxTestParser.parse(el.toXml()))).isEqualTo(e);
    assertThat(e.toElement(Stanza.SERVER_NS).namespace()).isEqualTo(Stanza.SERVER_NS);
  }

  @Test
  void goneAndRedirectCarryAnAddress() {
    StanzaError gone = StanzaError.gone("xmpp:romeo@afterlife.example.net");
    assertThat(gone.type()).isEqualTo(Type.CANCEL);
    assertThat(gone.conditionValue()).isEqualTo("xmpp:romeo@afterlife.example.net");
    StanzaError redirect = StanzaError.redirect("xmpp:characters@conference.example.org");
    assertThat(redirect.type()).isEqualTo(Type.MODIFY);
    assertThat(StanzaError.fromElement(redirect.toElement())).isEqualTo(redirect);
    // As RFC 6120 §8.3.3.5 writes it, with whitespace around the address:
    StanzaError read = StanzaError.fromElement(StaxTestParser.parse("<error xmlns='jabber:client'"
        + " by='example.net' type='cancel'><gone xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>\n"
        + "    xmpp:romeo@afterlife.example.net\n  </gone></error>"));
    assertThat(read.conditionValue()).isEqualTo("xmpp:romeo@afterlife.example.net");
    assertThat(read.by()).isEqualTo(Jid.domain("example.net"));
    assertThatThrownBy(() -> new StanzaError(Type.CANCEL, StanzaErrorCondition.CONFLICT, "x", null,
        null, null, null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void invalidValuesAreRefused() {
    assertThatThrownBy(() -> StanzaError.of(StanzaErrorCondition.CONFLICT)
        .withApplicationCondition(XmlElement.empty("x", StanzaErrorCondition.NS)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("§8.3.4");
    assertThatThrownBy(() -> StanzaError.of((StanzaErrorCondition) null))
        .isInstanceOf(NullPointerException.class);
    assertThat(Type.fromValue("modify")).isEqualTo(Type.MODIFY);
    assertThat(Type.fromValue("Modify")).isNull();
    assertThat(Type.fromValue(null)).isNull();
  }

  @Test
  void missingTypeIsTheConditionsDefault() {
    StanzaError e = StanzaError.fromElement(StaxTestParser.parse("<error xmlns='jabber:client'>"
        + "<not-authorized xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error>"));
    assertThat(e.type()).isEqualTo(Type.AUTH);
    assertThat(e.text()).isNull();
    assertThat(e.applicationCondition()).isNull();
  }
}
