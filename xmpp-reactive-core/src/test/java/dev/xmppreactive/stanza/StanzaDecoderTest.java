package dev.xmppreactive.stanza;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.xml.XmlElement;
import dev.xmppreactive.xml.XmlName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Decoding elements from the network: what is read, what is lenient, what is refused. */
class StanzaDecoderTest {

  static Stanza decode(String xml) {
    return Stanza.fromElement(StaxTestParser.parseInStream(xml, Stanza.CLIENT_NS));
  }

  static StanzaFormatException refused(String xml) {
    XmlElement e = StaxTestParser.parseInStream(xml, Stanza.CLIENT_NS);
    try {
      Stanza.fromElement(e);
    } catch (StanzaFormatException ex) {
      assertThat(ex.stanzaElement()).isSameAs(e);
      return ex;
    }
    throw new AssertionError("accepted: " + xml);
  }

  @Test
  void commonAttributesAreReadAndNormalised() {
    Stanza s = decode("<message from='Juliet@Example.COM/balcony' to='romeo@example.net' id='a1'"
        + " xml:lang='en' xmlns:x='urn:x' x:flag='on' extra='kept'><body>Hi</body></message>");
    assertThat(s.kind()).isEqualTo(StanzaKind.MESSAGE);
    assertThat(s.from()).isEqualTo(Jid.of("juliet@example.com/balcony"));
    assertThat(s.to()).isEqualTo(Jid.of("romeo@example.net"));
    assertThat(s.id()).isEqualTo("a1");
    assertThat(s.lang()).isEqualTo("en");
    assertThat(s.namespace()).isEqualTo(Stanza.CLIENT_NS);
    // The element is kept as written: the unnormalised address and the extension attributes.
    assertThat(s.toXmlElement().attribute("from")).isEqualTo("Juliet@Example.COM/balcony");
    assertThat(s.toXmlElement().attribute("extra")).isEqualTo("kept");
    assertThat(s.toXmlElement().attribute("urn:x", "flag")).isEqualTo("on");
    assertThat(s.toString()).contains("x:flag='on'").contains("extra='kept'");
  }

  @Test
  void stanzasOfServerStreamsAreAccepted() {
    Stanza s = Stanza.fromElement(StaxTestParser.parseInStream(
        "<message from='a@b.example' to='c@d.example'><body>yo</body></message>", Stanza.SERVER_NS));
    assertThat(s.namespace()).isEqualTo(Stanza.SERVER_NS);
    assertThat(((Message) s).body()).isEqualTo("yo");
    assertThat(Stanza.isStanza(s.toXmlElement())).isTrue();
  }

  @Test
  void elementsThatAreNotStanzasAreRefused() {
    for (XmlElement e : new XmlElement[] {XmlElement.empty("foo", Stanza.CLIENT_NS),
        XmlElement.empty("message", "urn:other"), XmlElement.empty("iq", "")}) {
      assertThat(Stanza.isStanza(e)).isFalse();
      assertThatThrownBy(() -> Stanza.fromElement(e))
          .isInstanceOfSatisfying(StanzaFormatException.class, ex -> {
            assertThat(ex.condition()).isEqualTo(StanzaErrorCondition.BAD_REQUEST);
            assertThat(ex.kind()).isNull();
            assertThat(ex.errorReply()).isEmpty();
          });
    }
  }

  @Test
  void malformedAddressesAreJidMalformed() {
    StanzaFormatException e = refused("<message from='juliet@example.com/balcony' id='m1'"
        + " to='romeo@@example.net'><body>x</body></message>");
    assertThat(e.condition()).isEqualTo(StanzaErrorCondition.JID_MALFORMED);
    assertThat(e.getCause()).isInstanceOf(dev.xmppreactive.jid.JidFormatException.class);
    assertThat(e.getMessage()).contains("'to'");
    Message reply = (Message) e.errorReply().orElseThrow();
    assertThat(reply.to()).isEqualTo(Jid.of("juliet@example.com/balcony"));
    assertThat(reply.from()).isNull(); // the malformed address is not echoed
    assertThat(reply.id()).isEqualTo("m1");
    assertThat(reply.type()).isEqualTo(Message.Type.ERROR);
    assertThat(reply.error().condition()).isEqualTo(StanzaErrorCondition.JID_MALFORMED);
    assertThat(reply.error().type()).isEqualTo(StanzaError.Type.MODIFY);
    assertThat(reply.error().textLang()).isEqualTo("en");

    StanzaFormatException badFrom = refused("<presence from='@example.com' to='a@b.example'/>");
    Presence pr = (Presence) badFrom.errorReply().orElseThrow();
    assertThat(pr.to()).isNull();
    assertThat(pr.from()).isEqualTo(Jid.of("a@b.example"));
  }

