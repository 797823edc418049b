package dev.xmppreactive.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.stream.StreamEnd;
import dev.xmppreactive.stream.StreamErrorCondition;
import dev.xmppreactive.stream.StreamHeader;
import dev.xmppreactive.xml.XmlElement;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Memory stays bounded whatever the input (RFC 6120 §13.12): 100 MB of one endless text node, of
 * endless nesting, of an endless start tag, are refused at their limit, and what follows is dropped
 * without a second error. Bounded memory is shown by where the error comes (at the byte where the
 * element or header has taken all its limit allows) and by the bytes this thread allocates, measured by the JVM: a small multiple
 * of the limit, not of the 100 MB fed.
 */
class XmlMemoryBoundTest {

  static final long HUNDRED_MB = 100L * 1000 * 1000;
  static final int CHUNK = 64 * 1024;
  static final String H = "<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
      + "xmlns:stream='http://etherx.jabber.org/streams' from='example.com' version='1.0'>";

  /** Feeds a prefix, then {@code filler} repeated to 100 MB, chunk by chunk, recording the outcome. */
  static final class Run {
    final DecoderHarness h = new DecoderHarness(XmlStreamDecoder.forClient());
    long fedAtError = -1;
    long allocatedAtError;
    long allocatedAfterError;

    Run(String prefix, byte[] filler) {
      byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
      byte[] chunk = new byte[CHUNK];
      for (int i = 0; i < CHUNK; i++) {
        chunk[i] = filler[i % filler.length];
      }
      List<ByteBuf> fed = new ArrayList<>();
      long start = allocated();
      ByteBuf first = Unpooled.wrappedBuffer(p);
      fed.add(first);
      h.channel.writeInbound(first);
      long total = p.length;
      for (long sent = 0; sent < HUNDRED_MB; sent += CHUNK) {
        ByteBuf b = Unpooled.wrappedBuffer(chunk);
        if (fedAtError < 0) {
          fed.add(b); // the later ones are checked by refCnt below too, a sample is enough
        }
        h.channel.writeInbound(b);
        assertThat(b.refCnt()).isZero();
        total += CHUNK;
        if (fedAtError < 0 && !h.errors.isEmpty()) {
          fedAtError = total;
          allocatedAtError = allocated() - start;
          start = allocated();
        }
      }
      allocatedAfterError = allocated() - start;
      assertThat(fed).allMatch(b -> b.refCnt() == 0);
    }
  }

