package dev.xmppreactive.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.stream.StreamEnd;
import dev.xmppreactive.stream.StreamErrorCondition;
import dev.xmppreactive.stream.StreamHeader;
import dev.xmppreactive.xml.XmlElement;
import dev.xmppreactive.xml.XmlText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The decoder on a real stream: a transcript of a Prosody 0.12 login as the client receives it, in two
 * reads sequences (before TLS, and over TLS), split in every way.
 */
class XmlStreamDecoderTest {

  static final byte[] PLAIN = DecoderHarness.resource("prosody-login-plain.xml");
  static final byte[] TLS = DecoderHarness.resource("prosody-login-tls.xml");
  static final Map<String, String> STREAM_NS =
      Map.of("", "jabber:client", "stream", StreamHeader.STREAM_NS);

  static List<Object> decodeWhole(byte[] bytes) {
    DecoderHarness h = DecoderHarness.client().feed(bytes);
    assertThat(h.errors).isEmpty();
    return h.messages();
  }

  @Test
  void decodesThePlaintextPart() {
    List<Object> out = decodeWhole(PLAIN);
    assertThat(out).hasSize(3);
    StreamHeader header = (StreamHeader) out.get(0);
    assertThat(header.from()).isEqualTo("localhost");
    assertThat(header.to()).isNull();
    assertThat(header.id()).isEqualTo("e3f1a9c2-5d0b-4c61-9a8e-0f2b7c6d4e11");
    assertThat(header.version()).isEqualTo("1.0");
    assertThat(header.lang()).isEqualTo("en");
    assertThat(header.namespaces()).isEqualTo(STREAM_NS);
    XmlElement features = (XmlElement) out.get(1);
    assertThat(features.is("features", StreamHeader.STREAM_NS)).isTrue();
    assertThat(features.prefix()).isEqualTo("stream");
    assertThat(features.namespaceDeclarations()).isEqualTo(STREAM_NS);
    assertThat(features.element("starttls", "urn:ietf:params:xml:ns:xmpp-tls")
        .element("required", "urn:ietf:params:xml:ns:xmpp-tls")).isNotNull();
    XmlElement proceed = (XmlElement) out.get(2);
    assertThat(proceed).isEqualTo(XmlElement.empty("proceed", "urn:ietf:params:xml:ns:xmpp-tls"));
    assertThat(proceed.namespaceDeclarations()).containsEntry("", "urn:ietf:params:xml:ns:xmpp-tls")
        .containsEntry("stream", StreamHeader.STREAM_NS);
  }

