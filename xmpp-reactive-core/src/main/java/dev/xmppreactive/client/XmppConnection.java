package dev.xmppreactive.client;

import dev.xmppreactive.codec.XmlStreamDecoder;
import dev.xmppreactive.tls.TlsSessionInfo;
import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.NettyPipeline;

/**
 * One TCP connection to a server, with the XML stream codec in its pipeline: what the negotiation and,
 * after it, the session's writer and reader work on. Not a public type: users see {@link XmppSession},
 * which outlives connections.
 */
final class XmppConnection {

  /** The name of the decoder in the pipeline. */
  static final String DECODER = "xmpp-decoder";
  /** The name of the encoder in the pipeline. */
  static final String ENCODER = "xmpp-encoder";

  private final Connection netty;
  private final ConnectAddress address;
  private final InboundPump pump;
  private volatile TlsSessionInfo tls;

  XmppConnection(Connection netty, ConnectAddress address) {
    this.netty = netty;
    this.address = address;
    this.pump = InboundPump.attach(netty.inbound().receiveObject());
  }

  /** Where it is connected. */
  ConnectAddress address() {
    return address;
  }

  Channel channel() {
    return netty.channel();
  }

  /** The TLS session once TLS is up, or {@code null}. */
  TlsSessionInfo tls() {
    return tls;
  }

  void tls(TlsSessionInfo info) {
    this.tls = info;
  }

  /** Whether TLS protects the connection. */
  boolean isSecure() {
    return tls != null;
  }

  /** The SSL handler of a direct-TLS connection, or {@code null}. */
  SslHandler sslHandler() {
    return (SslHandler) netty.channel().pipeline().get(NettyPipeline.SslHandler);
  }

  /** Puts a TLS handler at the front of the pipeline (STARTTLS, RFC 6120 §5.4.3.3). */
  void startTls(SslHandler handler) {
    netty.channel().pipeline().addFirst(NettyPipeline.SslHandler, handler);
  }

  /** Adds a handler before Reactor Netty's own at the end of the pipeline. */
  void addHandler(String name, io.netty.channel.ChannelHandler handler) {
    netty.addHandlerLast(name, handler);
  }

  /** The decoder, to restart it when a new stream starts without a trigger element. */
  XmlStreamDecoder decoder() {
    return (XmlStreamDecoder) netty.channel().pipeline().get(DECODER);
  }

  /**
   * Writes and flushes one object (a stream header, element, stanza or the stream's end).
   *
   * <p>Threading: completes on the event loop. Errors: the write's failure.
   */
  Mono<Void> send(Object o) {
    return Mono.create(sink -> netty.channel().writeAndFlush(o).addListener(f -> {
      if (f.isSuccess()) {
        sink.success();
      } else {
        sink.error(f.cause());
      }
    }));
  }

  /** The next inbound object during negotiation; empty when the connection ends. */
  Mono<Object> next() {
    return pump.next();
  }

  /** The inbound objects after negotiation, for the session's one reader. */
  reactor.core.publisher.Flux<Object> takeover() {
    return pump.takeover();
  }

  /** Completes when the TCP connection is closed. */
  Mono<Void> onClose() {
    return netty.onDispose();
  }

  boolean isOpen() {
    return !netty.isDisposed();
  }

  /** Closes the TCP connection now. */
  void close() {
    netty.dispose();
  }
}
