package dev.xmppreactive.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.codec.XmlStreamDecoder;
import dev.xmppreactive.codec.XmlStreamEncoder;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Iq;
import dev.xmppreactive.stanza.Stanza;
import dev.xmppreactive.stream.StreamEnd;
import dev.xmppreactive.stream.StreamError;
import dev.xmppreactive.stream.StreamErrorCondition;
import dev.xmppreactive.stream.StreamHeader;
import dev.xmppreactive.xml.XmlElement;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import reactor.netty.Connection;
import reactor.netty.NettyPipeline;
import reactor.netty.tcp.TcpClient;

/**
 * A raw XMPP client for the server's own tests: it writes what the test says (text, elements,
 * stanzas) and reads what comes back one object at a time, with the library's client-side decoder
 * framing the stream. Helpers do the usual negotiation (STARTTLS, PLAIN, bind) so that a test can
 * start where it is interesting.
 */
final class RawClient implements AutoCloseable {

  static final Duration WAIT = Duration.ofSeconds(5);
  /** Marks the end of the connection in the queue. */
  private static final Object CLOSED = new Object();

  private final RunningServer server;
  private final boolean tlsOnProceed;
  private final BlockingQueue<Object> inbound = new LinkedBlockingQueue<>();
  private Connection connection;

  private RawClient(RunningServer server, boolean tlsOnProceed) {
    this.server = server;
    this.tlsOnProceed = tlsOnProceed;
  }

  static RawClient connect(RunningServer server) {
    return connect(server, true);
  }

  /**
   * Connects; without {@code tlsOnProceed} the client does not start TLS after {@code <proceed/>} and
   * reads on in plaintext, to see what the server sends there.
   */
  static RawClient connect(RunningServer server, boolean tlsOnProceed) {
    RawClient client = new RawClient(server, tlsOnProceed);
    client.connection = TcpClient.create()
        .host(server.host())
        .port(server.port())
        .doOnChannelInit((obs, ch, addr) -> ch.pipeline()
            .addBefore(NettyPipeline.ReactiveBridge, "decoder", XmlStreamDecoder.forClient())
            .addBefore(NettyPipeline.ReactiveBridge, "encoder", new XmlStreamEncoder())
            .addBefore(NettyPipeline.ReactiveBridge, "raw", client.new Reader()))
        .connect()
        .block(WAIT);
    // Demand from Reactor Netty's side keeps the channel reading; the Reader takes everything first.
    client.connection.inbound().receiveObject().subscribe();
    return client;
  }

