package dev.xmppreactive.test;

import dev.xmppreactive.client.XmppClient;
import dev.xmppreactive.codec.XmlStreamDecoder;
import dev.xmppreactive.codec.XmlStreamEncoder;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Message;
import dev.xmppreactive.tls.TlsPolicy;
import dev.xmppreactive.tls.TlsTrust;
import io.netty.channel.ChannelOption;
import io.netty.handler.ssl.SslContext;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.NettyPipeline;
import reactor.netty.tcp.TcpServer;

/**
 * A test server that runs: where it listens, what a client needs to trust it, ready clients for its
 * accounts, its accounts and rosters at run time, and its sessions for scripting. Close it to stop it
 * (its sessions end with {@code system-shutdown}). Thread-safe.
 */
public final class RunningServer implements AutoCloseable {

  private final ServerCore core;
  private final DisposableServer server;
  private final TestCertificate certificate;
  private final Duration startup;

  private RunningServer(ServerCore core, DisposableServer server, TestCertificate certificate,
                        Duration startup) {
    this.core = core;
    this.server = server;
    this.certificate = certificate;
    this.startup = startup;
  }

  static RunningServer start(ServerConfig c) {
    long t0 = System.nanoTime();
    TestCertificate cert = c.tls == TlsRequirement.DISABLED ? null
        : c.certificate != null ? c.certificate : TestCertificate.generate(c.domain);
    SslContext ssl = cert == null ? null : cert.serverContext();
    ServerCore core = new ServerCore(c, ssl);
    TcpServer tcp = TcpServer.create()
        .host(c.host)
        .port(c.port)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .doOnChannelInit((observer, channel, remote) -> {
          XmlStreamDecoder decoder = new XmlStreamDecoder(c.limits, false);
          channel.pipeline()
              .addBefore(NettyPipeline.ReactiveBridge, "xmpp-decoder", decoder)
              .addBefore(NettyPipeline.ReactiveBridge, "xmpp-encoder", new XmlStreamEncoder())
              .addBefore(NettyPipeline.ReactiveBridge, "xmpp-server",
                  new ConnectionHandler(core, decoder));
        })
        // The connection handler consumes every inbound object; this lives as long as the channel.
        .handle((in, out) -> in.receiveObject().then());
    if (c.loops != null) {
      tcp = tcp.runOn(c.loops);
    }
    DisposableServer bound;
    try {
      bound = tcp.bindNow(Duration.ofSeconds(10));
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot bind the test server to " + c.host + ":" + c.port, e);
    }
    return new RunningServer(core, bound, cert, Duration.ofNanos(System.nanoTime() - t0));
  }

  /** The XMPP domain served. */
  public String domain() {
    return core.domain().toString();
  }

  /** The address it listens on. */
  public String host() {
    return server.host();
  }

  /** The port it listens on. */
  public int port() {
    return server.port();
  }

  /** How long {@link XmppTestServer#start()} took, certificate generation included. */
  public Duration startupTime() {
    return startup;
  }

  /**
   * The certificate the server presents.
   *
   * @throws IllegalStateException if TLS is disabled
   */
  public TestCertificate certificate() {
    if (certificate == null) {
      throw new IllegalStateException("TLS is disabled on this test server");
    }
    return certificate;
  }

  /**
   * The trust an {@code XmppClient} needs for this server.
   *
   * @throws IllegalStateException if TLS is disabled
   */
  public TlsTrust trust() {
    return certificate().trust();
  }

  /**
   * The PEM text of the CA to trust, for clients configured from files.
   *
   * @throws IllegalStateException if TLS is disabled
   */
  public String trustAnchorPem() {
    return certificate().trustAnchorPem();
  }

  /**
   * The bare JID of an account.
   *
   * @throws IllegalArgumentException if the username is not a valid localpart
   */
  public Jid jid(String user) {
    return Jid.of(Accounts.normalize(user), domain(), null);
  }

