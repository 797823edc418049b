package dev.xmppreactive.benchmarks.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.codec.XmlParser;
import dev.xmppreactive.stanza.Iq;
import dev.xmppreactive.stanza.Message;
import dev.xmppreactive.stanza.Presence;
import dev.xmppreactive.stanza.Stanza;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smackx.caps.packet.CapsExtension;
import org.jivesoftware.smackx.chatstates.packet.ChatStateExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The corpus is what BENCHMARKS.md says it is, and every side of each benchmark does the work it
 * claims on it: the same stanzas decoded, Smack's typed extensions found, the encoders' output decoding
 * back to the same stanzas.
 */
class CodecBenchmarksTest {

  static StanzaCorpus corpus;

  @BeforeAll
  static void generate() {
    corpus = StanzaCorpus.standard();
  }

  @Test
  void theCorpusIsDeterministicAndHasTheAdvertisedMix() {
    assertThat(StanzaCorpus.generate(StanzaCorpus.SEED, StanzaCorpus.STANZAS).body())
        .isEqualTo(corpus.body());
    assertThat(StanzaCorpus.generate(StanzaCorpus.SEED + 1, StanzaCorpus.STANZAS).body())
        .isNotEqualTo(corpus.body());
    Map<StanzaCorpus.Kind, Long> mix = corpus.kinds().stream()
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(mix).containsEntry(StanzaCorpus.Kind.MESSAGE, 1400L)
        .containsEntry(StanzaCorpus.Kind.PRESENCE, 400L).containsEntry(StanzaCorpus.Kind.IQ, 190L)
        .containsEntry(StanzaCorpus.Kind.ROSTER, 10L);
    String all = new String(corpus.body(), StandardCharsets.UTF_8);
    assertThat(all).contains("&amp;", "&lt;", "&quot;", "&apos;", "Grüße", "日本語", "😀", "jürgen@");
    assertThat(String.join("", corpus.chunks().stream()
        .map(c -> new String(c, StandardCharsets.ISO_8859_1)).toList()))
        .isEqualTo(new String(corpus.body(), StandardCharsets.ISO_8859_1));
    assertThat(corpus.chunks()).allSatisfy(c -> assertThat(c.length).isLessThanOrEqualTo(4096));
  }

  @Test
  void ourDecoderGivesTheTypedStanzas() {
    List<Stanza> ours = EncodeBenchmark.decodeOurs(corpus);
    assertThat(ours).hasSize(StanzaCorpus.STANZAS);
    for (int i = 0; i < ours.size(); i++) {
      Stanza s = ours.get(i);
      switch (corpus.kinds().get(i)) {
        case MESSAGE -> assertThat(((Message) s).body()).isNotEmpty();
        case PRESENCE -> assertThat(((Presence) s).priority()).isBetween(-5, 45);
        case IQ -> assertThat(s).isInstanceOf(Iq.class);
        case ROSTER -> assertThat(((Iq) s).payload().elements()).hasSize(200);
      }
      assertThat(s.toXmlElement()).isEqualTo(XmlParser.parse(corpus.standaloneStanzas().get(i)));
    }
  }

  @Test
  void smackFindsItsTypedExtensions() throws Exception {
    List<String> texts = corpus.standaloneStanzas();
    for (int i = 0; i < texts.size(); i++) {
      var s = PacketParserUtils.parseStanza(texts.get(i));
      switch (corpus.kinds().get(i)) {
        case MESSAGE -> {
          var m = (org.jivesoftware.smack.packet.Message) s;
          assertThat(m.getBody()).isNotEmpty();
          assertThat(m.getThread()).startsWith("thr-");
          assertThat((Object) m.getExtension("http://jabber.org/protocol/chatstates"))
              .isInstanceOf(ChatStateExtension.class);
          // XEP-0359's provider is in smack-experimental, which the comparison leaves out: Smack
          // keeps stanza-id as a generic element, as we keep every extension.
          assertThat((Object) m.getExtension("stanza-id", "urn:xmpp:sid:0"))
              .isInstanceOf(StandardExtensionElement.class);
        }
        case PRESENCE -> assertThat((Object) s.getExtension("c", "http://jabber.org/protocol/caps"))
            .isInstanceOf(CapsExtension.class);
        case IQ -> assertThat(s).isInstanceOf(IQ.class);
        case ROSTER -> assertThat(((RosterPacket) s).getRosterItemCount()).isEqualTo(200);
      }
    }
  }

  @Test
  void everyDecoderBenchmarkDecodesTheWholeCorpus() throws Exception {
    DecodeBenchmark b = new DecodeBenchmark();
    b.setUp();
    Blackhole bh = blackhole();
    assertThat(b.ours(bh)).isEqualTo(StanzaCorpus.STANZAS);
    assertThat(b.oursNetty(bh)).isEqualTo(StanzaCorpus.STANZAS);
    assertThat(b.smackParseStanza(bh)).isEqualTo(StanzaCorpus.STANZAS);
    assertThat(b.smackStream(bh)).isEqualTo(StanzaCorpus.STANZAS);
    assertThat(b.aaltoScan()).isGreaterThan(StanzaCorpus.STANZAS * 4);
    assertThat(b.aaltoScanWithStrings()).isGreaterThan(corpus.body().length / 2);
  }

  @Test
  void theEncodersWriteWhatDecodesBackToTheCorpus() throws Exception {
    EncodeBenchmark b = new EncodeBenchmark();
    b.setUp();
    try {
      int ours = b.ours();
      int netty = b.oursNetty();
      int smack = b.smack();
      assertThat(netty).isEqualTo(ours);
      List<Stanza> expected = EncodeBenchmark.decodeOurs(corpus);
      assertThat(decode(b.oursOutput())).isEqualTo(expected);
      assertThat(ours).isEqualTo(b.oursOutput().length);
      List<Stanza> fromSmack = decode(b.smackOutput());
      assertThat(smack).isEqualTo(b.smackOutput().length);
      assertThat(fromSmack).hasSameSizeAs(expected);
      for (int i = 0; i < expected.size(); i++) {
        assertThat(fromSmack.get(i).kind()).isEqualTo(expected.get(i).kind());
        assertThat(fromSmack.get(i).id()).isEqualTo(expected.get(i).id());
      }
    } finally {
      b.tearDown();
    }
  }

  /** Decodes what an encoder wrote, after the corpus's stream header. */
  static List<Stanza> decode(byte[] written) {
    return EncodeBenchmark.decodeOurs(corpus.header(), written);
  }

  static Blackhole blackhole() {
    return new Blackhole(
        "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
  }
}
