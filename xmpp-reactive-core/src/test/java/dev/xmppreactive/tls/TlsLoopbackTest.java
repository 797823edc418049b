package dev.xmppreactive.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.NettyPipeline;
import reactor.netty.tcp.TcpClient;
import reactor.test.StepVerifier;

/**
 * Over real loopback sockets, a Reactor Netty client uses this package the way the XMPP client does:
 * STARTTLS (handler added after {@code <proceed/>}) and direct TLS (handler added at channel init).
 */
class TlsLoopbackTest {

  private static final String DOMAIN = "example.org";
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir
  static Path dir;
  private static EventLoopGroup group;
  private static TestServer server;
  private static XmppTlsContext tls;

  @BeforeAll
  static void setUp() {
    group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    TestPki.Issued ca = TestPki.ca("Loopback Root");
    server = TestServer.of(JsseProvider.BOUNCY_CASTLE,
        TestPki.leaf().srv("_xmpp-client.example.org", "_xmpps-client.example.org").issuedBy(ca));
    Path caPem = TestPki.writeCertificates(dir.resolve("ca.pem"), List.of(ca.cert()));
    tls = XmppTlsContext.create(TlsSettings.defaults().withTrust(TlsTrust.pemFiles(caPem)));
  }

  @AfterAll
  static void tearDown() {
    group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
  }

  /** Echoes; on {@code <starttls/>} answers {@code <proceed/>} and starts TLS, like RFC 6120 §5.4.2.3. */
  private static final class StartTlsEcho extends ChannelInboundHandlerAdapter {
    private final Supplier<SSLEngine> engines;
    private final StringBuilder clear = new StringBuilder();
    private boolean secure;

    StartTlsEcho(Supplier<SSLEngine> engines, boolean direct) {
      this.engines = engines;
      this.secure = direct;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (secure) {
        ctx.writeAndFlush(msg);
        return;
      }
      ByteBuf buf = (ByteBuf) msg;
      clear.append(buf.toString(StandardCharsets.UTF_8));
      buf.release();
      if (clear.toString().contains("<starttls/>")) {
        secure = true;
        // startTls = true: the <proceed/> written next still goes out in cleartext.
        ctx.pipeline().addFirst("tls", new SslHandler(engines.get(), true));
        ctx.writeAndFlush(Unpooled.copiedBuffer("<proceed/>", StandardCharsets.UTF_8));
      }
    }
  }

  private static int startServer(boolean direct) throws InterruptedException {
    Channel ch = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel c) {
            if (direct) {
              c.pipeline().addLast(new SslHandler(server.engine()));
            }
            c.pipeline().addLast(new StartTlsEcho(server::engine, direct));
          }
        }).bind("127.0.0.1", 0).sync().channel();
    return ((InetSocketAddress) ch.localAddress()).getPort();
  }

  @Test
  void starttlsOverLoopback() throws Exception {
    int port = startServer(false);
    Connection conn = TcpClient.create().host("127.0.0.1").port(port).connectNow(WAIT);
    try {
      AtomicReference<SslHandler> handler = new AtomicReference<>();
      StepVerifier.create(conn.inbound().receive().asString())
          .then(() -> conn.outbound().sendString(Mono.just("<starttls/>")).then().subscribe())
          .expectNext("<proceed/>")
          .then(() -> {
            SslHandler h = tls.newHandler(TlsMode.STARTTLS, DOMAIN, port);
            handler.set(h);
            conn.channel().pipeline().addFirst(NettyPipeline.SslHandler, h);
          })
          .then(() -> StepVerifier.create(TlsHandshake.result(handler.get()))
              .assertNext(info -> {
                assertThat(info.protocol()).isEqualTo("TLSv1.3");
                assertThat(info.applicationProtocol()).isEmpty();
              })
              .expectComplete().verify(WAIT))
          .then(() -> conn.outbound().sendString(Mono.just("<stream:stream to='example.org'>")).then().subscribe())
          .expectNext("<stream:stream to='example.org'>")
          .thenCancel()
          .verify(WAIT);
    } finally {
      conn.disposeNow();
    }
  }

  @Test
  void directTlsOverLoopback() throws Exception {
    int port = startServer(true);
    AtomicReference<SslHandler> handler = new AtomicReference<>();
    Connection conn = TcpClient.create().host("127.0.0.1").port(port)
        .doOnChannelInit((observer, channel, address) -> {
          SslHandler h = tls.newHandler(TlsMode.DIRECT_TLS, DOMAIN, port);
          handler.set(h);
          channel.pipeline().addFirst(NettyPipeline.SslHandler, h);
        })
        .connectNow(WAIT);
    try {
      StepVerifier.create(TlsHandshake.result(handler.get()))
          .assertNext(info -> assertThat(info.peerCertificates()).hasSize(2))
          .expectComplete().verify(WAIT);
      StepVerifier.create(conn.inbound().receive().asString())
          .then(() -> conn.outbound().sendString(Mono.just("<stream:stream to='example.org'>")).then().subscribe())
          .expectNext("<stream:stream to='example.org'>")
          .thenCancel()
          .verify(WAIT);
    } finally {
      conn.disposeNow();
    }
  }

  @Test
  void identityMismatchOverLoopbackClosesTheConnectionWithATypedError() throws Exception {
    int port = startServer(true);
    AtomicReference<SslHandler> handler = new AtomicReference<>();
    Connection conn = TcpClient.create().host("127.0.0.1").port(port)
        .doOnChannelInit((observer, channel, address) -> {
          SslHandler h = tls.newHandler(TlsMode.DIRECT_TLS, "other.example", port);
          handler.set(h);
          channel.pipeline().addFirst(NettyPipeline.SslHandler, h);
        })
        .connectNow(WAIT);
    try {
      StepVerifier.create(TlsHandshake.result(handler.get()))
          .expectErrorSatisfies(e -> assertThat(((TlsException) e).reason())
              .isEqualTo(TlsException.Reason.IDENTITY_MISMATCH))
          .verify(WAIT);
      // onDispose completes once the channel is closed, also when it closed before this line runs
      // (a listener on the channel's close future may meet a channel already deregistered).
      StepVerifier.create(conn.onDispose()).expectComplete().verify(WAIT);
      assertThat(conn.channel().isOpen()).isFalse();
    } finally {
      conn.disposeNow();
    }
  }
}
