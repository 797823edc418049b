package dev.xmppreactive.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A decoder on an {@link EmbeddedChannel}, with the errors it fires recorded rather than thrown. */
final class DecoderHarness {

  final XmlStreamDecoder decoder;
  final EmbeddedChannel channel;
  final List<Throwable> errors = new ArrayList<>();
  final List<ByteBuf> fed = new ArrayList<>();
  private final List<Object> messages = new ArrayList<>();

  DecoderHarness(XmlStreamDecoder decoder, ChannelHandler... between) {
    this.decoder = decoder;
    this.channel = new EmbeddedChannel();
    channel.pipeline().addLast(decoder);
    channel.pipeline().addLast(between);
    channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        messages.add(msg);
      }

      @Override
      public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        errors.add(cause);
      }
    });
  }

  static DecoderHarness client() {
    return new DecoderHarness(XmlStreamDecoder.forClient());
  }

  /** Feeds bytes as one read, in a heap buffer, or a direct one. */
  DecoderHarness feed(byte[] bytes, int offset, int length, boolean direct) {
    ByteBuf buf;
    if (direct) {
      buf = Unpooled.directBuffer(length).writeBytes(bytes, offset, length);
    } else {
      // Bytes in the middle of a larger array, so that reader indexes are exercised.
      buf = Unpooled.buffer(length + 7).writeZero(3).skipBytes(3).writeBytes(bytes, offset, length);
    }
    fed.add(buf);
    channel.writeInbound(buf);
    return this;
  }

  DecoderHarness feed(byte[] bytes) {
    return feed(bytes, 0, bytes.length, false);
  }

  /** Feeds bytes in pieces of the given sizes (the last one takes what is left). */
  DecoderHarness feedInChunks(byte[] bytes, int[] sizes, boolean direct) {
    int pos = 0;
    for (int i = 0; pos < bytes.length; i++) {
      int n = i < sizes.length ? Math.min(sizes[i], bytes.length - pos) : bytes.length - pos;
      feed(bytes, pos, n, direct);
      pos += n;
    }
    return this;
  }

  /** Feeds bytes in random pieces of 1 to {@code max} bytes. */
  DecoderHarness feedRandomly(byte[] bytes, Random random, int max, boolean direct) {
    for (int pos = 0; pos < bytes.length; ) {
      int n = Math.min(1 + random.nextInt(max), bytes.length - pos);
      feed(bytes, pos, n, direct);
      pos += n;
    }
    return this;
  }

  /** The messages passed on so far. */
  List<Object> messages() {
    return messages;
  }

  /** Whether every buffer fed has been released. */
  boolean allReleased() {
    return fed.stream().allMatch(b -> b.refCnt() == 0);
  }

  static byte[] resource(String name) {
    try (InputStream in = DecoderHarness.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
