package dev.xmppreactive.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xmppreactive.stream.StreamEnd;
import dev.xmppreactive.stream.StreamHeader;
import dev.xmppreactive.xml.XmlElement;
import dev.xmppreactive.xml.XmlName;
import dev.xmppreactive.xml.XmlWritable;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.EncoderException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The encoder writes headers, elements and the end as UTF-8, in the stream's namespace scope. */
class XmlStreamEncoderTest {

  static final StreamHeader CLIENT = StreamHeader.client("example.com", "juliet@example.com", "en");

  /** Writes the messages through an encoder; returns the bytes of each. */
  static List<byte[]> encode(Object... messages) {
    EmbeddedChannel ch = new EmbeddedChannel(new XmlStreamEncoder());
    List<byte[]> out = new ArrayList<>();
    for (Object m : messages) {
      ch.writeOutbound(m);
      ByteBuf b = ch.readOutbound();
      out.add(ByteBufUtil.getBytes(b));
      b.release();
    }
    return out;
  }

  static List<String> encodeText(Object... messages) {
    return encode(messages).stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
  }

  @Test
  void writesTheHeaderTheStanzasInItsScopeAndTheEnd() {
    XmlElement message = XmlElement.builder("message", "jabber:client").attribute("to", "romeo@x")
        .child(XmlElement.builder("body", "jabber:client").text("hi").build()).build();
    List<String> out = encodeText(CLIENT, message, StreamEnd.INSTANCE);
    assertThat(out.get(0)).isEqualTo("<?xml version='1.0'?><stream:stream xmlns='jabber:client'"
        + " xmlns:stream='http://etherx.jabber.org/streams' to='example.com'"
        + " from='juliet@example.com' version='1.0' xml:lang='en'>");
    assertThat(out.get(1)).isEqualTo("<message to='romeo@x'><body>hi</body></message>");
    assertThat(out.get(2)).isEqualTo("</stream:stream>");
  }

  @Test
  void declaresEveryOtherNamespaceOnTheElement() {
    XmlElement iq = XmlElement.builder("iq", "jabber:client").attribute("type", "get")
        .attribute("id", "r1")
        .child(XmlElement.empty("query", "jabber:iq:roster")).build();
    XmlElement features = XmlElement.builder("features", StreamHeader.STREAM_NS).prefix("stream")
        .child(XmlElement.empty("sm", "urn:xmpp:sm:3")).build();
    XmlElement noNamespace = XmlElement.empty("plain", "");
    XmlElement attr = XmlElement.builder("x", "urn:a")
        .attribute(XmlName.of("urn:b", "flag"), "b", "1").build();
    List<String> out = encodeText(CLIENT, iq, features, noNamespace, attr);
    assertThat(out.get(1))
        .isEqualTo("<iq type='get' id='r1'><query xmlns='jabber:iq:roster'/></iq>");
    assertThat(out.get(2))
        .isEqualTo("<stream:features><sm xmlns='urn:xmpp:sm:3'/></stream:features>");
    assertThat(out.get(3)).isEqualTo("<plain xmlns=''/>");
    assertThat(out.get(4)).isEqualTo("<x xmlns='urn:a' xmlns:b='urn:b' b:flag='1'/>");
  }

  @Test
  void beforeAnyHeaderElementsDeclareTheirOwnNamespace() {
    assertThat(encodeText(XmlElement.empty("r", "urn:xmpp:sm:3")))
        .containsExactly("<r xmlns='urn:xmpp:sm:3'/>");
  }

  @Test
  void escapesTextAndAttributes() {
    XmlElement m = XmlElement.builder("message", "jabber:client")
        .attribute("id", "a'b\"c<d>&e\tf\ng\rh")
        .child(XmlElement.builder("body", "jabber:client").text("1 < 2 && 3 > 2 ]]> \r\n 'q' \"d\"")
            .build()).build();
    List<String> out = encodeText(CLIENT, m);
    assertThat(out.get(1)).isEqualTo("<message id='a&apos;b&quot;c&lt;d&gt;&amp;e&#x9;f&#xA;g&#xD;h'>"
        + "<body>1 &lt; 2 &amp;&amp; 3 &gt; 2 ]]&gt; &#xD;\n 'q' \"d\"</body></message>");
    XmlElement back = decodeAfterHeader(CLIENT, m);
    assertThat(back).isEqualTo(m);
  }

  @Test
  void escapesTheHeader() {
    StreamHeader h = new StreamHeader("a'&<b", null, "id\"1", "1.0", null,
        Map.of("", "jabber:client", "stream", StreamHeader.STREAM_NS));
    String text = encodeText(h).get(0);
    assertThat(text).contains(" from='a&apos;&amp;&lt;b'").contains(" id='id&quot;1'")
        .doesNotContain("xml:lang").doesNotContain(" to=");
    List<Object> decoded = decode(encode(h));
    assertThat(decoded).singleElement().isEqualTo(h);
  }

