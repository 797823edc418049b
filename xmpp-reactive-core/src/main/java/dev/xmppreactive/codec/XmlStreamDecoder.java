package dev.xmppreactive.codec;

import dev.xmppreactive.stream.StreamEnd;
import dev.xmppreactive.stream.StreamErrorCondition;
import dev.xmppreactive.stream.StreamHeader;
import dev.xmppreactive.xml.XmlElement;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.Objects;

/**
 * The inbound half of the XMPP stream codec: a Netty handler that turns the bytes of an XML stream
 * (RFC 6120 §4), arriving in {@link ByteBuf}s of any size, into messages passed on down the pipeline:
 * a {@link StreamHeader} for each {@code <stream:stream>} start tag, an {@link XmlElement} for each
 * complete top-level element (stanzas, {@code <stream:features/>}, nonzas such as {@code <r/>}), and
 * {@link StreamEnd#INSTANCE} for {@code </stream:stream>}. See {@link XmlStreamParser} for what it
 * refuses and how, and {@link XmlLimits} for its bounds.
 *
 * <p>On refused input it fires an {@link XmlFramingException} with
 * {@link ChannelHandlerContext#fireExceptionCaught}, once, and from then on releases and drops all
 * input: never a second error, never a hang. (Reactor Netty turns the exception into an error of the
 * connection's inbound {@code Flux}.) Messages other than {@code ByteBuf}s pass through.
 *
 * <p><b>Restarts.</b> A new stream begins on the same channel after STARTTLS (RFC 6120 §5.4.3.3) and
 * SASL (§6.4.6). {@link #restart()} restarts the parser at the current byte. A decoder
 * {@linkplain #forClient() for a client} restarts by itself right after passing on
 * {@code <success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>}, and bytes of the same read that follow
 * it go to the new stream, at the exact byte. It also restarts right after
 * {@code <proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>}, but there TLS begins at the next byte
 * (§5.4.3.1), so plaintext bytes that follow {@code <proceed/>} in the same read are refused
 * ({@code policy-violation}): carrying them into the new stream would let an attacker inject them as
 * if they came over TLS. Whoever handles {@code <proceed/>} must add the TLS handler before this
 * decoder before the channel reads again (for example, in the same {@code channelRead} call). A
 * server-side user calls {@link #restart()} itself after it writes success, and
 * {@link #restartForTls()} after it writes proceed.
 *
 * <p><b>Memory.</b> A decoder holds no read buffer of its own: input in a heap buffer is fed to the
 * parser from the buffer's own array, and input in a direct buffer is copied through a scratch array
 * of the thread's (one per event loop, not per connection), so that an idle connection holds none.
 * The parser consumes each piece whole before the read returns (it keeps what an unfinished token
 * needs in its own state), so the next connection of the thread may overwrite the array.
 *
 * <p>Not sharable: one instance per channel. All methods run on the channel's event loop.
 */
public final class XmlStreamDecoder extends ChannelInboundHandlerAdapter {

  private static final String TLS_NS = "urn:ietf:params:xml:ns:xmpp-tls";
  private static final String SASL_NS = "urn:ietf:params:xml:ns:xmpp-sasl";
  private static final int SCRATCH = 16 * 1024;
  /** The scratch array of each thread that decodes direct buffers. */
  private static final FastThreadLocal<Scratch> SCRATCHES = new FastThreadLocal<>() {
    @Override
    protected Scratch initialValue() {
      return new Scratch();
    }
  };

  private final boolean restartAfterNegotiation;
  private final XmlStreamParser parser;
  private ChannelHandlerContext ctx;
  private boolean failed;
  /** Set when {@code <proceed/>} was passed on during the current read. */
  private boolean proceeded;
  /** Set while the parser passes on what it decoded. */
  private boolean delivering;

  /**
   * Creates a decoder.
   *
   * @param limits                  the bounds to hold the stream to
   * @param restartAfterNegotiation whether to restart by itself after {@code <proceed/>} and SASL
   *                                {@code <success/>}, as a client needs
   */
  public XmlStreamDecoder(XmlLimits limits, boolean restartAfterNegotiation) {
    this.restartAfterNegotiation = restartAfterNegotiation;
    this.parser = XmlStreamParser.forStream(Objects.requireNonNull(limits, "limits"), new Emitter());
  }

  /** A decoder for a client: default limits, restarting by itself after proceed and success. */
  public static XmlStreamDecoder forClient() {
    return new XmlStreamDecoder(XmlLimits.DEFAULTS, true);
  }

  /** A decoder for a client with the given limits, restarting by itself after proceed and success. */
  public static XmlStreamDecoder forClient(XmlLimits limits) {
    return new XmlStreamDecoder(limits, true);
  }

  /** A decoder for a server: default limits; the server calls {@link #restart()} itself. */
  public static XmlStreamDecoder forServer() {
    return new XmlStreamDecoder(XmlLimits.DEFAULTS, false);
  }

