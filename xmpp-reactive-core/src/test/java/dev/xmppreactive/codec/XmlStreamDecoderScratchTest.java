package dev.xmppreactive.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Decoders of several channels on one thread share the thread's scratch array for direct buffers:
 * what one decoder leaves unfinished in the parser (a name, a text, an attribute cut by the end of a
 * read) must not be read back from the array after another decoder has overwritten it.
 */
class XmlStreamDecoderScratchTest {

  private static final byte[] A = XmlStreamDecoderTest.TLS;
  private static final byte[] B = XmlStreamDecoderTest.PLAIN;

  @Test
  void interleavedDirectReadsOfTwoChannelsDecodeAsEachAlone() {
    List<Object> wantA = XmlStreamDecoderTest.decodeWhole(A);
    List<Object> wantB = XmlStreamDecoderTest.decodeWhole(B);
    for (long seed = 0; seed < 50; seed++) {
      Random random = new Random(seed);
      DecoderHarness a = DecoderHarness.client();
      DecoderHarness b = DecoderHarness.client();
      int pa = 0;
      int pb = 0;
      while (pa < A.length || pb < B.length) {
        if (pa < A.length) {
          int n = Math.min(1 + random.nextInt(40), A.length - pa);
          a.feed(A, pa, n, true);
          pa += n;
        }
        if (pb < B.length) {
          int n = Math.min(1 + random.nextInt(40), B.length - pb);
          b.feed(B, pb, n, true);
          pb += n;
        }
      }
      assertThat(a.errors).as("seed %d", seed).isEmpty();
      assertThat(b.errors).as("seed %d", seed).isEmpty();
      assertThat(a.messages()).as("seed %d", seed).isEqualTo(wantA);
      assertThat(b.messages()).as("seed %d", seed).isEqualTo(wantB);
    }
  }

  @Test
  void aDecoderRunFromAnotherDecodersReadDoesNotOverwriteItsInput() {
    List<Object> wantA = XmlStreamDecoderTest.decodeWhole(A);
    List<Object> wantB = XmlStreamDecoderTest.decodeWhole(B);
    DecoderHarness inner = DecoderHarness.client();
    int[] pos = {0};
    // Each message the outer decoder passes on makes the inner one decode a read of its own, while the
    // outer one is still in the middle of its read (several elements per read).
    DecoderHarness outer = new DecoderHarness(XmlStreamDecoder.forClient(), new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (pos[0] < B.length) {
          int n = Math.min(17, B.length - pos[0]);
          inner.feed(B, pos[0], n, true);
          pos[0] += n;
        }
        ctx.fireChannelRead(msg);
      }
    });
    for (int p = 0; p < A.length; p += 700) {
      outer.feed(A, p, Math.min(700, A.length - p), true);
    }
    if (pos[0] < B.length) {
      inner.feed(B, pos[0], B.length - pos[0], true);
    }
    assertThat(outer.errors).isEmpty();
    assertThat(inner.errors).isEmpty();
    assertThat(outer.messages()).isEqualTo(wantA);
    assertThat(inner.messages()).isEqualTo(wantB);
  }
}
