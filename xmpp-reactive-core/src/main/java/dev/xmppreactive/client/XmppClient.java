package dev.xmppreactive.client;

import dev.xmppreactive.codec.XmlLimits;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.router.IqHandler;
import dev.xmppreactive.router.IqRouter;
import dev.xmppreactive.sasl.SaslSettings;
import dev.xmppreactive.stanza.ExtensionRegistry;
import dev.xmppreactive.stanza.Presence;
import dev.xmppreactive.tls.TlsSettings;
import dev.xmppreactive.tls.TlsTrust;
import dev.xmppreactive.tls.XmppTlsContext;
import dev.xmppreactive.xml.XmlName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.resources.LoopResources;
import reactor.util.retry.Retry;

/**
 * An XMPP client: an immutable configuration, in the style of Reactor Netty's {@code TcpClient}. Each
 * setter returns a new client; a client is thread-safe and can {@link #connect()} any number of times.
 *
 * <pre>{@code
 * XmppClient client = XmppClient.create()
 *     .credentials("juliet@example.com", password)
 *     .trust(Path.of("ca.pem"));
 * client.connect()
 *     .flatMapMany(session -> session.messages())
 *     .subscribe(m -> System.out.println(m.from() + ": " + m.body()));
 * }</pre>
 *
 * <p>Defaults: TLS required (STARTTLS or direct TLS; never cleartext unless {@link #tls} says so), the
 * JDK's trust store, the strongest SASL mechanism both sides offer, DNS SRV to find the server, a
 * 10 s connect timeout, a 30 s negotiation timeout, a 30 s IQ request timeout, a 5 s close timeout, an
 * initial {@code <presence/>} after binding, 10,000 outbound stanzas and 256 inbound stanzas of
 * buffering.
 *
 * <p><b>One TLS context per client.</b> The {@link XmppTlsContext} (trust material, the JSSE provider,
 * the {@code SSLContext}s and their TLS session caches) is built at the first connection and shared by
 * every connection and reconnection of this client and of the copies its setters return, as long as
 * they keep the same {@link TlsSettings} instance: {@link #tls(TlsSettings)} with another instance
 * (or {@link #trust}) starts a context of its own. So connect many sessions from one client (or its
 * copies, e.g. {@code client.credentials(...)} per account) rather than from clients configured
 * separately, which each build a context of about a megabyte. Sessions of one client may resume each
 * other's TLS sessions with the same server (same domain and port): the certificate and its identity
 * were checked when that TLS session was first established, and a server that cannot resume it gets
 * a full handshake with the full checks (see {@link XmppTlsContext}).
 */
public final class XmppClient {

  /** The default timeout of IQ requests: long enough for slow services (MAM, search), short enough not
   * to hold a lost request's memory for long. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final ClientSettings s;
  private final TlsContextMemo tls;

  private XmppClient(ClientSettings s, TlsContextMemo tls) {
    this.s = s;
    this.tls = tls;
  }

  /** A client with the defaults; give it {@link #credentials} before connecting. */
  public static XmppClient create() {
    return new XmppClient(new ClientSettings(null, null, null, TlsSettings.defaults(), null, 0, false,
        DnsResolver.system(), Duration.ofSeconds(10), Duration.ofSeconds(30),
        DEFAULT_REQUEST_TIMEOUT, Duration.ofSeconds(5), XmlLimits.DEFAULTS,
        ExtensionRegistry.builder().build(), Map.of(), null, null, Presence.available(), 10_000, 256,
        null, Schedulers.parallel(), Schedulers.boundedElastic(), null, SmSettings.defaults(), null,
        Keepalive.defaults()), new TlsContextMemo(TlsSettings.defaults()));
  }

  /** A client whose sessions are handled by the brief's handler. */
  public static XmppClient create(XmppHandler handler) {
    return create().handler(handler);
  }

  /** A copy with other settings; it shares this client's TLS context while the TLS settings stay. */
  private XmppClient with(ClientSettings n) {
    return new XmppClient(n, tls.forSettings(n.tls()));
  }

  private ClientSettings.Builder b() {
    return new ClientSettings.Builder(s);
  }

  /** The account and its password (prepared with PRECIS OpaqueString before use). */
  public XmppClient credentials(Jid jid, String password) {
    Objects.requireNonNull(jid, "jid");
    Objects.requireNonNull(password, "password");
    if (jid.localpart() == null) {
      throw new IllegalArgumentException("an account JID needs a localpart: " + jid);
    }
    return with(b().jid(jid).password(password).build());
  }

  /** The account and its password; the JID is parsed with {@link Jid#of(String)}. */
  public XmppClient credentials(String jid, String password) {
    return credentials(Jid.of(jid), password);
  }

  /** The account's address alone (for SASL EXTERNAL or ANONYMOUS with {@link #sasl}). */
  public XmppClient jid(Jid jid) {
    return with(b().jid(Objects.requireNonNull(jid, "jid")).build());
  }