  @Test
  void unknownMessageTypesAreNormal() {
    Message m = (Message) decode("<message type='shout'><body>HI</body></message>");
    assertThat(m.type()).isEqualTo(Message.Type.NORMAL);
    assertThat(m.typeAttribute()).isEqualTo("shout");
    assertThat(m.toString()).contains("type='shout'");
    assertThat(((Message) decode("<message/>")).type()).isEqualTo(Message.Type.NORMAL);
    assertThat(m.isError()).isFalse();
    assertThat(m.error()).isNull();
  }

  @Test
  void iqWithoutIdOrTypeIsABadRequest() {
    StanzaFormatException noId = refused("<iq type='get' from='a@b.example/r'>"
        + "<ping xmlns='urn:xmpp:ping'/></iq>");
    assertThat(noId.condition()).isEqualTo(StanzaErrorCondition.BAD_REQUEST);
    assertThat(noId.kind()).isEqualTo(StanzaKind.IQ);
    assertThat(noId.getMessage()).contains("id").contains("§8.2.3");
    Iq reply = (Iq) noId.errorReply().orElseThrow();
    assertThat(reply.id()).isEmpty(); // §8.3.1 rule 3: empty when the request had none
    assertThat(reply.to()).isEqualTo(Jid.of("a@b.example/r"));
    assertThat(reply.type()).isEqualTo(Iq.Type.ERROR);

    StanzaFormatException noType = refused("<iq id='q1'><ping xmlns='urn:xmpp:ping'/></iq>");
    assertThat(noType.getMessage()).contains("'type'");
    assertThat(noType.id()).isEqualTo("q1");
    assertThat(((Iq) noType.errorReply().orElseThrow()).id()).isEqualTo("q1");

    StanzaFormatException badType = refused("<iq id='q2' type='subscribe'>"
        + "<ping xmlns='urn:xmpp:ping'/></iq>");
    assertThat(badType.type()).isEqualTo("subscribe");
    assertThat(badType.getMessage()).contains("unknown IQ type");
    assertThat(badType.errorReply()).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "<iq id='1' type='get'/>",
      "<iq id='1' type='get'>  \n  </iq>",
      "<iq id='1' type='set'><a xmlns='urn:a'/><b xmlns='urn:b'/></iq>",
      "<iq id='1' type='result'><a xmlns='urn:a'/><b xmlns='urn:b'/></iq>"})
  void iqChildrenMustFitTheType(String xml) {
    StanzaFormatException e = refused(xml);
    assertThat(e.condition()).isEqualTo(StanzaErrorCondition.BAD_REQUEST);
    assertThat(e.offendingElement()).isSameAs(e.stanzaElement());
    assertThat(e.errorReply().isPresent()).isEqualTo(!xml.contains("result")); // §8.2.3 rule 4
  }

  @Test
  void iqPayloads() {
    Iq get = (Iq) decode("<iq id='1' type='get'>\n  <query xmlns='jabber:iq:roster'/>\n</iq>");
    assertThat(get.payload()).isEqualTo(XmlElement.empty("query", "jabber:iq:roster"));
    assertThat(get.hasPayload("query", "jabber:iq:roster")).isTrue();
    assertThat(get.isRequest()).isTrue();
    Iq empty = (Iq) decode("<iq id='1' type='result'/>");
    assertThat(empty.payload()).isNull();
    assertThat(empty.isResponse()).isTrue();
    Iq error = (Iq) decode("<iq id='1' type='error'><query xmlns='jabber:iq:roster'/>"
        + "<error type='cancel'><item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
        + "</error></iq>");
    assertThat(error.payload().name()).isEqualTo(XmlName.of("jabber:iq:roster", "query"));
    assertThat(error.error().condition()).isEqualTo(StanzaErrorCondition.ITEM_NOT_FOUND);
    Iq errorFirst = (Iq) decode("<iq id='1' type='error'><error type='wait'>"
        + "<resource-constraint xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
    assertThat(errorFirst.payload()).isNull();
  }

  @Test
  void errorStanzasAreReadLeniently() {
    Iq noError = (Iq) decode("<iq id='1' type='error'/>");
    assertThat(noError.error()).isEqualTo(StanzaError.of(StanzaErrorCondition.UNDEFINED_CONDITION));
    Message unknown = (Message) decode("<message type='error'><error type='bogus' by='bad@@jid'>"
        + "<flux-capacitor-failure xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
        + "<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas' xml:lang='en'>first</text>"
        + "<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas' xml:lang='de'>zweite</text>"
        + "<oops xmlns='urn:app'/><second xmlns='urn:app'/></error></message>");
    StanzaError e = unknown.error();
    assertThat(e.condition()).isEqualTo(StanzaErrorCondition.UNDEFINED_CONDITION);
    assertThat(e.type()).isEqualTo(StanzaError.Type.CANCEL);
    assertThat(e.text()).isEqualTo("first");
    assertThat(e.textLang()).isEqualTo("en");
    assertThat(e.applicationCondition().name()).isEqualTo(XmlName.of("urn:app", "oops"));
    assertThat(e.by()).isNull();
    assertThat(unknown.toString()).contains("bad@@jid").contains("second"); // the element is kept
  }

  @Test
  void presenceTypesAreChecked() {
    StanzaFormatException e = refused("<presence id='p1' from='a@b.example/r' type='available'/>");
    assertThat(e.condition()).isEqualTo(StanzaErrorCondition.BAD_REQUEST);
    assertThat(e.kind()).isEqualTo(StanzaKind.PRESENCE);
    Presence reply = (Presence) e.errorReply().orElseThrow();
    assertThat(reply.id()).isEqualTo("p1");
    assertThat(reply.type()).isEqualTo(Presence.Type.ERROR);
    assertThat(((Presence) decode("<presence/>")).type()).isEqualTo(Presence.Type.AVAILABLE);
    for (Presence.Type t : Presence.Type.values()) {
      if (t != Presence.Type.AVAILABLE) {
        assertThat(((Presence) decode("<presence type='" + t.value() + "'/>")).type()).isEqualTo(t);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"128", "-129", "1000", "abc", "", "1.5", "0x10"})
  void invalidPrioritiesAreABadRequest(String value) {
    StanzaFormatException e = refused("<presence><priority>" + value + "</priority></presence>");
    assertThat(e.condition()).isEqualTo(StanzaErrorCondition.BAD_REQUEST);
    assertThat(e.offendingElement().localName()).isEqualTo("priority");
    assertThat(e.getMessage()).contains("§4.7.2.3");
  }

  @Test
  void validPriorities() {
    assertThat(((Presence) decode("<presence><priority> 5\n</priority></presence>")).priority())
        .isEqualTo(5);
    assertThat(((Presence) decode("<presence><priority>+7</priority></presence>")).priority())
        .isEqualTo(7);
    assertThat(((Presence) decode("<presence><priority>-128</priority></presence>")).priority())
        .isEqualTo(-128);
    assertThat(((Presence) decode("<presence><priority>127</priority></presence>")).priority())
        .isEqualTo(127);
    assertThat(((Presence) decode("<presence/>")).priority()).isZero();
  }

  @Test
  void showIsLenient() {
    assertThat(((Presence) decode("<presence><show> dnd\n</show></presence>")).show())
        .isEqualTo(Presence.Show.DND);
    assertThat(((Presence) decode("<presence><show>busy</show></presence>")).show())
        .isEqualTo(Presence.Show.NONE);
    assertThat(((Presence) decode("<presence/>")).show()).isEqualTo(Presence.Show.NONE);
  }

  @Test
  void anErrorStanzaIsNeverAnswered() {
    StanzaFormatException e = refused("<presence type='error'><priority>999</priority>"
        + "<error type='cancel'><gone xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error>"
        + "</presence>");
    assertThat(e.errorReply()).isEmpty(); // RFC 6120 §8.3.1 rule 8
  }

  @Test
  void unknownContentIsKeptInOrder() {
    String xml = "<message to='romeo@example.net'><foo xmlns='jabber:client'>?</foo>"
        + "<body>one</body><x xmlns='urn:x' a='1'><y/></x>text<body xml:lang='fr'>un</body></message>";
    Message m = (Message) decode(xml);
    assertThat(m.toXmlElement()).isEqualTo(StaxTestParser.parseInStream(xml, Stanza.CLIENT_NS));
    assertThat(m.extensions()).extracting(XmlElement::localName).containsExactly("x");
    Message changed = m.toBuilder().body("two").build();
    assertThat(changed.toXmlElement().children()).hasSize(5);
    assertThat(changed.toXmlElement().elements()).extracting(XmlElement::localName)
        .containsExactly("foo", "body", "x", "body");
    assertThat(changed.body()).isEqualTo("two");
    assertThat(changed.body("fr")).isEqualTo("un");
  }
}
