package dev.xmppreactive.stanza;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xmppreactive.jid.Jid;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PresenceTest {

  @Test
  void availabilityWithShowStatusAndPriority() {
    // RFC 6121 §4.7.2.3 example.
    Presence p = Presence.builder().lang("en").show(Presence.Show.DND).status("Wooing Juliet")
        .status("cs", "Dvořím se Julii").priority(1).build();
    assertThat(p.toString()).isEqualTo("<presence xmlns='jabber:client' xml:lang='en'>"
        + "<show>dnd</show><status>Wooing Juliet</status>"
        + "<status xml:lang='cs'>Dvořím se Julii</status><priority>1</priority></presence>");
    assertThat(p.type()).isEqualTo(Presence.Type.AVAILABLE);
    assertThat(p.show()).isEqualTo(Presence.Show.DND);
    assertThat(p.status()).isEqualTo("Wooing Juliet");
    assertThat(p.status("cs")).isEqualTo("Dvořím se Julii");
    assertThat(p.statuses()).isEqualTo(Map.of("en", "Wooing Juliet", "cs", "Dvořím se Julii"));
    assertThat(p.priority()).isEqualTo(1);
    assertThat(p.kind()).isEqualTo(StanzaKind.PRESENCE);
    assertThat(Stanza.fromElement(StaxTestParser.parse(p.toString()))).isEqualTo(p);
  }

  @Test
  void settersReplaceAndRemove() {
    Presence p = Presence.builder().show(Presence.Show.AWAY).show(Presence.Show.XA).priority(5)
        .priority(-128).status("a").status("b").build();
    assertThat(p.show()).isEqualTo(Presence.Show.XA);
    assertThat(p.priority()).isEqualTo(-128);
    assertThat(p.toXmlElement().elements("priority", Stanza.CLIENT_NS)).hasSize(1);
    assertThat(p.status()).isEqualTo("b");
    Presence cleared = p.toBuilder().show(Presence.Show.NONE).clearPriority().status(null).build();
    assertThat(cleared.toString()).isEqualTo("<presence xmlns='jabber:client'/>");
    assertThat(cleared.priority()).isZero();
    assertThat(cleared.show()).isEqualTo(Presence.Show.NONE);
  }

  @Test
  void priorityRangeIsEnforced() {
    assertThatThrownBy(() -> Presence.builder().priority(128))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-128..127");
    assertThatThrownBy(() -> Presence.builder().priority(-129))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Presence.builder().priority(127).build().priority()).isEqualTo(127);
  }

  @Test
  void shortcuts() {
    Jid juliet = Jid.of("juliet@example.com/balcony");
    assertThat(Presence.available().toString()).isEqualTo("<presence xmlns='jabber:client'/>");
    assertThat(Presence.unavailable().type()).isEqualTo(Presence.Type.UNAVAILABLE);
    assertThat(Presence.unavailable().toString()).contains("type='unavailable'");
    Presence subscribe = Presence.subscribe(juliet);
    assertThat(subscribe.to()).isEqualTo(juliet.bare());
    assertThat(subscribe.type()).isEqualTo(Presence.Type.SUBSCRIBE);
    assertThat(Presence.subscribed(juliet).type()).isEqualTo(Presence.Type.SUBSCRIBED);
    assertThat(Presence.unsubscribe(juliet).type()).isEqualTo(Presence.Type.UNSUBSCRIBE);
    assertThat(Presence.unsubscribed(juliet).type()).isEqualTo(Presence.Type.UNSUBSCRIBED);
    assertThat(Presence.builder().type(Presence.Type.PROBE).type(Presence.Type.AVAILABLE).build()
        .typeAttribute()).isNull();
  }

  @Test
  void typesAndShowValues() {
    assertThat(Presence.Type.AVAILABLE.value()).isNull();
    assertThat(Presence.Type.fromValue(null)).isEqualTo(Presence.Type.AVAILABLE);
    assertThat(Presence.Type.fromValue("available")).isNull();
    assertThat(Presence.Show.NONE.value()).isNull();
    assertThat(Presence.Show.fromValue("chat")).isEqualTo(Presence.Show.CHAT);
    assertThat(Presence.Show.fromValue(null)).isEqualTo(Presence.Show.NONE);
  }

  @Test
  void withCopiesAndErrorReply() {
    Presence p = (Presence) StanzaDecoderTest.decode("<presence from='romeo@example.net/orchard'"
        + " to='juliet@example.com' id='y2bs71v4'><show>chat</show><priority>3</priority>"
        + "<c xmlns='http://jabber.org/protocol/caps' ver='v'/></presence>");
    Presence moved = p.withTo(Jid.of("nurse@example.com"));
    assertThat(moved.show()).isEqualTo(Presence.Show.CHAT);
    assertThat(moved.priority()).isEqualTo(3);
    assertThat(moved.extensions()).hasSize(1);
    assertThat(p.withFrom(null).from()).isNull();
    assertThat(p.withId("x").id()).isEqualTo("x");
    assertThat(p.withLang("en").lang()).isEqualTo("en");
    assertThat(p.withExtension(dev.xmppreactive.xml.XmlElement.empty("x", "urn:x")).extensions())
        .hasSize(2);
    Presence error = p.errorReply(StanzaError.of(StanzaErrorCondition.FORBIDDEN));
    assertThat(error.type()).isEqualTo(Presence.Type.ERROR);
    assertThat(error.to()).isEqualTo(p.from());
    assertThat(error.from()).isEqualTo(p.to());
    assertThat(error.id()).isEqualTo("y2bs71v4");
    assertThat(error.error().type()).isEqualTo(StanzaError.Type.AUTH);
    assertThat(Stanza.fromElement(StaxTestParser.parse(error.toString()))).isEqualTo(error);
  }
}
