package dev.xmppreactive.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xmppreactive.stream.StreamErrorCondition;
import dev.xmppreactive.xml.XmlElement;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The limits hold exactly where they say, counted as RFC 6120 §13.12 counts a stanza's size. */
class XmlLimitsTest {

  static final String H = "<stream:stream xmlns='jabber:client' "
      + "xmlns:stream='http://etherx.jabber.org/streams'>";

  static DecoderHarness decode(XmlLimits limits, String s, int chunk) {
    DecoderHarness h = new DecoderHarness(new XmlStreamDecoder(limits, true));
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < b.length; i += chunk) {
      h.feed(b, i, Math.min(chunk, b.length - i), false);
    }
    return h;
  }

  @Test
  void anElementMayTakeExactlyTheLimitFromItsLessThanToItsGreaterThan() {
    String element = "<message><body>" + "ü".repeat(40) + "</body></message>"; // 112 bytes
    int size = element.getBytes(StandardCharsets.UTF_8).length;
    XmlLimits limits = XmlLimits.DEFAULTS.withMaxElementBytes(size);
    for (int chunk : new int[] {1, 7, 1000}) {
      // Whitespace around it is not part of it.
      DecoderHarness ok = decode(limits, H + "   \n" + element + "  " + element, chunk);
      assertThat(ok.errors).isEmpty();
      assertThat(ok.messages()).hasSize(3).element(2).isInstanceOf(XmlElement.class);
      DecoderHarness over = decode(limits.withMaxElementBytes(size - 1), H + element, chunk);
      assertThat(over.errors).singleElement().isInstanceOfSatisfying(XmlFramingException.class,
          e -> assertThat(e.condition()).isEqualTo(StreamErrorCondition.POLICY_VIOLATION));
      assertThat(over.messages()).hasSize(1);
    }
  }

  @Test
  void theHeaderMayTakeExactlyItsLimitXmlDeclarationIncluded() {
    String header = "<?xml version='1.0'?>" + H;
    int size = header.length();
    for (int chunk : new int[] {1, 5, 1000}) {
      DecoderHarness ok = decode(XmlLimits.DEFAULTS.withMaxHeaderBytes(size), header, chunk);
      assertThat(ok.errors).isEmpty();
      assertThat(ok.messages()).hasSize(1);
      DecoderHarness over = decode(XmlLimits.DEFAULTS.withMaxHeaderBytes(size - 1), header, chunk);
      assertThat(over.errors).singleElement().isInstanceOfSatisfying(XmlFramingException.class,
          e -> assertThat(e.condition()).isEqualTo(StreamErrorCondition.POLICY_VIOLATION));
    }
  }

  @Test
  void depthCountsTheTopLevelElementAsOne() {
    XmlLimits limits = XmlLimits.DEFAULTS.withMaxDepth(3);
    assertThat(decode(limits, H + "<a><b><c/></b></a>", 1000).errors).isEmpty();
    assertThat(decode(limits, H + "<a><b><c><d/></c></b></a>", 1000).errors).hasSize(1);
  }

  @Test
  void limitsArePositiveAndCopiedWhenChanged() {
    assertThatThrownBy(() -> XmlLimits.DEFAULTS.withMaxDepth(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxDepth");
    XmlLimits l = XmlLimits.DEFAULTS.withMaxAttributes(3).withMaxNameLength(9)
        .withMaxAttributeValueLength(10).withMaxRememberedNames(11).withMaxHeaderBytes(12)
        .withMaxElementBytes(13);
    assertThat(l).isEqualTo(new XmlLimits(13, 12, 64, 3, 10, 9, 11));
    assertThat(XmlLimits.DEFAULTS.maxElementBytes()).isEqualTo(1 << 20);
  }
}
