package dev.xmppreactive.stanza;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.xml.XmlChars;
import dev.xmppreactive.xml.XmlElement;
import dev.xmppreactive.xml.XmlOutput;
import dev.xmppreactive.xml.XmlWriter;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Stanzas built from arbitrary values survive being written as text and read back by an independent
 * parser (the JDK's StAX) and the decoder: escaping, languages, priorities, types.
 */
class StanzaRoundTripPropertiesTest {

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().all().ofMaxLength(40)
        .filter(s -> XmlChars.indexOfInvalid(s) < 0)
        .injectDuplicates(0.05)
        .edgeCases(c -> c.add("]]>").add("a\r\nb").add("<&>'\"").add("\t \n"));
  }

  @Provide
  Arbitrary<String> langs() {
    return Arbitraries.of("en", "cs", "de-DE", "zh-Hant-TW");
  }

  private static Stanza reread(Stanza s) {
    StringBuilder sb = new StringBuilder();
    new XmlWriter(Map.of("", Stanza.CLIENT_NS)).writeElement(s.toXmlElement(), XmlOutput.of(sb));
    XmlElement parsed = StaxTestParser.parseInStream(sb.toString(), Stanza.CLIENT_NS);
    assertThat(parsed).isEqualTo(s.toXmlElement());
    return Stanza.fromElement(parsed);
  }

  @Property(tries = 300)
  void messages(@ForAll("texts") String body, @ForAll("texts") String other,
                @ForAll("langs") String lang, @ForAll("texts") String subject,
                @ForAll Message.Type type, @ForAll("texts") String id) {
    Message.Builder b = Message.builder().to(Jid.of("romeo@example.net")).id(id).body(body)
        .body(lang, other).subject(subject);
    if (type == Message.Type.ERROR) {
      b.error(StanzaError.of(StanzaErrorCondition.NOT_ACCEPTABLE, other));
    } else {
      b.type(type);
    }
    Message m = b.build();
    Message read = (Message) reread(m);
    assertThat(read).isEqualTo(m);
    assertThat(read.body()).isEqualTo(body);
    assertThat(read.body(lang)).isEqualTo(other);
    assertThat(read.subject()).isEqualTo(subject);
    assertThat(read.id()).isEqualTo(id);
    assertThat(read.type()).isEqualTo(type);
    if (type == Message.Type.ERROR) {
      assertThat(read.error().text()).isEqualTo(other);
    }
  }

  @Property(tries = 300)
  void presences(@ForAll @IntRange(min = -128, max = 127) int priority,
                 @ForAll Presence.Show show, @ForAll("texts") String status,
                 @ForAll Presence.Type type) {
    Presence.Builder b = Presence.builder().priority(priority).show(show).status(status);
    if (type == Presence.Type.ERROR) {
      b.error(StanzaError.of(StanzaErrorCondition.REMOTE_SERVER_TIMEOUT));
    } else {
      b.type(type);
    }
    Presence p = b.build();
    Presence read = (Presence) reread(p);
    assertThat(read).isEqualTo(p);
    assertThat(read.priority()).isEqualTo(priority);
    assertThat(read.show()).isEqualTo(show);
    assertThat(read.status()).isEqualTo(status);
    assertThat(read.type()).isEqualTo(type);
  }

  @Property(tries = 200)
  void iqs(@ForAll Iq.Type type, @ForAll("texts") String value, @ForAll("texts") String id) {
    XmlElement payload = XmlElement.builder("query", "urn:xmpp-reactive:test")
        .attribute("v", value).text(value).build();
    Iq.Builder b = Iq.builder().id(id).to(Jid.domain("example.com"));
    switch (type) {
      case ERROR -> b.error(StanzaError.of(StanzaErrorCondition.CONFLICT, value));
      default -> b.type(type).payload(payload);
    }
    Iq iq = b.build();
    Iq read = (Iq) reread(iq);
    assertThat(read).isEqualTo(iq);
    assertThat(read.type()).isEqualTo(type);
    assertThat(read.id()).isEqualTo(id);
    assertThat(read.payload()).isEqualTo(type == Iq.Type.ERROR ? null : payload);
  }
}
