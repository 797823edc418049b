package dev.xmppreactive.stanza;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.xml.XmlElement;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IqTest {

  private static final XmlElement PING = XmlElement.empty("ping", "urn:xmpp:ping");
  private static final Jid SERVER = Jid.domain("example.com");
  private static final Jid ME = Jid.of("juliet@example.com/balcony");

  @Test
  void requestsGetRandomIds() {
    Iq get = Iq.get(SERVER, PING);
    assertThat(get.type()).isEqualTo(Iq.Type.GET);
    assertThat(get.to()).isEqualTo(SERVER);
    assertThat(get.payload()).isEqualTo(PING);
    assertThat(get.id()).hasSize(16).matches("[A-Za-z0-9_-]+");
    assertThat(get.toString()).isEqualTo("<iq xmlns='jabber:client' type='get' to='example.com' id='"
        + get.id() + "'><ping xmlns='urn:xmpp:ping'/></iq>");
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      ids.add(Iq.set(null, () -> PING).id());
    }
    assertThat(ids).hasSize(1000);
    assertThat(Iq.set(null, PING).to()).isNull();
    assertThat(Iq.get(SERVER, () -> PING).payload()).isEqualTo(PING);
    assertThat(Iq.builder().id("fixed").type(Iq.Type.GET).payload(PING).build().id())
        .isEqualTo("fixed");
  }

  @Test
  void builderChecksRfc6120Section823() {
    assertThatThrownBy(() -> Iq.builder().payload(PING).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("type");
    assertThatThrownBy(() -> Iq.builder().type(Iq.Type.GET).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("exactly one");
    assertThatThrownBy(() -> Iq.builder().type(Iq.Type.SET).payload(PING)
        .extension(XmlElement.empty("x", "urn:x")).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("exactly one");
    assertThatThrownBy(() -> Iq.builder().type(Iq.Type.ERROR).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("rule 4");
    assertThat(Iq.builder().type(Iq.Type.RESULT).build().payload()).isNull();
    Iq replaced = Iq.builder().type(Iq.Type.GET).payload(PING)
        .payload(XmlElement.empty("query", "jabber:iq:version")).build();
    assertThat(replaced.payload().localName()).isEqualTo("query");
    assertThat(replaced.extensions()).hasSize(1);
  }

  @Test
  void resultReplySwapsAddressesAndKeepsTheId() {
    Iq request = Iq.builder().from(ME).to(SERVER).id("ping1").type(Iq.Type.GET).payload(PING)
        .build();
    Iq result = request.resultReply();
    assertThat(result.type()).isEqualTo(Iq.Type.RESULT);
    assertThat(result.to()).isEqualTo(ME);
    assertThat(result.from()).isEqualTo(SERVER);
    assertThat(result.id()).isEqualTo("ping1");
    assertThat(result.payload()).isNull();
    assertThat(result.toString()).isEqualTo("<iq xmlns='jabber:client' to='juliet@example.com/balcony'"
        + " from='example.com' id='ping1' type='result'/>");
    XmlElement version = XmlElement.builder("query", "jabber:iq:version")
        .textElement("name", "jabber:iq:version", "xmpp-reactive").build();
    Iq withPayload = request.resultReply(version);
    assertThat(withPayload.payload()).isEqualTo(version);
    assertThat(request.resultReply(() -> version)).isEqualTo(withPayload);
    assertThat(Stanza.fromElement(StaxTestParser.parse(withPayload.toString()))).isEqualTo(withPayload);
    assertThatThrownBy(result::resultReply).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("rule 4");
    assertThatThrownBy(() -> result.errorReply(StanzaError.of(StanzaErrorCondition.BAD_REQUEST)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void errorReply() {
    Iq request = Iq.builder().from(ME).id("r1").type(Iq.Type.SET).payload(PING).build();
    StanzaError e = StanzaError.of(StanzaErrorCondition.FEATURE_NOT_IMPLEMENTED)
        .withApplicationCondition(XmlElement.builder("unsupported",
            "http://jabber.org/protocol/pubsub#errors").attribute("feature", "publish").build());
    Iq reply = request.errorReply(e);
    assertThat(reply.type()).isEqualTo(Iq.Type.ERROR);
    assertThat(reply.to()).isEqualTo(ME);
    assertThat(reply.from()).isNull();
    assertThat(reply.id()).isEqualTo("r1");
    assertThat(reply.error()).isEqualTo(e);
    assertThat(reply.payload()).isNull();
    Iq decoded = (Iq) Stanza.fromElement(StaxTestParser.parse(reply.toString()));
    assertThat(decoded).isEqualTo(reply);
    assertThat(decoded.error()).isEqualTo(e);

    Iq echoing = request.toBuilder().error(e).build();
    assertThat(echoing.type()).isEqualTo(Iq.Type.ERROR);
    assertThat(echoing.payload()).isEqualTo(PING); // §8.2.3 rule 7: the payload may be echoed
    assertThat(echoing.error()).isEqualTo(e);
    assertThatThrownBy(() -> echoing.toBuilder().error(null).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("needs a type");
    assertThat(echoing.toBuilder().error(null).type(Iq.Type.SET).build()).isEqualTo(request);
  }

  @Test
  void withCopies() {
    Iq iq = Iq.get(SERVER, PING);
    assertThat(iq.withTo(null).to()).isNull();
    assertThat(iq.withTo(null).payload()).isEqualTo(PING);
    assertThat(iq.withFrom(ME).from()).isEqualTo(ME);
    assertThat(iq.withId("n").id()).isEqualTo("n");
    assertThat(iq.withLang("en").lang()).isEqualTo("en");
    assertThatThrownBy(() -> iq.withId(null)).isInstanceOf(NullPointerException.class);
    assertThat(iq.toBuilder().build()).isEqualTo(iq);
  }

  @Test
  void stanzaErrorExceptionFromAnErrorReply() {
    Iq request = Iq.builder().to(SERVER).id("q7").type(Iq.Type.GET).payload(PING).build();
    Iq answer = (Iq) Stanza.fromElement(StaxTestParser.parse(request.errorReply(
        StanzaError.of(StanzaErrorCondition.SERVICE_UNAVAILABLE, "no pings here")).toString()));
    StanzaErrorException ex = new StanzaErrorException(answer);
    assertThat(ex.condition()).isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE);
    assertThat(ex.error()).isSameAs(answer.error());
    assertThat(ex.stanza()).isSameAs(answer);
    assertThat(ex.getMessage()).isEqualTo(
        "iq error from example.com (id q7): cancel/service-unavailable: no pings here");
    assertThat(ex).isInstanceOf(dev.xmppreactive.stream.XmppException.class);
    assertThatThrownBy(() -> new StanzaErrorException(request))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