  /**
   * Makes the next byte the first of a new stream (RFC 6120 §4.3.3). Called while this decoder passes
   * on an element (from a handler's {@code channelRead} further down the pipeline), the new stream
   * starts right after that element, and the rest of the read goes to it.
   *
   * <p>Threading: must be called on the channel's event loop.
   *
   * @throws IllegalStateException if called from another thread
   */
  public void restart() {
    ChannelHandlerContext c = ctx;
    if (c != null && !c.executor().inEventLoop()) {
      throw new IllegalStateException("restart() must be called on the channel's event loop");
    }
    parser.restart();
  }

  /**
   * Like {@link #restart()}, for the start of TLS (RFC 6120 §5.4.3.3): TLS begins right after the
   * {@code <starttls/>} or {@code <proceed/>} element being handled, so bytes that follow it in the
   * same read are plaintext that must not be taken as the new stream's; they are refused
   * ({@code policy-violation}). A server calls this while it handles {@code <starttls/>}, after it
   * writes {@code <proceed/>} and puts the TLS handler before this decoder; a decoder
   * {@linkplain #forClient() for a client} does it by itself after {@code <proceed/>}.
   *
   * <p>Threading: must be called on the channel's event loop.
   *
   * @throws IllegalStateException if called from another thread
   */
  public void restartForTls() {
    restart();
    if (delivering) {
      parser.stop(); // the rest of this read is not for the new stream
      proceeded = true;
    }
  }

  /** The bytes decoded so far, across restarts; error offsets count from the first. */
  public long bytesConsumed() {
    return parser.bytesConsumed();
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof ByteBuf buf)) {
      ctx.fireChannelRead(msg);
      return;
    }
    this.ctx = ctx;
    try {
      if (!failed) {
        decode(buf);
      }
    } catch (XmlFramingException e) {
      failed = true;
      ctx.fireExceptionCaught(e);
    } catch (RuntimeException e) { // a fault of the decoder's own: still one typed error, then quiet
      failed = true;
      ctx.fireExceptionCaught(new XmlFramingException(StreamErrorCondition.INTERNAL_SERVER_ERROR,
          "the decoder failed: " + e, parser.bytesConsumed(), e));
    } finally {
      proceeded = false;
      buf.release();
    }
  }

  private void decode(ByteBuf buf) {
    int n = buf.readableBytes();
    if (buf.hasArray()) {
      int used = parser.feed(buf.array(), buf.arrayOffset() + buf.readerIndex(), n);
      if (proceeded && used < n) {
        throw plaintextAfterProceed(n - used);
      }
      return;
    }
    Scratch shared = SCRATCHES.get();
    // A decoder of another channel, run from a handler this one passes a message to (an in-memory
    // pair of channels on one thread), gets an array of its own: the shared one is still being read.
    boolean own = !shared.inUse;
    byte[] scratch = own ? shared.bytes : new byte[Math.min(SCRATCH, n)];
    shared.inUse = true;
    try {
      for (int i = buf.readerIndex(), end = i + n; i < end; ) {
        int len = Math.min(scratch.length, end - i);
        buf.getBytes(i, scratch, 0, len);
        i += parser.feed(scratch, 0, len);
        if (proceeded && i < end) {
          throw plaintextAfterProceed(end - i);
        }
      }
    } finally {
      if (own) {
        shared.inUse = false;
      }
    }
  }

  /** A thread's scratch array, and whether a decoder on the thread is reading from it. */
  private static final class Scratch {
    final byte[] bytes = new byte[SCRATCH];
    boolean inUse;
  }

  private XmlFramingException plaintextAfterProceed(int bytes) {
    return new XmlFramingException(StreamErrorCondition.POLICY_VIOLATION, bytes
        + " bytes followed <proceed/> in the same read, where TLS must begin (RFC 6120 §5.4.3.1);"
        + " refused, as they would be taken for bytes sent over TLS", parser.bytesConsumed(), null);
  }

  /** Passes the parser's results down the pipeline, restarting after proceed and success. */
  private final class Emitter implements XmlStreamParser.Handler {

    @Override
    public void onHeader(StreamHeader header) {
      pass(header);
    }

    @Override
    public void onElement(XmlElement element) {
      pass(element);
      if (restartAfterNegotiation && element.localName().equals("proceed")
          && element.namespace().equals(TLS_NS)) {
        delivering = true; // restart as if from inside the read, with what follows refused
        try {
          restartForTls();
        } finally {
          delivering = false;
        }
      } else if (restartAfterNegotiation && element.localName().equals("success")
          && element.namespace().equals(SASL_NS)) {
        parser.restart();
      }
    }

    @Override
    public void onEnd() {
      pass(StreamEnd.INSTANCE);
    }

    private void pass(Object msg) {
      delivering = true;
      try {
        ctx.fireChannelRead(msg);
      } finally {
        delivering = false;
      }
    }
  }
}
