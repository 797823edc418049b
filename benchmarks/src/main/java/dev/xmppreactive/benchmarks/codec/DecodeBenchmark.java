package dev.xmppreactive.benchmarks.codec;

import com.fasterxml.aalto.AsyncByteArrayFeeder;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import dev.xmppreactive.codec.XmlLimits;
import dev.xmppreactive.codec.XmlStreamDecoder;
import dev.xmppreactive.codec.XmlStreamParser;
import dev.xmppreactive.stanza.Stanza;
import dev.xmppreactive.stream.StreamHeader;
import dev.xmppreactive.xml.XmlElement;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.stream.XMLStreamException;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decoding the {@link StanzaCorpus}: stanzas per second (one operation is one stanza), and with
 * {@code -prof gc} bytes allocated per stanza. Each invocation decodes the whole corpus as a new
 * connection would: a fresh decoder, the stream header, then the 2,000 stanzas.
 *
 * <ul>
 *   <li>{@link #ours}: {@link XmlStreamParser} fed the stream's bytes in 4 KiB reads; each top-level
 *       element made a typed {@link Stanza} with {@link Stanza#fromElement}.</li>
 *   <li>{@link #oursNetty}: the same through Netty: {@link XmlStreamDecoder} on an
 *       {@link EmbeddedChannel}, 4 KiB {@code ByteBuf}s in, a handler after it making the stanzas.</li>
 *   <li>{@link #smackParseStanza}: Smack 4.4.8's {@code PacketParserUtils.parseStanza(String)} on
 *       each stanza's text (with {@code xmlns='jabber:client'} on it, so that it means what it means
 *       in the stream), on Smack's default parser (XPP3): a new parser per stanza.</li>
 *   <li>{@link #smackStream}: Smack as its TCP connection reads: one XPP3 parser over a UTF-8
 *       {@code InputStreamReader} over the same bytes (4 KiB reads), and
 *       {@code PacketParserUtils.parseStanza(parser, streamEnvironment)} at each stanza.</li>
 *   <li>{@link #aaltoScan}: the ceiling: Aalto's async reader (configured as our decoder configures
 *       it) fed the same 4 KiB reads, {@code next()} until it needs input; no names, text or objects
 *       asked for.</li>
 *   <li>{@link #aaltoScanWithStrings}: the same scan, also asking Aalto for each start tag's name and
 *       namespace, each attribute value and each run of text: what any decoder that hands out text
 *       must take from Aalto, with nothing built from it.</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(StanzaCorpus.STANZAS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class DecodeBenchmark {

  private byte[] header;
  private byte[][] chunks;
  private List<String> standalone;
  private byte[] stream;

  /** Generates the corpus and checks that Smack runs on XPP3. */
  @Setup
  public void setUp() {
    StanzaCorpus corpus = StanzaCorpus.standard();
    header = corpus.header();
    chunks = corpus.chunks().toArray(new byte[0][]);
    standalone = corpus.standaloneStanzas();
    byte[] body = corpus.body();
    byte[] end = "</stream:stream>".getBytes(StandardCharsets.UTF_8);
    stream = new byte[header.length + body.length + end.length];
    System.arraycopy(header, 0, stream, 0, header.length);
    System.arraycopy(body, 0, stream, header.length, body.length);
    System.arraycopy(end, 0, stream, header.length + body.length, end.length);
    SmackSetup.requireXpp3();
  }

  /** Our decoder: {@link XmlStreamParser} and {@link Stanza#fromElement}. */
  @Benchmark
  public int ours(Blackhole bh) {
    StanzaSink sink = new StanzaSink(bh);
    XmlStreamParser parser = XmlStreamParser.forStream(XmlLimits.DEFAULTS, sink);
    parser.feed(header, 0, header.length);
    for (byte[] c : chunks) {
      parser.feed(c, 0, c.length);
    }
    return check(sink.count);
  }

  /** Our decoder as a Netty handler on an {@link EmbeddedChannel}. */
  @Benchmark
  public int oursNetty(Blackhole bh) {
    int[] count = new int[1];
    EmbeddedChannel channel = new EmbeddedChannel(XmlStreamDecoder.forClient(),
        new ChannelInboundHandlerAdapter() {
          @Override
          public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof XmlElement e) {
              bh.consume(Stanza.fromElement(e));
              count[0]++;
            }
          }
        });
    channel.writeInbound(Unpooled.wrappedBuffer(header));
    for (byte[] c : chunks) {
      channel.writeInbound(Unpooled.wrappedBuffer(c));
    }
    channel.finishAndReleaseAll();
    return check(count[0]);
  }

  /** Smack: {@code PacketParserUtils.parseStanza(String)} per stanza. */
  @Benchmark
  public int smackParseStanza(Blackhole bh) throws Exception {
    int n = 0;
    for (int i = 0, size = standalone.size(); i < size; i++) {
      bh.consume(PacketParserUtils.parseStanza(standalone.get(i)));
      n++;
    }
    return check(n);
  }

  /** Smack: one parser over the stream, as {@code XMPPTCPConnection} reads. */
  @Benchmark
  public int smackStream(Blackhole bh) throws Exception {
    Reader reader = new InputStreamReader(new ChunkedInput(stream, StanzaCorpus.CHUNK),
        StandardCharsets.UTF_8);
    XmlPullParser parser = PacketParserUtils.getParserFor(reader); // at <stream:stream>
    XmlEnvironment environment = XmlEnvironment.from(parser);
    int n = 0;
    for (XmlPullParser.Event e = parser.next(); e != XmlPullParser.Event.END_DOCUMENT;
         e = parser.next()) {
      if (e == XmlPullParser.Event.START_ELEMENT) {
        bh.consume(PacketParserUtils.parseStanza(parser, environment));
        n++;
      }
    }
    return check(n);
  }

  /** Aalto's bare token scan of the same reads: the ceiling. */
  @Benchmark
  public int aaltoScan() throws XMLStreamException {
    AsyncXMLStreamReader<AsyncByteArrayFeeder> r = AaltoScan.reader();
    int events = AaltoScan.scan(r, header);
    for (byte[] c : chunks) {
      events += AaltoScan.scan(r, c);
    }
    return events;
  }

  /** Aalto's scan, and the strings any decoder must take from it: a ceiling that builds nothing. */
  @Benchmark
  public long aaltoScanWithStrings() throws XMLStreamException {
    AsyncXMLStreamReader<AsyncByteArrayFeeder> r = AaltoScan.reader();
    long sum = AaltoScan.scanWithStrings(r, header);
    for (byte[] c : chunks) {
      sum += AaltoScan.scanWithStrings(r, c);
    }
    return sum;
  }

  private static int check(int n) {
    if (n != StanzaCorpus.STANZAS) {
      throw new IllegalStateException(n + " stanzas decoded, not " + StanzaCorpus.STANZAS);
    }
    return n;
  }

  /** Makes each element a typed stanza. */
  static final class StanzaSink implements XmlStreamParser.Handler {
    private final Blackhole bh;
    int count;

    StanzaSink(Blackhole bh) {
      this.bh = bh;
    }

    @Override
    public void onHeader(StreamHeader header) {
      bh.consume(header);
    }

    @Override
    public void onElement(XmlElement element) {
      bh.consume(Stanza.fromElement(element));
      count++;
    }

    @Override
    public void onEnd() {
    }
  }

  /** An input stream over an array that gives at most {@code chunk} bytes per read, as a socket. */
  static final class ChunkedInput extends InputStream {
    private final byte[] bytes;
    private final int chunk;
    private int pos;

    ChunkedInput(byte[] bytes, int chunk) {
      this.bytes = bytes;
      this.chunk = chunk;
    }

    @Override
    public int read() {
      return pos < bytes.length ? bytes[pos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (pos >= bytes.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, chunk), bytes.length - pos);
      System.arraycopy(bytes, pos, b, off, n);
      pos += n;
      return n;
    }
  }
}