  /** Puts what arrives in the queue; adds TLS right after {@code <proceed/>}. */
  private final class Reader extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (tlsOnProceed && msg instanceof XmlElement e
          && e.is("proceed", ConnectionHandler.TLS_NS)) {
        // TLS starts at the next byte: the handler goes in before the channel reads again.
        ctx.pipeline().addFirst("tls", new SslHandler(engine()));
      }
      inbound.add(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      inbound.add(CLOSED);
      ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      inbound.add(cause);
    }
  }

  private SSLEngine engine() {
    SSLEngine engine = server.certificate().clientSslContext()
        .createSSLEngine(server.domain(), server.port());
    engine.setUseClientMode(true);
    SSLParameters p = engine.getSSLParameters();
    p.setServerNames(List.of(new SNIHostName(server.domain())));
    p.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the domain
    engine.setSSLParameters(p);
    return engine;
  }

  /** Writes raw text. */
  void sendRaw(String text) {
    connection.channel().writeAndFlush(Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8)))
        .syncUninterruptibly();
  }

  /** Writes an element, stanza, header or the stream's end. */
  void send(Object o) {
    connection.channel().writeAndFlush(o).syncUninterruptibly();
  }

  /** The next object from the server (header, element, StreamEnd, or CLOSED at the end). */
  Object next() {
    try {
      Object o = inbound.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      if (o == null) {
        throw new AssertionError("nothing from the server within " + WAIT);
      }
      if (o instanceof Throwable t) {
        throw new AssertionError("the connection failed", t);
      }
      return o;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The next object, which must be an element. */
  XmlElement nextElement() {
    Object o = next();
    assertThat(o).as("expected an element").isInstanceOf(XmlElement.class);
    return (XmlElement) o;
  }

  /** The next element, which must be a stanza. */
  Stanza nextStanza() {
    return Stanza.fromElement(nextElement());
  }

  /** The next stanza that is not an XEP-0198 {@code <r/>}, answering none. */
  XmlElement nextSkippingAckRequests() {
    while (true) {
      XmlElement e = nextElement();
      if (!e.is("r", SmElements.NS)) {
        return e;
      }
    }
  }

  /** Whether the server closed the connection (or it is closed) within the wait. */
  boolean closed() {
    return connection.channel().closeFuture().awaitUninterruptibly(WAIT.toMillis());
  }

  /**
   * Expects a stream error and the end of the stream, answers with its own end of stream, and
   * expects the server to close the connection.
   *
   * @return the error
   */
  StreamError expectStreamError(StreamErrorCondition condition) {
    return expectStreamError(condition, true);
  }

  /**
   * As {@link #expectStreamError(StreamErrorCondition)}; without {@code answer}, the client leaves
   * its stream open and the server closes the connection after its linger time.
   */
  StreamError expectStreamError(StreamErrorCondition condition, boolean answer) {
    XmlElement e = nextElement();
    assertThat(StreamError.isStreamError(e)).as("a stream error: %s", e).isTrue();
    StreamError error = StreamError.fromElement(e);
    assertThat(error.condition()).as(e.toXml()).isEqualTo(condition);
    assertThat(next()).isEqualTo(StreamEnd.INSTANCE);
    if (answer && connection.channel().isActive()) {
      try {
        connection.channel().writeAndFlush(StreamEnd.INSTANCE);
      } catch (IllegalStateException closedMeanwhile) {
        // the server closed first: nothing to answer
      }
    }
    assertThat(closed()).as("the server closes the connection").isTrue();
    return error;
  }

  /** Expects the connection to end with nothing more from the server, no end of stream either. */
  void expectAbruptClose() {
    Object o = next();
    assertThat(o).as("the connection ends without </stream:stream>").isSameAs(CLOSED);
  }

  /** Opens a stream to the server's domain and returns its features. */
  XmlElement open() {
    send(StreamHeader.client(server.domain(), null, "en"));
    assertThat(next()).isInstanceOf(StreamHeader.class);
    XmlElement features = nextElement();
    assertThat(features.is("features", StreamHeader.STREAM_NS)).as(features.toXml()).isTrue();
    return features;
  }

  /** STARTTLS (RFC 6120 §5) and a new stream over TLS; returns the new features. */
  XmlElement startTls() {
    send(XmlElement.empty("starttls", ConnectionHandler.TLS_NS));
    XmlElement proceed = nextElement();
    assertThat(proceed.is("proceed", ConnectionHandler.TLS_NS)).as(proceed.toXml()).isTrue();
    SslHandler tls = (SslHandler) connection.channel().pipeline().get("tls");
    assertThat(tls.handshakeFuture().awaitUninterruptibly(WAIT.toMillis())).isTrue();
    assertThat(tls.handshakeFuture().isSuccess()).as("TLS handshake").isTrue();
    return open();
  }

  /** SASL PLAIN (RFC 4616); returns the element that answered. */
  XmlElement authPlain(String user, String password) {
    byte[] msg = ("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8);
    send(XmlElement.builder("auth", ConnectionHandler.SASL_NS).attribute("mechanism", "PLAIN")
        .text(Base64.getEncoder().encodeToString(msg)).build());
    return nextElement();
  }

  /** Opens, secures, authenticates with PLAIN, and opens the stream after SASL; returns features. */
  XmlElement authenticate(String user, String password) {
    open();
    startTls();
    XmlElement success = authPlain(user, password);
    assertThat(success.is("success", ConnectionHandler.SASL_NS)).as(success.toXml()).isTrue();
    return open();
  }

  /** Binds a resource (RFC 6120 §7); {@code null} lets the server choose. */
  Jid bind(String resource) {
    XmlElement.Builder b = XmlElement.builder("bind", ConnectionHandler.BIND_NS);
    if (resource != null) {
      b.textElement("resource", ConnectionHandler.BIND_NS, resource);
    }
    send(Iq.builder().type(Iq.Type.SET).id("bind-1").payload(b.build()).build());
    Iq reply = (Iq) nextStanza();
    assertThat(reply.type()).as(reply.toString()).isEqualTo(Iq.Type.RESULT);
    return Jid.of(reply.payload().childText("jid", ConnectionHandler.BIND_NS));
  }

  /** Authenticates and binds. */
  Jid login(String user, String password, String resource) {
    authenticate(user, password);
    return bind(resource);
  }

  /**
   * Sends a ping to the server and expects its result as the next stanza that is not an ack
   * request: proof that nothing else was queued for this client before it.
   */
  void syncPoint() {
    String id = "sync-" + System.nanoTime();
    send(Iq.builder().type(Iq.Type.GET).id(id)
        .payload(XmlElement.empty("ping", ServerIq.PING_NS)).build());
    Stanza s = Stanza.fromElement(nextSkippingAckRequests());
    assertThat(s).as("the ping result comes next").isInstanceOf(Iq.class);
    assertThat(s.id()).isEqualTo(id);
  }

  /** Closes the TCP connection at once, without {@code </stream:stream>}. */
  void drop() {
    connection.channel().close().syncUninterruptibly();
  }

  @Override
  public void close() {
    connection.dispose();
  }
}
