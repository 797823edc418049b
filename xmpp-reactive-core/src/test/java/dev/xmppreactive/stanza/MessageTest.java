package dev.xmppreactive.stanza;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.xml.XmlElement;
import dev.xmppreactive.xml.XmlName;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageTest {

  private static final Jid JULIET = Jid.of("juliet@example.com/balcony");
  private static final Jid ROMEO = Jid.of("romeo@example.net");

  @Test
  void builderInTheSpiritOfTheSketch() {
    Message m = Message.builder().from(JULIET).to(ROMEO).id("ktx72v49").type(Message.Type.CHAT)
        .lang("en").body("The quick brown fox…").build();
    assertThat(m.toString()).isEqualTo("<message xmlns='jabber:client'"
        + " from='juliet@example.com/balcony' to='romeo@example.net' id='ktx72v49' type='chat'"
        + " xml:lang='en'><body>The quick brown fox…</body></message>");
    assertThat(m.from()).isEqualTo(JULIET);
    assertThat(m.to()).isEqualTo(ROMEO);
    assertThat(m.id()).isEqualTo("ktx72v49");
    assertThat(m.lang()).isEqualTo("en");
    assertThat(m.type()).isEqualTo(Message.Type.CHAT);
    assertThat(m.body()).isEqualTo("The quick brown fox…");
    assertThat(m.kind()).isEqualTo(StanzaKind.MESSAGE);
    assertThat(Stanza.fromElement(StaxTestParser.parse(m.toString()))).isEqualTo(m);
  }

  @Test
  void defaults() {
    Message m = Message.builder().build();
    assertThat(m.toString()).isEqualTo("<message xmlns='jabber:client'/>");
    assertThat(m.type()).isEqualTo(Message.Type.NORMAL);
    assertThat(m.typeAttribute()).isNull();
    assertThat(m.to()).isNull();
    assertThat(m.from()).isNull();
    assertThat(m.id()).isNull();
    assertThat(m.lang()).isNull();
    assertThat(m.body()).isNull();
    assertThat(m.bodies()).isEmpty();
    assertThat(m.subject()).isNull();
    assertThat(m.thread()).isNull();
    assertThat(m.threadParent()).isNull();
    assertThat(m.extensions()).isEmpty();
    assertThat(Message.chat(ROMEO, "hi").type()).isEqualTo(Message.Type.CHAT);
  }

  @Test
  void bodiesBySubjectAndLanguage() {
    // RFC 6121 §5.2.3 and §5.2.4 examples.
    Message m = Message.builder().lang("en").subject("I implore you!")
        .subject("cs", "Úpěnlivě prosím!").body("Wherefore art thou, Romeo?")
        .body("cs", "Proč že jsi ty, Romeo?").build();
    assertThat(m.body()).isEqualTo("Wherefore art thou, Romeo?");
    assertThat(m.body("en")).isEqualTo("Wherefore art thou, Romeo?");
    assertThat(m.body("EN")).isEqualTo("Wherefore art thou, Romeo?");
    assertThat(m.body("cs")).isEqualTo("Proč že jsi ty, Romeo?");
    assertThat(m.body("de")).isNull();
    assertThat(m.body(null)).isEqualTo(m.body());
    assertThat(m.bodies()).isEqualTo(Map.of("en", "Wherefore art thou, Romeo?",
        "cs", "Proč že jsi ty, Romeo?"));
    assertThat(m.bodies().keySet()).containsExactly("en", "cs");
    assertThat(m.subject()).isEqualTo("I implore you!");
    assertThat(m.subject("cs")).isEqualTo("Úpěnlivě prosím!");
    assertThat(m.subjects()).containsEntry("cs", "Úpěnlivě prosím!");

    Message noLang = Message.builder().body("x").build();
    assertThat(noLang.bodies()).isEqualTo(Map.of("", "x"));
    Message onlyOthers = Message.builder().body("de", "hallo").body("fr", "salut").build();
    assertThat(onlyOthers.body()).isEqualTo("hallo"); // no default-language body: the first
  }

  @Test
  void textIsKeptExactly() {
    Message m = (Message) StanzaDecoderTest.decode("<message><body>\n  two  spaces \n</body>"
        + "<subject> s </subject><thread parent='p1'>\n  t1\n</thread></message>");
    assertThat(m.body()).isEqualTo("\n  two  spaces \n");
    assertThat(m.subject()).isEqualTo(" s ");
    assertThat(m.thread()).isEqualTo("t1"); // a token: trimmed
    assertThat(m.threadParent()).isEqualTo("p1");
  }

  @Test
  void settersReplaceAndRemove() {
    Message m = Message.builder().body("a").body("b").body("fr", "c").body("FR", "d").subject("s")
        .thread("t", "parent").thread("t2").build();
    assertThat(m.toXmlElement().elements("body", Stanza.CLIENT_NS)).hasSize(2);
    assertThat(m.body()).isEqualTo("b");
    assertThat(m.body("fr")).isEqualTo("d");
    assertThat(m.thread()).isEqualTo("t2");
    assertThat(m.threadParent()).isNull();
    Message removed = m.toBuilder().body(null).body("fr", null).subject(null).thread(null).build();
    assertThat(removed.toString()).isEqualTo("<message xmlns='jabber:client'/>");
    assertThat(m.body()).isEqualTo("b"); // the original is unchanged
    assertThatThrownBy(() -> Message.builder().thread("same", "same"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("§5.2.5");
  }

  @Test
  void withCopiesChangeOneThing() {
    Message m = (Message) StanzaDecoderTest.decode("<message to='romeo@example.net' id='1'"
        + " type='weird'><body>b</body><x xmlns='urn:x'/></message>");
    Message to = m.withTo(JULIET);
    assertThat(to.to()).isEqualTo(JULIET);
    assertThat(to.toXmlElement().attribute("to")).isEqualTo(JULIET.toString());
    assertThat(to.typeAttribute()).isEqualTo("weird");
    assertThat(to.extensions()).isEqualTo(m.extensions());
    assertThat(m.to()).isEqualTo(ROMEO);
    assertThat(m.withFrom(JULIET).from()).isEqualTo(JULIET);
    assertThat(m.withFrom(JULIET).withFrom(null).toXmlElement()).isEqualTo(m.toXmlElement());
    assertThat(m.withId("2").id()).isEqualTo("2");
    assertThat(m.withId(null).toString()).doesNotContain("id=");
    assertThat(m.withLang("de").lang()).isEqualTo("de");
    assertThat(m.withLang("de").toString()).contains("xml:lang='de'");
    assertThat(m.withBody("new").body()).isEqualTo("new");
    XmlElement ext = XmlElement.empty("active", "http://jabber.org/protocol/chatstates");
    assertThat(m.withExtension(ext).extensions()).endsWith(ext).hasSize(2);
  }

  @Test
  void extensionsAndAttributes() {
    XmlName flag = XmlName.of("urn:x", "flag");
    Message m = Message.builder().attribute(flag, "on")
        .extension(XmlElement.empty("markable", "urn:xmpp:chat-markers:0"))
        .extension(() -> XmlElement.empty("store", "urn:xmpp:hints")).build();
    assertThat(m.toXmlElement().attribute(flag)).isEqualTo("on");
    assertThat(m.extensions()).extracting(XmlElement::localName).containsExactly("markable", "store");
    assertThat(m.hasExtension("store", "urn:xmpp:hints")).isTrue();
    assertThat(m.extension("store", "urn:xmpp:hints")).isNotNull();
    assertThat(m.extensions("store", "urn:xmpp:hints")).hasSize(1);
    assertThat(m.toBuilder().removeExtensions("store", "urn:xmpp:hints").build().extensions())
        .hasSize(1);
    assertThatThrownBy(() -> Message.builder().extension(XmlElement.empty("body", Stanza.CLIENT_NS)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("typed setters");
    for (XmlName common : new XmlName[] {Stanza.TO, Stanza.FROM, Stanza.ID, Stanza.TYPE,
        XmlName.XML_LANG}) {
      assertThatThrownBy(() -> Message.builder().attribute(common, "x"))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> Message.builder().to("not@@valid"))
        .isInstanceOf(dev.xmppreactive.jid.JidFormatException.class);
  }

  @Test
  void errorsAndReplies() {
    Message m = Message.builder().from(JULIET).to(ROMEO).id("sj2b371v").type(Message.Type.CHAT)
        .body("Thy lips are warm.").build();
    StanzaError gone = StanzaError.gone("xmpp:romeo@afterlife.example.net")
        .withBy(Jid.domain("example.net"));
    Message reply = m.errorReply(gone);
    assertThat(reply.to()).isEqualTo(JULIET);
    assertThat(reply.from()).isEqualTo(ROMEO);
    assertThat(reply.id()).isEqualTo("sj2b371v");
    assertThat(reply.type()).isEqualTo(Message.Type.ERROR);
    assertThat(reply.error()).isEqualTo(gone);
    assertThat(reply.isError()).isTrue();
    assertThat(reply.body()).isNull();
    assertThat(Stanza.fromElement(StaxTestParser.parse(reply.toString()))).isEqualTo(reply);
    assertThat(((Message) Stanza.fromElement(StaxTestParser.parse(reply.toString()))).error())
        .isEqualTo(gone);
    assertThatThrownBy(() -> reply.errorReply(gone)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("rule 8");

    Message built = Message.builder().to(JULIET).error(StanzaError.of(
        StanzaErrorCondition.SERVICE_UNAVAILABLE)).build();
    assertThat(built.type()).isEqualTo(Message.Type.ERROR);
    assertThat(built.error().type()).isEqualTo(StanzaError.Type.CANCEL);
    assertThatThrownBy(() -> Message.builder().error(StanzaError.of(StanzaErrorCondition.CONFLICT))
        .type(Message.Type.CHAT).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("rule 7");
    assertThatThrownBy(() -> Message.builder().type(Message.Type.ERROR).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("rule 4");

    Message cleared = reply.toBuilder().error(null).body("resent").build();
    assertThat(cleared.isError()).isFalse();
    assertThat(cleared.typeAttribute()).isNull();
    assertThat(cleared.toXmlElement().element("error", Stanza.CLIENT_NS)).isNull();
    assertThat(m.toBuilder().error(null).build()).isEqualTo(m); // nothing to remove
  }

  @Test
  void serverNamespace() {
    Message m = Message.builder().body("b").error(StanzaError.of(StanzaErrorCondition.GONE))
        .contentNamespace(Stanza.SERVER_NS).subject("s").build();
    assertThat(m.namespace()).isEqualTo(Stanza.SERVER_NS);
    assertThat(m.body()).isEqualTo("b");
    assertThat(m.subject()).isEqualTo("s");
    assertThat(m.error().condition()).isEqualTo(StanzaErrorCondition.GONE);
    assertThat(m.toXmlElement().element("error", Stanza.SERVER_NS)).isNotNull();
    assertThatThrownBy(() -> Message.builder().contentNamespace("urn:x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void equalityIsThatOfTheElement() {
    Message a = (Message) StanzaDecoderTest.decode("<message to='romeo@example.net' id='1'/>");
    Message b = (Message) StanzaDecoderTest.decode("<message id='1' to='romeo@example.net'/>");
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(a.withId("2"));
    assertThat(a).isNotEqualTo(a.toXmlElement());
  }
}
