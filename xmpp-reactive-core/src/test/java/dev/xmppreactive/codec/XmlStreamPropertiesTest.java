package dev.xmppreactive.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.stream.StreamEnd;
import dev.xmppreactive.stream.StreamHeader;
import dev.xmppreactive.xml.XmlElement;
import dev.xmppreactive.xml.XmlName;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the decoder: a valid stream gives the same messages however it is split; a mutated or
 * truncated one gives at most the one typed error, never another exception, and the same outcome
 * however it is split, under small limits too; and every element survives a trip through the encoder and the decoder.
 */
class XmlStreamPropertiesTest {

  static final String HEADER = "<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
      + "xmlns:stream='http://etherx.jabber.org/streams' from='example.com' id='a1' version='1.0'"
      + " xml:lang='en'>";
  static final String HEADER_2 = HEADER.replace("id='a1'", "id='a2'");
  static final String SUCCESS = "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>";

  /** A valid stream: corpus elements, whitespace, perhaps a SASL restart, perhaps the end. */
  record ValidStream(byte[] bytes, long seed) {
    @Override
    public String toString() {
      return new String(bytes, StandardCharsets.UTF_8) + " (seed " + seed + ")";
    }
  }

  @Provide
  Arbitrary<ValidStream> validStreams() {
    return Arbitraries.longs().map(seed -> {
      Random r = new Random(seed);
      List<byte[]> corpus = Corpus.raw();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(HEADER.getBytes(StandardCharsets.UTF_8));
      int n = r.nextInt(25);
      int restartAt = r.nextBoolean() ? r.nextInt(n + 1) : -1;
      for (int i = 0; i < n; i++) {
        if (i == restartAt) {
          out.writeBytes((SUCCESS + HEADER_2).getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(corpus.get(r.nextInt(corpus.size())));
        out.writeBytes(" \n\t\r".substring(0, r.nextInt(5)).getBytes(StandardCharsets.UTF_8));
      }
      if (r.nextBoolean()) {
        out.writeBytes("</stream:stream>".getBytes(StandardCharsets.UTF_8));
      }
      return new ValidStream(out.toByteArray(), seed);
    });
  }

  @Property(tries = 300)
  void validStreamsGiveTheSameMessagesHoweverSplit(@ForAll("validStreams") ValidStream stream,
                                                   @ForAll long seed) {
    byte[] bytes = stream.bytes();
    DecoderHarness whole = DecoderHarness.client().feed(bytes);
    assertThat(whole.errors).isEmpty();
    Random r = new Random(seed);
    // A small symbol table bound renews the parser often, in the middle of reads too.
    XmlLimits limits = XmlLimits.DEFAULTS.withMaxRememberedNames(1 + r.nextInt(60));
    DecoderHarness split = new DecoderHarness(new XmlStreamDecoder(limits, true));
    split.feedRandomly(bytes, r, 1 + r.nextInt(300), r.nextBoolean());
    assertThat(split.errors).isEmpty();
    XmlStreamDecoderTest.assertSameMessages(split.messages(), whole.messages());
    assertThat(split.allReleased()).isTrue();
  }

  @Property(tries = 1000)
  void mutatedStreamsGiveOnlyTheTypedErrorHoweverSplit(
      @ForAll("validStreams") ValidStream stream, @ForAll long seed) {
    Random r = new Random(seed);
    byte[] bytes = mutate(stream.bytes(), r);
    DecoderHarness whole = new DecoderHarness(XmlStreamDecoder.forServer()).feed(bytes);
    DecoderHarness split = new DecoderHarness(XmlStreamDecoder.forServer());
    split.feedRandomly(bytes, r, 1 + r.nextInt(200), r.nextBoolean());
    for (DecoderHarness h : List.of(whole, split)) {
      assertThat(h.errors).hasSizeLessThanOrEqualTo(1)
          .allSatisfy(e -> assertThat(e).isInstanceOf(XmlFramingException.class));
      assertThat(h.allReleased()).isTrue();
    }
    assertThat(split.messages()).isEqualTo(whole.messages());
    assertThat(split.errors.stream().map(e -> ((XmlFramingException) e).condition()).toList())
        .isEqualTo(whole.errors.stream().map(e -> ((XmlFramingException) e).condition()).toList());
  }

  @Property(tries = 500)
  void mutatedStreamsUnderSmallLimitsGiveTheSameErrorHoweverSplit(
      @ForAll("validStreams") ValidStream stream, @ForAll long seed) {
    Random r = new Random(seed);
    byte[] bytes = r.nextBoolean() ? mutate(stream.bytes(), r) : stream.bytes();
    XmlLimits limits = new XmlLimits(20 + r.nextInt(800), 20 + r.nextInt(300), 1 + r.nextInt(6),
        1 + r.nextInt(6), 1 + r.nextInt(60), 1 + r.nextInt(20), 1 + r.nextInt(60));
    DecoderHarness whole = new DecoderHarness(new XmlStreamDecoder(limits, false)).feed(bytes);
    DecoderHarness split = new DecoderHarness(new XmlStreamDecoder(limits, false));
    split.feedRandomly(bytes, r, 1 + r.nextInt(200), r.nextBoolean());
    for (DecoderHarness h : List.of(whole, split)) {
      assertThat(h.errors).hasSizeLessThanOrEqualTo(1)
          .allSatisfy(e -> assertThat(e).isInstanceOf(XmlFramingException.class));
    }
    assertThat(split.messages()).isEqualTo(whole.messages());
    assertThat(split.errors.stream().map(e -> ((XmlFramingException) e).condition()).toList())
        .isEqualTo(whole.errors.stream().map(e -> ((XmlFramingException) e).condition()).toList());
  }

  /** Flips, inserts, deletes or duplicates bytes, or truncates. */
  static byte[] mutate(byte[] in, Random r) {
    byte[] b = in.clone();
    int mutations = 1 + r.nextInt(3);
    for (int m = 0; m < mutations && b.length > 0; m++) {
      int at = r.nextInt(b.length);
      switch (r.nextInt(6)) {
        case 0 -> b[at] = (byte) r.nextInt(256);
        case 1 -> b[at] = (byte) "<>&;'\"/!?=:x \u0000".charAt(r.nextInt(14));
        case 2 -> {
          byte[] ins = new byte[1 + r.nextInt(4)];
          r.nextBytes(ins);
          b = splice(b, at, 0, ins);
        }
        case 3 -> b = splice(b, at, Math.min(b.length - at, 1 + r.nextInt(8)), new byte[0]);
        case 4 -> {
          int len = Math.min(b.length - at, 1 + r.nextInt(40));
          byte[] copy = new byte[len];
          System.arraycopy(b, at, copy, 0, len);
          b = splice(b, r.nextInt(b.length), 0, copy);
        }
        default -> b = java.util.Arrays.copyOf(b, at);
      }
    }
    return b;
  }

  static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(b, 0, at);
    out.writeBytes(insert);
    out.write(b, at + remove, b.length - at - remove);
    return out.toByteArray();
  }

  // Round trips of generated elements.

  static final String[] LOCALS = {"message", "body", "x", "a-b.c", "stream", "é", "q_1"};
  static final String[] NAMESPACES = {"", "jabber:client", "urn:a", "urn:b", StreamHeader.STREAM_NS,
      "http://example.com/ns?x='1'&y=\"2\"<>"};
  static final String[] PREFIXES = {"", "", "a", "stream", "b", "xml"};

  @Provide
  Arbitrary<XmlElement> elements() {
    return Arbitraries.longs().map(seed -> element(new Random(seed), 0));
  }

  /**
   * A random element whose prefixes and declarations are consistent on each element, as those of a
   * decoded element are: a prefix means one namespace on one element. (XmlWriter does not guard
   * against hints that rebind, on one element, a prefix its name or another attribute relies on.)
   */
  static XmlElement element(Random r, int depth) {
    String namespace = pick(r, NAMESPACES);
    XmlElement.Builder b = XmlElement.builder(pick(r, LOCALS), namespace);
    String prefix = namespace.isEmpty() ? "" : pick(r, PREFIXES).replace("xml", "");
    b.prefix(prefix);
    if (r.nextInt(3) == 0) {
      b.declareNamespace(prefix, namespace); // as a decoded element carries its own binding
    }
    for (int i = r.nextInt(4); i > 0; i--) {
      switch (r.nextInt(4)) {
        case 0 -> b.attribute(pick(r, LOCALS), text(r));
        case 1 -> b.lang(text(r));
        case 2 -> b.attribute(XmlName.of(r.nextBoolean() ? "urn:c" : "urn:d", pick(r, LOCALS)), "",
            text(r));
        default -> {
          if (!prefix.isEmpty()) {
            b.attribute(XmlName.of(namespace, pick(r, LOCALS)), prefix, text(r));
          }
        }
      }
    }
    if (r.nextInt(4) == 0) {
      b.declareNamespace("unused" + r.nextInt(3), "urn:unused"); // a binding nothing uses
    }
    for (int i = depth < 4 ? r.nextInt(4) : 0; i > 0; i--) {
      if (r.nextBoolean()) {
        b.text(text(r));
      } else {
        b.child(element(r, depth + 1));
      }
    }
    return b.build();
  }

  static String pick(Random r, String[] options) {
    return options[r.nextInt(options.length)];
  }

  static final String[] PIECES = {"a", "Z", " ", "  ", "\t", "\n", "\r", "\r\n", "<", ">", "&", "'",
      "\"", "]]>", "&amp;", "ü", "世", "\uFEFF", "\uFFFD", "😀", "𝄞", "\u0085", "\u2028", "\uE000"};

  static String text(Random r) {
    StringBuilder sb = new StringBuilder();
    for (int i = r.nextInt(6); i > 0; i--) {
      sb.append(PIECES[r.nextInt(PIECES.length)]);
    }
    return sb.toString();
  }

  @Property(tries = 500)
  void elementsRoundTripThroughTheEncoderAndTheDecoder(@ForAll("elements") XmlElement e,
                                                       @ForAll("elements") XmlElement f) {
    StreamHeader header = StreamHeader.client("example.com", null, "en");
    List<Object> decoded = XmlStreamEncoderTest.decode(
        XmlStreamEncoderTest.encode(header, e, f, StreamEnd.INSTANCE));
    assertThat(decoded).containsExactly(header, e, f, StreamEnd.INSTANCE);
    assertThat(XmlParser.parse(e.toXml())).isEqualTo(e);
  }

  @Property(tries = 200)
  void theDecoderAndTheParserReadTheSameTextAlike(@ForAll("elements") XmlElement e) {
    // The same text inside a stream, and inside an element with the same declarations.
    String xml = e.toXml();
    List<Object> decoded = XmlStreamEncoderTest.decode(List.of(
        (HEADER + xml).getBytes(StandardCharsets.UTF_8)));
    XmlElement wrapped = XmlParser.parse("<w xmlns='jabber:client' "
        + "xmlns:stream='http://etherx.jabber.org/streams'>" + xml + "</w>");
    assertThat(decoded).hasSize(2);
    assertThat(decoded.get(1)).isEqualTo(wrapped.firstElement());
  }
}
