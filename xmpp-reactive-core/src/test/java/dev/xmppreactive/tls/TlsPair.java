package dev.xmppreactive.tls;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLEngine;

/**
 * A client and a server channel in memory ({@link EmbeddedChannel}s) whose outbound bytes are moved to
 * each other until nothing moves any more: a real TLS handshake without sockets or threads.
 */
final class TlsPair {

  final EmbeddedChannel client;
  final EmbeddedChannel server;
  final SslHandler clientTls;
  final SslHandler serverTls;

  private TlsPair(SslHandler clientTls, ChannelHandler serverSide, SslHandler serverTls) {
    this.clientTls = clientTls;
    this.serverTls = serverTls;
    this.server = new EmbeddedChannel(serverSide);
    this.client = new EmbeddedChannel(clientTls);
  }

  /** Handshakes a client handler with a server engine. */
  static TlsPair handshake(SslHandler clientTls, SSLEngine serverEngine) {
    SslHandler serverTls = new SslHandler(serverEngine);
    TlsPair pair = new TlsPair(clientTls, serverTls, serverTls);
    pair.pump();
    return pair;
  }

  /** A client against a raw server channel that sees the bytes as they are (no TLS on the server). */
  static TlsPair rawServer(SslHandler clientTls) {
    return new TlsPair(clientTls, new io.netty.channel.ChannelInboundHandlerAdapter(), null);
  }

  /** Moves bytes both ways until neither side has anything to send. */
  void pump() {
    for (int i = 0; i < 1000; i++) {
      boolean moved = transfer(client, server) | transfer(server, client);
      if (!moved) {
        return;
      }
    }
    throw new IllegalStateException("the handshake did not settle");
  }

  /** Sends application data from the client and returns what the server's application read. */
  List<String> clientSends(String text) {
    client.writeAndFlush(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    pump();
    List<String> out = new ArrayList<>();
    Object msg;
    while ((msg = server.readInbound()) != null) {
      out.add(((ByteBuf) msg).toString(StandardCharsets.UTF_8));
      ReferenceCountUtil.release(msg);
    }
    return out;
  }

  /** Bytes the client sent that the raw server has not read yet. */
  ByteBuf takeClientBytes() {
    ByteBuf all = Unpooled.buffer();
    Object msg;
    while ((msg = client.readOutbound()) != null) {
      all.writeBytes((ByteBuf) msg);
      ReferenceCountUtil.release(msg);
    }
    return all;
  }

  /** Hands bytes to the client as if the server had sent them. */
  void serverSendsRaw(byte[] bytes) {
    deliver(client, Unpooled.wrappedBuffer(bytes));
  }

  private static boolean transfer(EmbeddedChannel from, EmbeddedChannel to) {
    boolean moved = false;
    Object msg;
    while ((msg = from.readOutbound()) != null) {
      moved = true;
      if (to.isOpen()) {
        deliver(to, msg);
      } else {
        ReferenceCountUtil.release(msg);
      }
    }
    return moved;
  }

  private static void deliver(EmbeddedChannel to, Object msg) {
    try {
      to.writeInbound(msg);
    } catch (RuntimeException e) {
      // A failed handshake surfaces here as the pipeline's exception; the handshake future has it too.
    }
  }
}
