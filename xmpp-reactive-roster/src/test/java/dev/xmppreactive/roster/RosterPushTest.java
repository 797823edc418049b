package dev.xmppreactive.roster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Iq;
import dev.xmppreactive.stanza.StanzaErrorCondition;
import dev.xmppreactive.xml.XmlElement;
import org.junit.jupiter.api.Test;

/** The acceptance rules of roster pushes, RFC 6121 §2.1.6. */
class RosterPushTest {

  private static final Jid ME = Jid.of("juliet@example.com/balcony");

  private static Iq push(String from, XmlElement... items) {
    XmlElement.Builder q = XmlElement.builder("query", RosterCodec.NS).attribute("ver", "v2");
    for (XmlElement i : items) {
      q.child(i);
    }
    Iq.Builder b = Iq.builder().type(Iq.Type.SET).id("p1").to(ME).payload(q.build());
    if (from != null) {
      b.from(from);
    }
    return b.build();
  }

  private static XmlElement item(String jid) {
    return XmlElement.builder("item", RosterCodec.NS).attribute("jid", jid).build();
  }

  @Test
  void aPushWithoutFromOrFromTheBareAccountIsAccepted() {
    for (String from : new String[] {null, "juliet@example.com"}) {
      Iq iq = push(from, item("nurse@example.com"));
      RosterPush.Check c = RosterPush.check(iq, ME);
      assertThat(c).isInstanceOfSatisfying(RosterPush.Accepted.class, a -> {
        assertThat(a.item().item().jid()).isEqualTo(Jid.of("nurse@example.com"));
        assertThat(a.version()).isEqualTo("v2");
      });
      Iq reply = RosterPush.reply(iq, c);
      assertThat(reply.type()).isEqualTo(Iq.Type.RESULT);
      assertThat(reply.id()).isEqualTo("p1");
    }
  }

  @Test
  void aPushFromAnyoneElseIsRefusedWithServiceUnavailable() {
    // another account, the account's own full JID (not its bare JID), the domain
    for (String from : new String[] {"romeo@example.net", "romeo@example.net/orchard",
        "juliet@example.com/chamber", "example.com"}) {
      Iq iq = push(from, item("nurse@example.com"));
      RosterPush.Check c = RosterPush.check(iq, ME);
      assertThat(c).isInstanceOfSatisfying(RosterPush.Refused.class, r ->
          assertThat(r.condition()).isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE));
      Iq reply = RosterPush.reply(iq, c);
      assertThat(reply.type()).isEqualTo(Iq.Type.ERROR);
      assertThat(reply.error().condition()).isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE);
    }
  }

  @Test
  void aPushMustHoldExactlyOneItemWithAJid() {
    assertThat(RosterPush.check(push(null), ME)).isInstanceOfSatisfying(RosterPush.Refused.class,
        r -> assertThat(r.condition()).isEqualTo(StanzaErrorCondition.BAD_REQUEST));
    assertThat(RosterPush.check(push(null, item("a@example.com"), item("b@example.com")), ME))
        .isInstanceOfSatisfying(RosterPush.Refused.class,
            r -> assertThat(r.condition()).isEqualTo(StanzaErrorCondition.BAD_REQUEST));
    assertThat(RosterPush.check(push(null, XmlElement.empty("item", RosterCodec.NS)), ME))
        .isInstanceOf(RosterPush.Refused.class);
  }

  @Test
  void aRosterGetFromOutsideIsRefused() {
    Iq get = Iq.builder().type(Iq.Type.GET).id("g").from("romeo@example.net/orchard").to(ME)
        .payload(XmlElement.empty("query", RosterCodec.NS)).build();
    assertThat(RosterPush.isRosterRequest(get)).isTrue();
    assertThat(RosterPush.check(get, ME)).isInstanceOf(RosterPush.Refused.class);
    Iq own = get.toBuilder().from((String) null).build();
    assertThat(RosterPush.check(own, ME)).isInstanceOf(RosterPush.Refused.class);
  }
}