  /** The resource to ask for when binding (RFC 6120 §7.6); by default the server chooses. */
  public XmppClient resource(String resource) {
    Jid jid = s.jid();
    if (jid == null) {
      throw new IllegalStateException("set the credentials before the resource");
    }
    return with(b().jid(jid.withResource(resource)).build());
  }

  /** Connects to this host instead of looking up DNS SRV records. */
  public XmppClient host(String host) {
    return with(b().host(Objects.requireNonNull(host, "host")).build());
  }

  /** The port to connect to with {@link #host}; by default 5222 (5223 with direct TLS). */
  public XmppClient port(int port) {
    if (port < 1 || port > 0xFFFF) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    return with(b().port(port).build());
  }

  /** Whether the configured host speaks TLS at once (XEP-0368) rather than STARTTLS. */
  public XmppClient directTls(boolean directTls) {
    return with(b().directTls(directTls).build());
  }

  /** The TLS settings; another instance than the current one means a TLS context of its own. */
  public XmppClient tls(TlsSettings tls) {
    return with(b().tls(Objects.requireNonNull(tls, "tls")).build());
  }

  /** Changes the TLS settings. */
  public XmppClient tls(UnaryOperator<TlsSettings> change) {
    return tls(change.apply(s.tls()));
  }

  /** Trusts the certificates of a PEM file (instead of the JDK's trust store). */
  public XmppClient trust(Path pem) {
    return tls(t -> t.withTrust(TlsTrust.pemFiles(pem)));
  }

  /** The SASL settings (mechanisms, channel binding, EXTERNAL, ANONYMOUS...). */
  public XmppClient sasl(SaslSettings sasl) {
    return with(b().sasl(Objects.requireNonNull(sasl, "sasl")).build());
  }

  /** Where to look up SRV records; by default the system's DNS. */
  public XmppClient dns(DnsResolver dns) {
    return with(b().dns(Objects.requireNonNull(dns, "dns")).build());
  }

  /** How long to wait for the TCP connection. */
  public XmppClient connectTimeout(Duration timeout) {
    return with(b().connectTimeout(positive(timeout)).build());
  }

  /** How long the whole negotiation (TLS, SASL, bind) may take. */
  public XmppClient negotiationTimeout(Duration timeout) {
    return with(b().negotiationTimeout(positive(timeout)).build());
  }

  /** The default timeout of IQ requests ({@link #DEFAULT_REQUEST_TIMEOUT}). */
  public XmppClient requestTimeout(Duration timeout) {
    return with(b().requestTimeout(positive(timeout)).build());
  }

  /** How long {@code close()} waits for queued stanzas and the server's end of stream. */
  public XmppClient closeTimeout(Duration timeout) {
    return with(b().closeTimeout(positive(timeout)).build());
  }

  /** Limits on inbound XML (sizes, depth, attributes; RFC 6120 §11). */
  public XmppClient limits(XmlLimits limits) {
    return with(b().limits(Objects.requireNonNull(limits, "limits")).build());
  }

  /** The extension registry: payload codecs for this client's sessions. */
  public XmppClient extensions(ExtensionRegistry extensions) {
    return with(b().extensions(Objects.requireNonNull(extensions, "extensions")).build());
  }

  /** Answers IQ requests whose payload is {@code <localName xmlns='namespace'/>}. */
  public XmppClient iqHandler(String namespace, String localName, IqHandler handler) {
    Map<XmlName, IqHandler> m = new HashMap<>(s.iqHandlers());
    m.put(new XmlName(namespace, localName), Objects.requireNonNull(handler, "handler"));
    return with(b().iqHandlers(m).build());
  }

  /** The brief's handler, called for each session's stanzas and lifecycle. */
  public XmppClient handler(XmppHandler handler) {
    return with(b().handler(Objects.requireNonNull(handler, "handler")).build());
  }

  /**
   * A functional handler, as Reactor Netty's {@code handle}: called once each session is ready; the
   * session closes when the returned publisher completes (or fails).
   */
  public XmppClient handle(
      BiFunction<? super XmppInbound, ? super XmppOutbound, ? extends Publisher<Void>> handler) {
    return with(b().handle(Objects.requireNonNull(handler, "handler")).build());
  }

  /** The presence sent once bound (RFC 6121 §4.2); {@code null} sends none. */
  public XmppClient initialPresence(Presence presence) {
    return with(b().initialPresence(presence).build());
  }

  /** How many outbound stanzas may wait to be written (past it, sends fail with overflow). */
  public XmppClient outboundQueueCapacity(int capacity) {
    return with(b().outboundCapacity(atLeastOne(capacity)).build());
  }

  /** How many inbound stanzas may wait for the slowest subscriber before reading stops. */
  public XmppClient inboundCapacity(int capacity) {
    return with(b().inboundCapacity(atLeastOne(capacity)).build());
  }