  @Test
  void decodesTheTlsPartAcrossTheSaslRestart() {
    List<Object> out = decodeWhole(TLS);
    List<String> kinds = new ArrayList<>();
    for (Object o : out) {
      kinds.add(o instanceof XmlElement e ? e.localName() : o instanceof StreamHeader ? "HEADER" : o.toString());
    }
    assertThat(kinds).containsExactly("HEADER", "features", "challenge", "success", "HEADER",
        "features", "iq", "enabled", "iq", "presence", "message", "r", "message", "INSTANCE");
    assertThat(((StreamHeader) out.get(4)).id()).isEqualTo("0c5e8a71-2b94-4d3f-a6e0-9f17b4c2d858");
    assertThat(out.get(13)).isSameAs(StreamEnd.INSTANCE);

    XmlElement bind = (XmlElement) out.get(6);
    assertThat(bind.namespace()).isEqualTo("jabber:client");
    assertThat(bind.namespaceDeclarations()).isEqualTo(STREAM_NS);
    assertThat(bind.element("bind", "urn:ietf:params:xml:ns:xmpp-bind")
        .childText("jid", "urn:ietf:params:xml:ns:xmpp-bind")).isEqualTo("juliet@localhost/balcony");

    XmlElement roster = ((XmlElement) out.get(8)).element("query", "jabber:iq:roster");
    assertThat(roster.elements().get(0).attribute("name")).isEqualTo("Roméo & co");

    XmlElement presence = (XmlElement) out.get(9);
    assertThat(presence.lang()).isEqualTo("it");
    assertThat(presence.childText("status", "jabber:client")).isEqualTo("Sono nel frutteto 🌳");
    XmlElement delay = presence.element("delay", "urn:xmpp:delay");
    assertThat(delay.prefix()).isEqualTo("x");
    assertThat(delay.namespaceDeclarations()).isEqualTo(Map.of("x", "urn:xmpp:delay"));

    XmlElement m1 = (XmlElement) out.get(10);
    assertThat(m1.childText("body", "jabber:client"))
        .isEqualTo("Grüße, 世界 😀 <3 & more \"quoted\" 'single'");
    XmlElement m2 = (XmlElement) out.get(12);
    assertThat(m2.childText("body", "jabber:client")).isEqualTo("if (a < b && c > d) { return; }");
    XmlElement p = m2.element("html", "http://jabber.org/protocol/xhtml-im")
        .element("body", "http://www.w3.org/1999/xhtml").element("p", "http://www.w3.org/1999/xhtml");
    assertThat(p.children()).hasSize(3);
    assertThat(p.children().get(0)).isEqualTo(new XmlText("Multi-line\ntext with "));
    assertThat(p.children().get(2)).isEqualTo(new XmlText(" and a tab\there."));
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void everySplitInTwoGivesTheSameMessages(boolean direct) {
    for (byte[] part : List.of(PLAIN, TLS)) {
      List<Object> whole = decodeWhole(part);
      for (int cut = 0; cut <= part.length; cut++) {
        DecoderHarness h = DecoderHarness.client();
        h.feed(part, 0, cut, direct).feed(part, cut, part.length - cut, direct);
        assertThat(h.errors).as("cut at %d", cut).isEmpty();
        assertSameMessages(h.messages(), whole);
        assertThat(h.allReleased()).isTrue();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void everySplitInThreeGivesTheSameMessages(boolean direct) {
    List<Object> whole = decodeWhole(TLS);
    Random random = new Random(6120);
    for (int i = 0; i < 3000; i++) {
      int a = random.nextInt(TLS.length + 1);
      int b = random.nextInt(TLS.length + 1);
      int first = Math.min(a, b);
      int second = Math.max(a, b) - first;
      DecoderHarness h = DecoderHarness.client();
      h.feedInChunks(TLS, new int[] {first, second}, direct);
      assertThat(h.errors).isEmpty();
      assertSameMessages(h.messages(), whole);
    }
  }

  @Test
  void byteByByteAndRandomChunksGiveTheSameMessages() {
    for (byte[] part : List.of(PLAIN, TLS)) {
      List<Object> whole = decodeWhole(part);
      DecoderHarness one = DecoderHarness.client();
      for (int i = 0; i < part.length; i++) {
        one.feed(part, i, 1, i % 2 == 0);
      }
      assertSameMessages(one.messages(), whole);
      for (int seed = 0; seed < 200; seed++) {
        DecoderHarness h = DecoderHarness.client()
            .feedRandomly(part, new Random(seed), 1 + seed % 97, seed % 2 == 0);
        assertThat(h.errors).isEmpty();
        assertSameMessages(h.messages(), whole);
      }
    }
  }

  @Test
  void largeDirectBuffersAreCopiedInPiecesAtAnyBoundary() {
    // More than the decoder's 16 KiB copy buffer, so that its pieces cut elements anywhere.
    StringBuilder sb = new StringBuilder(new String(TLS, StandardCharsets.UTF_8));
    int end = sb.lastIndexOf("</stream:stream>");
    String message = "<message to='a@b'><body>Zeile 𝄞 ü " + "x".repeat(97) + "</body></message>";
    for (int i = 0; i < 600; i++) {
      sb.insert(end, message + (i % 3 == 0 ? "\n" : ""));
    }
    byte[] big = sb.toString().getBytes(StandardCharsets.UTF_8);
    assertThat(big.length).isGreaterThan(5 * 16 * 1024);
    List<Object> whole = decodeWhole(big);
    assertThat(whole).hasSize(14 + 600);
    DecoderHarness h = DecoderHarness.client().feed(big, 0, big.length, true);
    assertThat(h.errors).isEmpty();
    assertSameMessages(h.messages(), whole);
  }

  @Test
  void whitespaceKeepalivesAreSkipped() {
    String s = "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>"
        + " \n\t\r\n<r xmlns='urn:xmpp:sm:3'/>   \n  \n<a xmlns='urn:xmpp:sm:3' h='1'/> ";
    DecoderHarness h = DecoderHarness.client();
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    h.feed(b);
    for (int i = 0; i < 1000; i++) {
      h.feed(new byte[] {' '});
    }
    assertThat(h.errors).isEmpty();
    assertThat(h.messages()).hasSize(3);
    assertThat(((XmlElement) h.messages().get(2)).attribute("h")).isEqualTo("1");
  }

  @Test
  void textBetweenTopLevelElementsIsBadFormat() {
    String s = "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>"
        + "<r xmlns='urn:xmpp:sm:3'/> hello <r xmlns='urn:xmpp:sm:3'/>";
    DecoderHarness h = DecoderHarness.client().feed(s.getBytes(StandardCharsets.UTF_8));
    assertThat(h.messages()).hasSize(2);
    assertThat(h.errors).singleElement().isInstanceOfSatisfying(XmlFramingException.class,
        e -> assertThat(e.condition()).isEqualTo(StreamErrorCondition.BAD_FORMAT));
  }

  @Test
  void afterAnErrorEverythingIsReleasedAndDroppedWithoutASecondError() {
    DecoderHarness h = DecoderHarness.client();
    int cut = new String(PLAIN, StandardCharsets.UTF_8).indexOf("<proceed");
    h.feed(PLAIN, 0, cut, false);
    int before = h.messages().size();
    assertThat(before).isEqualTo(2);
    h.feed("<!-- no -->".getBytes(StandardCharsets.UTF_8));
    h.feed(TLS);
    h.feed(TLS, 0, TLS.length, true);
    assertThat(h.messages()).hasSize(before);
    assertThat(h.errors).singleElement().isInstanceOfSatisfying(XmlFramingException.class, e -> {
      assertThat(e.condition()).isEqualTo(StreamErrorCondition.RESTRICTED_XML);
      // Found where the comment ends.
      assertThat(e.offset()).isEqualTo(cut + "<!-- no -->".length());
      assertThat(e.getMessage()).contains("at byte " + e.offset()).contains("comment");
    });
    assertThat(h.allReleased()).isTrue();
  }

  @Test
  void otherMessagesPassThrough() {
    DecoderHarness h = DecoderHarness.client();
    h.channel.writeInbound("not bytes");
    assertThat(h.messages()).containsExactly("not bytes");
  }

  @Test
  void bytesAfterTheStreamEndAreDropped() {
    String s = "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>"
        + "</stream:stream><garbage>\u0001";
    DecoderHarness h = DecoderHarness.client().feed(s.getBytes(StandardCharsets.UTF_8));
    h.feed(new byte[] {(byte) 0xFF, '<', '!'});
    assertThat(h.errors).isEmpty();
    assertThat(h.messages()).hasSize(2).last().isSameAs(StreamEnd.INSTANCE);
  }

  static void assertSameMessages(List<Object> actual, List<Object> expected) {
    assertThat(actual).isEqualTo(expected);
    for (int i = 0; i < expected.size(); i++) {
      if (expected.get(i) instanceof XmlElement e) {
        XmlElement a = (XmlElement) actual.get(i);
        assertThat(a.toXml()).isEqualTo(e.toXml()); // prefixes and declarations too
        assertThat(a.namespaceDeclarations()).isEqualTo(e.namespaceDeclarations());
      }
    }
  }
}