  @Test
  void writesNonAsciiAndSupplementaryCharactersAsUtf8() {
    String text = "Grüße ∑ 世界 😀 𝄞";
    XmlElement m = XmlElement.builder("message", "jabber:client").attribute("to", "jüliet@例え.jp")
        .child(XmlElement.builder("body", "jabber:client").text(text).build()).build();
    byte[] bytes = encode(CLIENT, m).get(1);
    assertThat(bytes).isEqualTo(("<message to='jüliet@例え.jp'><body>" + text + "</body></message>")
        .getBytes(StandardCharsets.UTF_8));
    assertThat(decodeAfterHeader(CLIENT, m)).isEqualTo(m);
  }

  @Test
  void anotherStreamPrefixIsUsedForTheEndTagToo() {
    StreamHeader h = new StreamHeader(null, "example.com", null, "1.0", null,
        Map.of("", "jabber:client", "s", StreamHeader.STREAM_NS));
    XmlElement features = XmlElement.builder("features", StreamHeader.STREAM_NS).prefix("stream")
        .build();
    List<String> out = encodeText(h, features, StreamEnd.INSTANCE);
    assertThat(out.get(0)).startsWith("<?xml version='1.0'?><s:stream xmlns='jabber:client' "
        + "xmlns:s='http://etherx.jabber.org/streams'");
    assertThat(out.get(1)).isEqualTo("<s:features/>");
    assertThat(out.get(2)).isEqualTo("</s:stream>");
  }

  @Test
  void aHeaderWithoutTheStreamNamespaceGetsIt() {
    StreamHeader h = new StreamHeader(null, "example.com", null, "1.0", null,
        Map.of("", "jabber:server"));
    assertThat(encodeText(h).get(0)).isEqualTo("<?xml version='1.0'?><stream:stream "
        + "xmlns='jabber:server' xmlns:stream='http://etherx.jabber.org/streams' to='example.com'"
        + " version='1.0'>");
  }

  @Test
  void refusesAHeaderItCannotWrite() {
    StreamHeader defaultOnly = new StreamHeader(null, null, null, null, null,
        Map.of("", StreamHeader.STREAM_NS));
    StreamHeader badChar = new StreamHeader("a\u0001", null, null, null, null, Map.of());
    EmbeddedChannel ch = new EmbeddedChannel(new XmlStreamEncoder());
    assertThatThrownBy(() -> ch.writeOutbound(defaultOnly)).isInstanceOf(EncoderException.class)
        .hasRootCauseInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ch.writeOutbound(badChar)).isInstanceOf(EncoderException.class)
        .hasRootCauseInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void writesXmlWritablesAndPassesOtherMessagesOn() {
    XmlWritable ack = () -> XmlElement.builder("a", "urn:xmpp:sm:3").attribute("h", "7").build();
    EmbeddedChannel ch = new EmbeddedChannel(new XmlStreamEncoder());
    ByteBuf raw = Unpooled.copiedBuffer(" ", StandardCharsets.UTF_8);
    ch.writeOutbound(CLIENT, ack, raw);
    ((ByteBuf) ch.readOutbound()).release();
    ByteBuf a = ch.readOutbound();
    assertThat(a.toString(StandardCharsets.UTF_8)).isEqualTo("<a xmlns='urn:xmpp:sm:3' h='7'/>");
    a.release();
    assertThat((Object) ch.readOutbound()).isSameAs(raw);
    raw.release();
  }

  @Test
  void aNewHeaderStartsANewScope() {
    StreamHeader server = new StreamHeader(null, null, null, "1.0", null,
        Map.of("", "jabber:server", "stream", StreamHeader.STREAM_NS));
    XmlElement client = XmlElement.empty("presence", "jabber:client");
    List<String> out = encodeText(CLIENT, client, server, client);
    assertThat(out.get(1)).isEqualTo("<presence/>");
    assertThat(out.get(3)).isEqualTo("<presence xmlns='jabber:client'/>");
  }

  @Test
  void theCorpusRoundTripsThroughTheDecoder() {
    List<XmlElement> corpus = Corpus.elements();
    List<Object> messages = new ArrayList<>();
    messages.add(CLIENT);
    messages.addAll(corpus);
    messages.add(StreamEnd.INSTANCE);
    List<Object> decoded = decode(encode(messages.toArray()));
    assertThat(decoded).isEqualTo(messages);
  }

  static XmlElement decodeAfterHeader(StreamHeader h, XmlElement e) {
    List<Object> decoded = decode(encode(h, e));
    assertThat(decoded).hasSize(2);
    return (XmlElement) decoded.get(1);
  }

  static List<Object> decode(List<byte[]> chunks) {
    DecoderHarness d = new DecoderHarness(XmlStreamDecoder.forServer());
    for (byte[] c : chunks) {
      d.feed(c);
    }
    assertThat(d.errors).isEmpty();
    return d.messages();
  }
}
