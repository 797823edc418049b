package dev.xmppreactive.client;

import dev.xmppreactive.codec.XmlStreamDecoder;
import dev.xmppreactive.codec.XmlStreamEncoder;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.sasl.SaslSettings;
import dev.xmppreactive.sm.SmElements;
import dev.xmppreactive.stanza.Iq;
import dev.xmppreactive.stanza.Stanza;
import dev.xmppreactive.stream.StreamEnd;
import dev.xmppreactive.stream.StreamError;
import dev.xmppreactive.stream.StreamErrorCondition;
import dev.xmppreactive.stream.StreamHeader;
import dev.xmppreactive.tls.TlsPolicy;
import dev.xmppreactive.xml.XmlElement;
import io.netty.handler.ssl.SslHandler;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.NettyPipeline;
import reactor.netty.tcp.TcpServer;
import reactor.util.retry.Retry;

/**
 * A scripted XMPP server peer for the client's unit tests: each accepted connection runs a script
 * that reads and writes elements through the same codec as the client. Cleartext and SASL ANONYMOUS,
 * so scripts stay short; TLS and real SASL are covered by the tls and sasl tests and the *IT tests
 * against real servers.
 */
final class ScriptedServer implements AutoCloseable {

  static final String DOMAIN = "example.test";

  private final DisposableServer server;
  final AtomicInteger connections = new AtomicInteger();

  private ScriptedServer(Supplier<SSLEngine> tls, Function<Peer, Mono<Void>> script) {
    this.server = TcpServer.create()
        .host("127.0.0.1")
        .port(0)
        .doOnChannelInit((obs, ch, remote) -> {
          ch.pipeline()
              .addBefore(NettyPipeline.ReactiveBridge, "xmpp-decoder", XmlStreamDecoder.forServer())
              .addBefore(NettyPipeline.ReactiveBridge, "xmpp-encoder", new XmlStreamEncoder());
          if (tls != null) {
            ch.pipeline().addFirst(NettyPipeline.SslHandler, new SslHandler(tls.get()));
          }
        })
        .handle((in, out) -> {
          int index = connections.incrementAndGet();
          Connection[] c = new Connection[1];
          in.withConnection(conn -> c[0] = conn);
          Peer peer = new Peer(c[0], InboundPump.attach(in.receiveObject()), index);
          return script.apply(peer).onErrorResume(e -> Mono.empty()).then(Mono.never());
        })
        .bindNow();
  }

  static ScriptedServer start(Function<Peer, Mono<Void>> script) {
    return new ScriptedServer(null, script);
  }

  /** A server that speaks direct TLS (XEP-0368) with the engines {@code tls} makes. */
  static ScriptedServer startDirectTls(Supplier<SSLEngine> tls, Function<Peer, Mono<Void>> script) {
    return new ScriptedServer(tls, script);
  }

  int port() {
    return server.port();
  }

  /** A client for this server: cleartext (allowed explicitly), ANONYMOUS. */
  XmppClient client() {
    return XmppClient.create()
        .jid(Jid.domain(DOMAIN))
        .sasl(SaslSettings.anonymous())
        .tls(t -> t.withPolicy(TlsPolicy.INSECURE_DISABLED))
        .host("127.0.0.1")
        .port(port())
        .initialPresence(null)
        .negotiationTimeout(Duration.ofSeconds(10))
        .closeTimeout(Duration.ofSeconds(2))
        .reconnect(Retry.max(0)); // tests of reconnection opt in
  }

  @Override
  public void close() {
    server.disposeNow();
  }

  /** The server's side of one connection. */
  static final class Peer {
    final Connection connection;
    /** Which connection this is: 1 for the first the server accepted. */
    final int index;
    private final InboundPump pump;

    Peer(Connection connection, InboundPump pump, int index) {
      this.connection = connection;
      this.pump = pump;
      this.index = index;
    }

    Mono<Object> next() {
      return pump.next();
    }

