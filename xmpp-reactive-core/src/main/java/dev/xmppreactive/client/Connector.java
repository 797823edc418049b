package dev.xmppreactive.client;

import dev.xmppreactive.codec.XmlStreamDecoder;
import dev.xmppreactive.codec.XmlStreamEncoder;
import dev.xmppreactive.stream.StreamErrorCondition;
import dev.xmppreactive.stream.StreamErrorException;
import dev.xmppreactive.tls.TlsMode;
import dev.xmppreactive.tls.XmppTlsContext;
import io.netty.channel.ChannelOption;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import reactor.core.publisher.Mono;
import reactor.netty.NettyPipeline;
import reactor.netty.tcp.TcpClient;

/**
 * Opens a connection for a client and secures its stream: finds the addresses (configured, or DNS
 * SRV, RFC 6120 §3.2), tries them in order until one accepts the TCP connection, and follows one
 * {@code see-other-host} redirect (RFC 6120 §4.9.3.19).
 */
final class Connector {

  private final ClientSettings settings;
  private final XmppTlsContext tls;
  private final AddressResolver resolver;

  Connector(ClientSettings settings, XmppTlsContext tls) {
    this.settings = settings;
    this.tls = tls;
    this.resolver = new AddressResolver(settings.dns(), RandomGenerator.getDefault());
  }

  /**
   * A connection whose stream is open and secured, with its negotiator ready to authenticate.
   *
   * <p>Errors: {@link XmppConnectException} if no address could be reached; TLS, stream and
   * negotiation errors as they come.
   */
  Mono<Negotiator> connectAndSecure() {
    return connectAndSecure(null);
  }

  /** As {@link #connectAndSecure()}, trying {@code preferred} first (a resumption location). */
  Mono<Negotiator> connectAndSecure(ConnectAddress preferred) {
    return addresses()
        .map(list -> {
          if (preferred == null) {
            return list;
          }
          List<ConnectAddress> all = new ArrayList<>(list.size() + 1);
          all.add(preferred);
          all.addAll(list);
          return all;
        })
        .flatMap(list -> tryInOrder(list, 0, new ArrayList<>()))
        .onErrorResume(Connector::isSeeOtherHost, e -> redirect((StreamErrorException) e));
  }

  /** Whether the configured connection is direct TLS (for parsing host:port locations). */
  boolean directTls() {
    return settings.directTls();
  }

  private Mono<List<ConnectAddress>> addresses() {
    if (settings.host() != null) {
      int port = settings.port() > 0 ? settings.port()
          : settings.directTls() ? 5223 : AddressResolver.DEFAULT_PORT;
      return Mono.just(List.of(new ConnectAddress(settings.host(), port, settings.directTls())));
    }
    return resolver.resolve(settings.domain());
  }

  private Mono<Negotiator> tryInOrder(List<ConnectAddress> list, int i, List<Throwable> failures) {
    if (i >= list.size()) {
      XmppConnectException e = new XmppConnectException("could not connect to " + settings.domain()
          + " at " + list, list);
      failures.forEach(e::addSuppressed);
      return Mono.error(e);
    }
    ConnectAddress a = list.get(i);
    return open(a).onErrorResume(e -> {
      failures.add(e);
      return Mono.empty();
    }).flatMap(this::secure).switchIfEmpty(Mono.defer(() -> tryInOrder(list, i + 1, failures)));
  }

  /** Secures an open connection; a failure closes it. */
  Mono<Negotiator> secure(XmppConnection conn) {
    Negotiator n = new Negotiator(conn, settings, tls, settings.domain());
    return n.secure().doOnError(e -> conn.close()).doOnCancel(conn::close);
  }

  /**
   * Opens the TCP connection with the codec in the pipeline (and TLS at once for direct TLS).
   *
   * <p>A connection of its own, not from a pool ({@code TcpClient.newConnection()}): an XMPP stream is
   * never handed back for reuse, and Reactor Netty's pooled provider would keep a pool for each
   * connection (its key includes this channel initialiser, a new lambda each time) for ever. The
   * connect {@code Mono} is detached when it completes, so that Reactor Netty's connection observer,
   * which lives as long as the channel, does not keep the negotiation's operator chain reachable.
   */
  Mono<XmppConnection> open(ConnectAddress a) {
    String domain = settings.domain();
    TcpClient tcp = TcpClient.newConnection()
        .host(a.host())
        .port(a.port())
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
            (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis()))
        .option(ChannelOption.TCP_NODELAY, true)
        .doOnChannelInit((obs, ch, remote) -> {
          // Reactor Netty's own handlers are in place here: the codec goes before its bridge, so it
          // is there before the first write.
          ch.pipeline()
              .addBefore(NettyPipeline.ReactiveBridge, XmppConnection.DECODER,
                  XmlStreamDecoder.forClient(settings.limits()))
              .addBefore(NettyPipeline.ReactiveBridge, XmppConnection.ENCODER,
                  new XmlStreamEncoder());
          if (a.directTls()) {
            ch.pipeline().addFirst(NettyPipeline.SslHandler,
                tls.newHandler(TlsMode.DIRECT_TLS, domain, a.port()));
          }
        });
    if (settings.loops() != null) {
      tcp = tcp.runOn(settings.loops());
    }
    return tcp.connect().onTerminateDetach().map(c -> new XmppConnection(c, a));
  }

  private Mono<Negotiator> redirect(StreamErrorException e) {
    String target = e.error().conditionValue().strip();
    ConnectAddress a;
    try {
      a = parseHostPort(target, settings.directTls());
    } catch (IllegalArgumentException bad) {
      return Mono.error(e);
    }
    return open(a).flatMap(this::secure);
  }

  private static boolean isSeeOtherHost(Throwable e) {
    return e instanceof StreamErrorException se
        && se.condition() == StreamErrorCondition.SEE_OTHER_HOST;
  }

  /**
   * Parses the content of {@code <see-other-host/>}: a host name or IP address, an IPv6 address in
   * brackets, each with an optional port (RFC 6120 §4.9.3.19).
   */
  static ConnectAddress parseHostPort(String s, boolean directTls) {
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty see-other-host");
    }
    String host;
    int port = directTls ? 5223 : AddressResolver.DEFAULT_PORT;
    if (s.startsWith("[")) {
      int end = s.indexOf(']');
      if (end < 0) {
        throw new IllegalArgumentException("bad IPv6 literal: " + s);
      }
      host = s.substring(1, end);
      String rest = s.substring(end + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) {
          throw new IllegalArgumentException("bad host and port: " + s);
        }
        port = Integer.parseInt(rest.substring(1));
      }
    } else {
      int colon = s.lastIndexOf(':');
      if (colon >= 0 && s.indexOf(':') == colon) {
        host = s.substring(0, colon);
        port = Integer.parseInt(s.substring(colon + 1));
      } else {
        host = s;
      }
    }
    return new ConnectAddress(host, port, directTls);
  }
}