  /** Loads and initialises what the first decoding would, so that no test pays for it. */
  @BeforeAll
  static void warmUp() {
    for (int i = 0; i < 3; i++) {
      DecoderHarness h = DecoderHarness.client();
      h.feed((H + "<message><body>warm</body></message><a>").getBytes(StandardCharsets.UTF_8));
      h.feed(new byte[] {'<', '!'});
      h.channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {' '}));
    }
  }

  static long allocated() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }

  static XmlFramingException onlyError(Run run) {
    assertThat(run.h.errors).hasSize(1).first().isInstanceOf(XmlFramingException.class);
    return (XmlFramingException) run.h.errors.get(0);
  }

  @Test
  void endlessTextStopsAtTheElementLimit() {
    String prefix = H + "<message to='a@example.com'><body>";
    Run run = new Run(prefix, "All work and no play. ".getBytes(StandardCharsets.UTF_8));
    XmlFramingException e = onlyError(run);
    assertThat(e.condition()).isEqualTo(StreamErrorCondition.POLICY_VIOLATION);
    long elementStart = H.length();
    int limit = XmlLimits.DEFAULTS.maxElementBytes();
    assertThat(e.offset()).isEqualTo(elementStart + limit);
    assertThat(run.fedAtError).isLessThanOrEqualTo(elementStart + limit + 2L * CHUNK);
    assertThat(run.h.messages()).singleElement().isInstanceOf(StreamHeader.class);
    // 1 MiB of text is 2 MiB of chars; held once in Aalto, once in the element's text buffer.
    assertThat(run.allocatedAtError).isLessThan(16L << 20);
    assertThat(run.allocatedAfterError).isLessThan(4L << 20);
  }

  @Test
  void endlessNestingStopsAtTheDepthLimit() {
    Run run = new Run(H, "<a>".getBytes(StandardCharsets.UTF_8));
    XmlFramingException e = onlyError(run);
    assertThat(e.condition()).isEqualTo(StreamErrorCondition.POLICY_VIOLATION);
    assertThat(e.getMessage()).contains("nested deeper than 64");
    assertThat(e.offset()).isEqualTo(H.length() + 65 * 3);
    assertThat(run.fedAtError).isEqualTo(H.length() + CHUNK);
    assertThat(run.allocatedAtError).isLessThan(8L << 20);
    assertThat(run.allocatedAfterError).isLessThan(4L << 20);
  }

  @Test
  void anEndlessStartTagStopsAtTheElementLimit() {
    Run run = new Run(H + "<message to='", "x".getBytes(StandardCharsets.UTF_8));
    XmlFramingException e = onlyError(run);
    assertThat(e.condition()).isEqualTo(StreamErrorCondition.POLICY_VIOLATION);
    int limit = XmlLimits.DEFAULTS.maxElementBytes();
    assertThat(e.offset()).isEqualTo(H.length() + limit);
    assertThat(run.allocatedAtError).isLessThan(24L << 20);
    assertThat(run.allocatedAfterError).isLessThan(4L << 20);
  }

  @Test
  void anEndlessHeaderStopsAtTheHeaderLimit() {
    Run run = new Run("<stream:stream xmlns:stream='http://etherx.jabber.org/streams' id='",
        "y".getBytes(StandardCharsets.UTF_8));
    XmlFramingException e = onlyError(run);
    assertThat(e.condition()).isEqualTo(StreamErrorCondition.POLICY_VIOLATION);
    assertThat(e.offset()).isEqualTo(XmlLimits.DEFAULTS.maxHeaderBytes());
    assertThat(run.h.messages()).isEmpty();
  }

  @Test
  void endlessWhitespaceKeepalivesAreFineAndCostLittle() {
    Run run = new Run(H, " \n".getBytes(StandardCharsets.UTF_8));
    assertThat(run.h.errors).isEmpty();
    assertThat(run.h.messages()).singleElement().isInstanceOf(StreamHeader.class);
    // 100 MB of whitespace passed through the parser: what it allocates does not grow with it.
    assertThat(run.allocatedAfterError).isLessThan(8L << 20);
  }

  @Test
  void oneHugeReadIsStillStoppedAtTheLimit() {
    byte[] prefix = (H + "<message><body>").getBytes(StandardCharsets.UTF_8);
    byte[] all = Arrays.copyOf(prefix, 20_000_000);
    Arrays.fill(all, prefix.length, all.length, (byte) 'z');
    DecoderHarness h = new DecoderHarness(XmlStreamDecoder.forClient());
    long before = allocated();
    h.channel.writeInbound(Unpooled.wrappedBuffer(all));
    long used = allocated() - before;
    XmlFramingException e = (XmlFramingException) h.errors.get(0);
    assertThat(h.errors).hasSize(1);
    assertThat(e.condition()).isEqualTo(StreamErrorCondition.POLICY_VIOLATION);
    assertThat(e.offset()).isEqualTo(H.length() + XmlLimits.DEFAULTS.maxElementBytes());
    assertThat(used).isLessThan(24L << 20);
  }

  @Test
  void endlessNewNamesDoNotGrowTheParsersSymbolTable() {
    XmlLimits limits = XmlLimits.DEFAULTS.withMaxRememberedNames(500);
    List<Object> out = new ArrayList<>();
    int[] maxRemembered = {0};
    XmlStreamParser[] parser = new XmlStreamParser[1];
    parser[0] = XmlStreamParser.forStream(limits, new XmlStreamParser.Handler() {
      @Override
      public void onHeader(StreamHeader header) {
        out.add(header);
      }

      @Override
      public void onElement(XmlElement element) {
        out.add(element);
        maxRemembered[0] = Math.max(maxRemembered[0], parser[0].rememberedNames());
      }

      @Override
      public void onEnd() {
        out.add(StreamEnd.INSTANCE);
      }
    });
    byte[] h = H.getBytes(StandardCharsets.UTF_8);
    parser[0].feed(h, 0, h.length);
    int n = 100_000;
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append("<e").append(i).append(" xmlns='urn:x:").append(i % 7).append("' a").append(i)
          .append("='v'><p:c").append(i).append(" xmlns:p='urn:y'/></e").append(i).append('>');
      if (sb.length() > 3000 || i == n - 1) {
        byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(parser[0].feed(b, 0, b.length)).isEqualTo(b.length);
        sb.setLength(0);
      }
    }
    assertThat(out).hasSize(n + 1);
    for (int i = 0; i < n; i += 997) {
      XmlElement e = (XmlElement) out.get(i + 1);
      assertThat(e.localName()).isEqualTo("e" + i);
      assertThat(e.namespace()).isEqualTo("urn:x:" + (i % 7));
      assertThat(e.attribute("a" + i)).isEqualTo("v");
      assertThat(e.firstElement().localName()).isEqualTo("c" + i);
      assertThat(e.firstElement().prefix()).isEqualTo("p");
      assertThat(e.namespaceDeclarations()).containsEntry("stream", StreamHeader.STREAM_NS)
          .containsEntry("", "urn:x:" + (i % 7));
    }
    // Each element brings 4 new names; the parser is renewed once past 500.
    assertThat(maxRemembered[0]).isBetween(500, 510);
    byte[] end = "</stream:stream>".getBytes(StandardCharsets.UTF_8);
    parser[0].feed(end, 0, end.length);
    assertThat(out).last().isSameAs(StreamEnd.INSTANCE);
  }
}