    /** The next element, failing if something else comes. */
    Mono<XmlElement> nextElement() {
      return next().map(o -> {
        if (o instanceof XmlElement e) {
          return e;
        }
        throw new AssertionError("expected an element, got " + o);
      });
    }

    /** The next stanza. */
    Mono<Stanza> nextStanza() {
      return nextElement().map(Stanza::fromElement);
    }

    Mono<Void> send(Object o) {
      return Mono.create(sink -> connection.channel().writeAndFlush(o).addListener(f -> {
        if (f.isSuccess()) {
          sink.success();
        } else {
          sink.error(f.cause());
        }
      }));
    }

    void restart() {
      ((XmlStreamDecoder) connection.channel().pipeline().get("xmpp-decoder")).restart();
    }

    /** Reads the client's header and answers with ours. */
    Mono<Void> openStream() {
      return next().flatMap(o -> {
        if (!(o instanceof StreamHeader)) {
          return Mono.error(new AssertionError("expected a stream header, got " + o));
        }
        return send(StreamHeader.server(DOMAIN, null, "s1", null));
      });
    }

    Mono<Void> features(XmlElement... children) {
      XmlElement.Builder f = XmlElement.builder("features", StreamHeader.STREAM_NS).prefix("stream");
      for (XmlElement c : children) {
        f.child(c);
      }
      return send(f.build());
    }

    static XmlElement mechanisms(String... names) {
      XmlElement.Builder m = XmlElement.builder("mechanisms", StreamFeatures.SASL_NS);
      for (String n : names) {
        m.textElement("mechanism", StreamFeatures.SASL_NS, n);
      }
      return m.build();
    }

    static XmlElement bindFeature() {
      return XmlElement.empty("bind", StreamFeatures.BIND_NS);
    }

    /** Header, ANONYMOUS login, restart, header, the given post-auth features. */
    Mono<Void> loginAnonymous(XmlElement... postAuthFeatures) {
      return openStream()
          .then(features(mechanisms("ANONYMOUS")))
          .then(nextElement())
          .flatMap(auth -> {
            restart(); // the next bytes from the client are a new stream (RFC 6120 §6.4.6)
            return send(XmlElement.empty("success", StreamFeatures.SASL_NS));
          })
          .then(openStream())
          .then(features(postAuthFeatures));
    }

    /** Answers one bind request with {@code jid}. */
    Mono<Void> bindAs(String jid) {
      return nextStanza().flatMap(s -> send(((Iq) s).resultReply(XmlElement.builder("bind",
          StreamFeatures.BIND_NS).textElement("jid", StreamFeatures.BIND_NS, jid).build())));
    }

    /** The whole login to a bound session. */
    Mono<Void> loginAndBind(String jid) {
      return loginAnonymous(bindFeature()).then(bindAs(jid));
    }

    /** The whole login to a bound session with Stream Management offered and enabled as {@code id}. */
    Mono<Void> loginBindAndEnableSm(String jid, String id) {
      return loginAnonymous(bindFeature(), XmlElement.empty("sm", SmElements.NS))
          .then(bindAs(jid)).then(enableSm(id));
    }

    /** Drops the TCP connection without closing the stream (a network failure, as seen by XMPP). */
    Mono<Void> drop() {
      return Mono.fromRunnable(connection::dispose);
    }

    /** Expects {@code <enable/>} and answers {@code <enabled id resume/>} (XEP-0198 §3). */
    Mono<Void> enableSm(String id) {
      return nextElement().flatMap(e -> {
        if (!e.is("enable", SmElements.NS)) {
          return Mono.error(new AssertionError("expected <enable/>, got " + e));
        }
        return send(XmlElement.builder("enabled", SmElements.NS).attribute("id", id)
            .attribute("resume", "true").build());
      });
    }

    Mono<Void> streamError(StreamErrorCondition c, String text) {
      return send(StreamError.of(c, text).toElement()).then(send(StreamEnd.INSTANCE))
          .then(Mono.fromRunnable(connection::dispose));
    }
  }
}
