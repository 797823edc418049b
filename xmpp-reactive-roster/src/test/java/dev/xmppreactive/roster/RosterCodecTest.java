package dev.xmppreactive.roster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.codec.XmlParser;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Iq;
import dev.xmppreactive.xml.XmlElement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The XML of rosters, RFC 6121 §2.1, with the examples of the RFC. */
class RosterCodecTest {

  private static XmlElement xml(String s) {
    return XmlParser.parse(s);
  }

  @Test
  void theSnapshotOfAQueryReadsItAsTheModuleDoesAndRefusesOtherElements() {
    XmlElement query = xml("<query xmlns='jabber:iq:roster' ver='v1'>"
        + "<item jid='juliet@example.com' subscription='to' ask='subscribe'/><item jid='@bad'/></query>");
    assertThat(RosterSnapshot.fromQuery(query)).isEqualTo(RosterCodec.parseQuery(query));
    assertThat(RosterSnapshot.fromQuery(query).size()).isEqualTo(1);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> RosterSnapshot.fromQuery(xml("<query xmlns='urn:other'/>")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsTheRosterResultOfSection2_2() {
    RosterSnapshot r = RosterCodec.parseQuery(xml("""
        <query xmlns='jabber:iq:roster' ver='ver11'>
          <item jid='romeo@example.net' name='Romeo' subscription='both'>
            <group>Friends</group>
          </item>
          <item jid='mercutio@example.com' name='Mercutio' subscription='from'/>
          <item jid='benvolio@example.net' name='Benvolio' subscription='both'/>
        </query>"""));
    assertThat(r.version()).isEqualTo("ver11");
    assertThat(r.items().keySet()).extracting(Jid::toString)
        .containsExactly("romeo@example.net", "mercutio@example.com", "benvolio@example.net");
    RosterItem romeo = r.item(Jid.of("romeo@example.net")).orElseThrow();
    assertThat(romeo.name()).isEqualTo("Romeo");
    assertThat(romeo.subscription()).isEqualTo(SubscriptionState.BOTH);
    assertThat(romeo.groups()).containsExactly("Friends");
    assertThat(r.item(Jid.of("mercutio@example.com")).orElseThrow().subscription())
        .isEqualTo(SubscriptionState.FROM);
  }

  @Test
  void readsAskAndApproved() {
    RosterCodec.Parsed p = RosterCodec.parseItem(xml(
        "<item xmlns='jabber:iq:roster' ask='subscribe' approved='true' jid='juliet@example.com'"
            + " subscription='none'/>"), true);
    assertThat(p.remove()).isFalse();
    assertThat(p.item().pendingOut()).isTrue();
    assertThat(p.item().approved()).isTrue();
    assertThat(p.item().subscription()).isEqualTo(SubscriptionState.NONE);
  }

  @Test
  void unknownSubscriptionValuesAreIgnoredAndRemoveCountsOnlyInPushes() {
    // §2.1.2.5: values other than the defined ones are ignored (taken as absent: none)
    RosterCodec.Parsed odd = RosterCodec.parseItem(xml(
        "<item xmlns='jabber:iq:roster' jid='a@example.com' subscription='sideways'/>"), true);
    assertThat(odd.remove()).isFalse();
    assertThat(odd.item().subscription()).isEqualTo(SubscriptionState.NONE);
    RosterCodec.Parsed inResult = RosterCodec.parseItem(xml(
        "<item xmlns='jabber:iq:roster' jid='a@example.com' subscription='remove'/>"), false);
    assertThat(inResult.remove()).isFalse();
    RosterCodec.Parsed inPush = RosterCodec.parseItem(xml(
        "<item xmlns='jabber:iq:roster' jid='a@example.com' subscription='remove'/>"), true);
    assertThat(inPush.remove()).isTrue();
    assertThat(inPush.item().jid()).isEqualTo(Jid.of("a@example.com"));
  }

  @Test
  void itemsWithoutAValidJidAreSkippedAndEmptyGroupsAndNamesDropped() {
    RosterSnapshot r = RosterCodec.parseQuery(xml("""
        <query xmlns='jabber:iq:roster'>
          <item name='no jid'/>
          <item jid='@bad'/>
          <item jid='ok@example.com' name=''><group></group><group>G</group><group>G</group></item>
        </query>"""));
    assertThat(r.version()).isNull();
    assertThat(r.size()).isEqualTo(1);
    RosterItem ok = r.item(Jid.of("ok@example.com")).orElseThrow();
    assertThat(ok.name()).isNull();
    assertThat(ok.groups()).containsExactly("G");
  }

  @Test
  void aRosterSetCarriesOnlyJidNameAndGroups() {
    RosterItem item = new RosterItem(Jid.of("nurse@example.com"), "Nurse", SubscriptionState.BOTH,
        true, true, List.of("Servants"));
    Iq set = RosterCodec.set(item);
    assertThat(set.type()).isEqualTo(Iq.Type.SET);
    assertThat(set.to()).isNull();
    XmlElement i = set.payload().element("item", RosterCodec.NS);
    assertThat(set.payload().elements("item", RosterCodec.NS)).hasSize(1);
    assertThat(i.attribute("jid")).isEqualTo("nurse@example.com");
    assertThat(i.attribute("name")).isEqualTo("Nurse");
    assertThat(i.childText("group", RosterCodec.NS)).isEqualTo("Servants");
    // §2.1.2.1, §2.1.2.2, §2.1.2.5: never sent by a client
    assertThat(i.attribute("subscription")).isNull();
    assertThat(i.attribute("ask")).isNull();
    assertThat(i.attribute("approved")).isNull();
  }

  @Test
  void aRemovalAndGets() {
    XmlElement i = RosterCodec.remove(Jid.of("nurse@example.com")).payload()
        .element("item", RosterCodec.NS);
    assertThat(i.attribute("subscription")).isEqualTo("remove");
    assertThat(RosterCodec.get(null).payload().attribute("ver")).isNull();
    assertThat(RosterCodec.get("").payload().attribute("ver")).isEmpty();
    assertThat(RosterCodec.get("ver14").payload().attribute("ver")).isEqualTo("ver14");
    assertThat(RosterCodec.get("ver14").payload().elements()).isEmpty(); // §2.1.3: no items
  }

  @Test
  void storedItemsRoundTripWithTheirState() {
    RosterItem item = new RosterItem(Jid.of("nurse@example.com"), "Nurse", SubscriptionState.TO,
        true, true, List.of("Servants", "Family"));
    XmlElement e = xml(RosterCodec.storedItem(item).toXml());
    assertThat(RosterCodec.parseItem(e, false).item()).isEqualTo(item);
  }
}