  /**
   * A client for an account, configured for this server: its host and port (no DNS), its trust
   * (or, when TLS is disabled, a policy that allows cleartext), the account's credentials. Change it
   * further as any {@link XmppClient}.
   *
   * @throws IllegalArgumentException if there is no such account
   */
  public XmppClient clientFor(String user) {
    Accounts.Account account = core.accounts().get(Accounts.normalize(user));
    if (account == null) {
      throw new IllegalArgumentException("no account " + user + " on " + domain());
    }
    XmppClient client = XmppClient.create()
        .credentials(jid(account.username), account.password)
        .host(host())
        .port(port());
    if (certificate == null) {
      return client.tls(t -> t.withPolicy(TlsPolicy.INSECURE_DISABLED));
    }
    TlsTrust trust = certificate.trust();
    return client.tls(t -> t.withTrust(trust));
  }

  /** As {@link #clientFor(String)}, asking to bind this resource. */
  public XmppClient clientFor(String user, String resource) {
    return clientFor(user).resource(resource);
  }

  // ---- accounts ----

  /**
   * Adds an account, or changes the password of an existing one (its sessions go on).
   *
   * @throws IllegalArgumentException if the username or password is not valid
   */
  public RunningServer addUser(String user, String password) {
    core.addUser(user, password);
    return this;
  }

  /**
   * Removes an account: its sessions end with a {@code not-authorized} stream error, its roster and
   * offline messages go.
   *
   * @return whether it existed
   */
  public boolean removeUser(String user) {
    return core.removeUser(user);
  }

  /** The usernames, sorted. */
  public List<String> users() {
    return core.accounts().usernames();
  }

  // ---- rosters ----

  /** An account's roster as the server holds it now. */
  public List<RosterEntry> roster(String user) {
    return core.rosterOf(user);
  }

  /**
   * Sets a roster item directly, as test setup (no presence stanzas are exchanged); the account's
   * interested resources get a roster push.
   */
  public RunningServer putRosterEntry(String user, RosterEntry entry) {
    core.putRosterEntry(user, Objects.requireNonNull(entry, "entry"));
    return this;
  }

  /**
   * Makes two accounts mutual contacts with a {@code both} subscription, as test setup: each is in
   * the other's roster, and their presence goes to each other from the next broadcast on.
   */
  public RunningServer befriend(String user, String other) {
    putRosterEntry(user, new RosterEntry(jid(other), null, Subscription.BOTH, false, List.of()));
    putRosterEntry(other, new RosterEntry(jid(user), null, Subscription.BOTH, false, List.of()));
    return this;
  }

  /** The messages held offline for an account (RFC 6121 §8.5.2.2.1), oldest first. */
  public List<Message> offlineMessages(String user) {
    return core.offline(Accounts.normalize(user));
  }

  // ---- sessions ----

  /**
   * Every session bound on this server, from the first (the last 1000 are replayed to each
   * subscriber) and then as they bind.
   *
   * <p>Threading: live sessions are signalled on the event loop that bound them. Backpressure:
   * replayed from a bounded buffer. Errors: none; completes when the server closes.
   */
  public Flux<TestSession> sessions() {
    return core.bound().asFlux();
  }

  /**
   * The first session of the account that has not ended, or the next one to bind.
   *
   * <p>Threading: as {@link #sessions()}. Backpressure: one value. Errors: none; empty if the server
   * closes first.
   */
  public Mono<TestSession> session(String user) {
    String u = Accounts.normalize(user);
    return sessions().filter(s -> s.user().equals(u) && !s.isEnded()).next();
  }

  /**
   * The session bound to this full JID, when it is (or is) bound and has not ended.
   *
   * <p>Threading, backpressure and errors: as {@link #session(String)}.
   */
  public Mono<TestSession> session(Jid fullJid) {
    Objects.requireNonNull(fullJid, "fullJid");
    return sessions().filter(s -> s.jid().equals(fullJid) && !s.isEnded()).next();
  }

  /** The sessions bound now (resumable ones waiting for their client included). */
  public List<TestSession> liveSessions() {
    return core.allSessions();
  }

  /**
   * Stops the server: sessions end with {@code system-shutdown}, clients get a few seconds at most to
   * close their streams, the port is released.
   */
  @Override
  public void close() {
    try {
      // Each client gets its stream error and a moment to close its stream (RFC 6120 §4.4).
      core.shutdown().block(Wire.LINGER.plusSeconds(1));
    } catch (RuntimeException e) {
      // a connection that did not close in time is closed below
    }
    server.disposeNow(Duration.ofSeconds(5));
  }

  @Override
  public String toString() {
    return "RunningServer[" + domain() + " at " + host() + ":" + port() + "]";
  }
}