  /** The {@code xml:lang} of the stream (RFC 6120 §4.7.4). */
  public XmppClient lang(String lang) {
    return with(b().lang(lang).build());
  }

  /** Where timeouts run (by default {@code Schedulers.parallel()}; tests may pass a virtual one). */
  public XmppClient timer(Scheduler timer) {
    return with(b().timer(Objects.requireNonNull(timer, "timer")).build());
  }

  /** Where handlers run (by default {@code Schedulers.boundedElastic()}). */
  public XmppClient handlerScheduler(Scheduler scheduler) {
    return with(b().handlerScheduler(Objects.requireNonNull(scheduler, "scheduler")).build());
  }

  /** The event loops to run on (by default Reactor Netty's shared ones). */
  public XmppClient runOn(LoopResources loops) {
    return with(b().loops(Objects.requireNonNull(loops, "loops")).build());
  }

  /** How Stream Management (XEP-0198) is used; by default it is, with resumption. */
  public XmppClient streamManagement(SmSettings sm) {
    return with(b().sm(Objects.requireNonNull(sm, "sm")).build());
  }

  /**
   * How to reconnect when the connection is lost: a Reactor {@link Retry} over the failures of
   * reconnection attempts. The default is {@link #defaultReconnect}: exponential backoff from 250 ms
   * to 30 s with 50% jitter, for ever. Failures that retrying cannot mend end the session at once
   * whatever the spec: authentication refused (other than temporary-auth-failure), a TLS refusal, and
   * a {@code conflict} stream error (another session took the resource). {@code Retry.max(0)} never
   * reconnects.
   */
  public XmppClient reconnect(Retry retry) {
    return with(b().reconnect(Objects.requireNonNull(retry, "retry")).build());
  }

  /** The default reconnection spec, with its timers on {@code timer}. */
  public static Retry defaultReconnect(Scheduler timer) {
    return Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(250))
        .maxBackoff(Duration.ofSeconds(30))
        .jitter(0.5)
        .scheduler(timer);
  }

  /** How a dead connection is noticed ({@link Keepalive#defaults()}). */
  public XmppClient keepalive(Keepalive keepalive) {
    return with(b().keepalive(Objects.requireNonNull(keepalive, "keepalive")).build());
  }

  /** The configuration, for modules built on the client (roster, test kit). */
  ClientSettings settings() {
    return s;
  }

  /**
   * This client's TLS context, built at the first call and shared by all its connections and by the
   * copies that keep its TLS settings.
   *
   * @throws dev.xmppreactive.tls.TlsException if the trust or key material cannot be loaded
   */
  XmppTlsContext tlsContext() {
    return tls.get();
  }

  /**
   * Connects, secures the stream, authenticates and binds a resource.
   *
   * <p>Threading: the session is signalled on a connection event loop. Backpressure: one value.
   * Errors: {@link XmppConnectException} (no reachable address), {@code TlsException} (TLS refused,
   * certificate not trusted, identity mismatch), {@code SaslException} (authentication failed),
   * {@link NegotiationException}, {@code StreamErrorException}, or a {@code TimeoutException} when
   * the negotiation timeout passes.
   */
  public Mono<XmppSession> connect() {
    return Mono.defer(() -> {
      Connector connector = new Connector(s, tls.get());
      SaslSettings sasl = s.effectiveSasl();
      return connector.connectAndSecure()
          .flatMap(n -> n.authenticate(sasl, s.jid(), smRequest())
              .map(result -> Map.entry(n, result)))
          .timeout(s.negotiationTimeout(), s.timer())
          .map(done -> startSession(connector, sasl, s.jid(), done.getKey().connection(),
              done.getValue()));
    });
  }

  /** What to ask of Stream Management when a new stream is bound. */
  SmRequest smRequest() {
    return s.sm().enabled() ? SmRequest.enable(s.sm().maxResumption()) : SmRequest.none();
  }

  /** Creates the session on a negotiated connection and wires the handlers before anything flows. */
  XmppSession startSession(Connector connector, SaslSettings sasl, Jid account,
                           XmppConnection connection, Negotiated result) {
    Retry spec = s.reconnect() != null ? s.reconnect() : defaultReconnect(s.timer());
    Reconnector reconnector = new Reconnector(connector, sasl, account, spec,
        s.negotiationTimeout(), s.timer());
    Session session = new Session(s, sess -> new IqRouter(s.iqHandlers(),
        s.handler() == null ? null : IqHandler.of(iq -> s.handler().onIq(sess, iq)),
        s.handlerScheduler()), reconnector);
    session.negotiated(result);
    Handlers.attach(session, s);
    session.start(connection, result);
    return session;
  }

  private static Duration positive(Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("a timeout must be positive: " + d);
    }
    return d;
  }

  private static int atLeastOne(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("a capacity must be at least 1: " + n);
    }
    return n;
  }
}
