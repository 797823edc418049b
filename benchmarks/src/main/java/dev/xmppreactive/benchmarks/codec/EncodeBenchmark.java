package dev.xmppreactive.benchmarks.codec;

import dev.xmppreactive.codec.CodecAccess;
import dev.xmppreactive.codec.XmlLimits;
import dev.xmppreactive.codec.XmlStreamEncoder;
import dev.xmppreactive.codec.XmlStreamParser;
import dev.xmppreactive.stanza.Stanza;
import dev.xmppreactive.stream.StreamHeader;
import dev.xmppreactive.xml.XmlElement;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encoding the {@link StanzaCorpus}'s stanzas: stanzas per second (one operation is one stanza), and
 * with {@code -prof gc} bytes allocated per stanza. Each side encodes its own typed stanzas, decoded
 * from the corpus once at setup, into one byte sink reused from invocation to invocation.
 *
 * <ul>
 *   <li>{@link #ours}: {@link XmlStreamEncoder}'s {@code encode} (after the stream header, so
 *       stanzas are written in its scope) into one pooled direct {@link ByteBuf}, cleared before each
 *       invocation: UTF-8 straight into the buffer, as the encoder works in a channel.</li>
 *   <li>{@link #oursNetty}: the same encoder in an {@link EmbeddedChannel}'s pipeline: a
 *       {@code write} per stanza (a buffer from the channel's allocator each), a {@code flush}, the
 *       buffers released.</li>
 *   <li>{@link #smack}: what Smack 4.4.8's {@code XMPPTCPConnection} writer does per stanza:
 *       {@code toXML(outgoingStreamXmlEnvironment)}, then {@code XmlStringBuilder.write(Writer, env)}
 *       into an {@code OutputStreamWriter} (UTF-8) over a {@code ByteArrayOutputStream}, reset before
 *       each invocation; flushed once per invocation, as Smack flushes when its queue runs empty.</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(StanzaCorpus.STANZAS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class EncodeBenchmark {

  private Stanza[] ours;
  private org.jivesoftware.smack.packet.Stanza[] smack;
  private XmlStreamEncoder encoder;
  private ByteBuf buffer;
  private EmbeddedChannel channel;
  private XmlEnvironment smackEnvironment;
  private ByteArrayOutputStream smackBytes;
  private Writer smackWriter;

  /** Decodes the corpus on both sides and sets up the sinks. */
  @Setup
  public void setUp() throws Exception {
    SmackSetup.requireXpp3();
    StanzaCorpus corpus = StanzaCorpus.standard();
    ours = decodeOurs(corpus).toArray(new Stanza[0]);
    List<org.jivesoftware.smack.packet.Stanza> s = new ArrayList<>();
    for (String text : corpus.standaloneStanzas()) {
      s.add(PacketParserUtils.parseStanza(text));
    }
    smack = s.toArray(new org.jivesoftware.smack.packet.Stanza[0]);
    StreamHeader header = StreamHeader.client("example.com", "me@example.com", "en");
    encoder = new XmlStreamEncoder();
    buffer = PooledByteBufAllocator.DEFAULT.directBuffer(corpus.body().length * 2);
    CodecAccess.encode(encoder, header, buffer);
    channel = new EmbeddedChannel(new XmlStreamEncoder());
    channel.writeOutbound(header);
    channel.releaseOutbound();
    smackEnvironment = XmlEnvironment.builder().withNamespace("jabber:client").withLanguage("en")
        .build();
    smackBytes = new ByteArrayOutputStream(corpus.body().length * 2);
    smackWriter = new OutputStreamWriter(smackBytes, StandardCharsets.UTF_8);
  }

  /** Releases the buffer and the channel. */
  @TearDown
  public void tearDown() {
    buffer.release();
    channel.finishAndReleaseAll();
  }

  static List<Stanza> decodeOurs(StanzaCorpus corpus) {
    return decodeOurs(corpus.header(), corpus.body());
  }

  /** Our decoder's stanzas from a stream header and the bytes that follow it. */
  static List<Stanza> decodeOurs(byte[] header, byte[] body) {
    List<Stanza> out = new ArrayList<>();
    XmlStreamParser parser = XmlStreamParser.forStream(XmlLimits.DEFAULTS,
        new XmlStreamParser.Handler() {
          @Override
          public void onHeader(StreamHeader header) {
          }

          @Override
          public void onElement(XmlElement element) {
            out.add(Stanza.fromElement(element));
          }

          @Override
          public void onEnd() {
          }
        });
    parser.feed(header, 0, header.length);
    parser.feed(body, 0, body.length);
    return out;
  }

  /** Our encoder into a reused buffer. */
  @Benchmark
  public int ours() {
    ByteBuf out = buffer.clear();
    for (Stanza s : ours) {
      CodecAccess.encode(encoder, s, out);
    }
    return out.writerIndex();
  }

  /** What {@link #ours} wrote last, for tests. */
  byte[] oursOutput() {
    byte[] b = new byte[buffer.readableBytes()];
    buffer.getBytes(buffer.readerIndex(), b);
    return b;
  }

  /** What {@link #smack} wrote last, for tests. */
  byte[] smackOutput() {
    return smackBytes.toByteArray();
  }

  /** Our encoder in a channel pipeline. */
  @Benchmark
  public int oursNetty() {
    for (Stanza s : ours) {
      channel.write(s);
    }
    channel.flush();
    int bytes = 0;
    for (Object o; (o = channel.readOutbound()) != null; ) {
      ByteBuf b = (ByteBuf) o;
      bytes += b.readableBytes();
      b.release();
    }
    return bytes;
  }

  /** Smack's writer path into a reused byte array. */
  @Benchmark
  public int smack() throws IOException {
    smackBytes.reset();
    XmlEnvironment env = smackEnvironment;
    for (org.jivesoftware.smack.packet.Stanza s : smack) {
      CharSequence xml = s.toXML(env);
      if (xml instanceof XmlStringBuilder b) {
        b.write(smackWriter, env);
      } else {
        smackWriter.write(xml.toString());
      }
    }
    smackWriter.flush();
    return smackBytes.size();
  }
}
