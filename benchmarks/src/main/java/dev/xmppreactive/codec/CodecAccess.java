package dev.xmppreactive.codec;

import io.netty.buffer.ByteBuf;

/**
 * Reaches the codec's package-private parts for the benchmarks. Calls {@link XmlStreamEncoder}'s
 * {@code encode} (protected, as Netty's {@code MessageToByteEncoder} declares it) directly, so that a benchmark measures the encoder's own work into a buffer, without
 * a channel pipeline around it. It lives in the codec's package (on the benchmarks' class path only)
 * for that access; the encoder does not use its {@code ChannelHandlerContext}.
 */
public final class CodecAccess {

  private CodecAccess() {
  }

  /**
   * A reader made exactly as the decoder makes its own ({@code AaltoReaders.create()}), so that the
   * Aalto scan benchmarks measure the same configuration.
   */
  public static com.fasterxml.aalto.AsyncXMLStreamReader<com.fasterxml.aalto.AsyncByteArrayFeeder>
      decoderReader() {
    return AaltoReaders.create();
  }

  /** Encodes {@code msg} (a stream header, a stanza, an element, the stream's end) into {@code out}. */
  public static void encode(XmlStreamEncoder encoder, Object msg, ByteBuf out) {
    encoder.encode(null, msg, out);
  }
}
