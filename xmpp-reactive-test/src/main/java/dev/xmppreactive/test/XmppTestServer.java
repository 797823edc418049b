package dev.xmppreactive.test;

import dev.xmppreactive.codec.XmlLimits;
import dev.xmppreactive.jid.Jid;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import reactor.core.scheduler.Scheduler;
import reactor.netty.resources.LoopResources;

/**
 * An in-JVM XMPP server for tests, configured as an immutable value in the style of Reactor Netty's
 * {@code TcpServer}: each setter returns a new configuration, and {@link #start()} binds a server on
 * it, in milliseconds, on a free port by default.
 *
 * <pre>{@code
 * try (RunningServer server = XmppTestServer.create()
 *     .user("alice", "secret")
 *     .user("bot", "secret")
 *     .start()) {
 *   XmppSession alice = server.clientFor("alice").connect().block();
 *   ...
 * }
 * }</pre>
 *
 * <p>What it implements, for real, over TCP with the library's own codec:
 * <ul>
 *   <li>RFC 6120: stream negotiation (§4.3); STARTTLS (§5) with a certificate it generates
 *       ({@link TestCertificate}) and required by default; SASL (§6) with SCRAM-SHA-256 (RFC 7677),
 *       SCRAM-SHA-1 (RFC 5802, on request) and PLAIN (RFC 4616, over TLS only); resource binding (§7),
 *       the server choosing or the client asking, a conflict ending the older session with a
 *       {@code conflict} stream error (§7.7.2.2, as Prosody does); 'from' stamping (§8.1.2.1); stream
 *       errors for what a client gets wrong (§4.9).</li>
 *   <li>RFC 6121: delivery to bare and full JIDs (§8.5: to a bare JID, the available resources of the
 *       highest non-negative priority; chat and normal messages for an account with none are held
 *       offline, up to {@link #offlineLimit(int)}, and delivered with a XEP-0203 delay stamp on its
 *       next initial presence with a non-negative priority); rosters in memory (§2) with versioning
 *       (§2.6, a changed version gets the whole roster), pushes to interested resources; subscriptions
 *       (§3) with their state transitions and pushes; presence (§4): initial presence broadcast to
 *       subscribers and own resources, contacts' presence sent to a new resource (the probe answered
 *       locally), subsequent and unavailable presence, directed presence and its unavailable at
 *       logout.</li>
 *   <li>IQs to the server or an account's bare JID: roster, ping (XEP-0199), disco#info and #items
 *       (XEP-0030), the legacy session request; others {@code service-unavailable}. IQs to full JIDs are
 *       delivered (whether or not the two share presence, as Prosody and ejabberd do).</li>
 *   <li>XEP-0198: acknowledgements ({@code <r/>}, {@code <a/>}), and resumption with the resending of
 *       unacknowledged stanzas; the server asks for an ack once {@link #ackRequestThreshold(int)}
 *       stanzas are unacknowledged.</li>
 * </ul>
 * What it does not: server-to-server (stanzas to other domains get {@code remote-server-not-found}),
 * subscription pre-approval, privacy lists or blocking, MUC, carbons, MAM, registration in-band.
 *
 * <p>For scripting and faults, see {@link TestSession} and {@link StanzaInterceptor}.
 */
public final class XmppTestServer {

  private final ServerConfig c;

  private XmppTestServer(ServerConfig c) {
    this.c = c;
  }

  /** A configuration with the defaults: domain {@code example.test}, no users, TLS required. */
  public static XmppTestServer create() {
    return new XmppTestServer(new ServerConfig());
  }

  private XmppTestServer with(Consumer<ServerConfig> change) {
    ServerConfig n = c.copy();
    change.accept(n);
    return new XmppTestServer(n);
  }

  /**
   * The XMPP domain served; {@code example.test} by default.
   *
   * @throws IllegalArgumentException if it is not a valid ASCII domain
   */
  public XmppTestServer domain(String domain) {
    Jid d = Jid.domain(Objects.requireNonNull(domain, "domain"));
    if (!d.domainpart().matches("[a-z0-9.-]+")) {
      throw new IllegalArgumentException("the test server needs an ASCII domain: " + domain);
    }
    return with(n -> n.domain = d.domainpart());
  }

  /** The address to listen on; {@code 127.0.0.1} by default. */
  public XmppTestServer host(String host) {
    Objects.requireNonNull(host, "host");
    return with(n -> n.host = host);
  }

  /**
   * The port to listen on; 0 (the default) takes a free one.
   *
   * @throws IllegalArgumentException if it is out of range
   */
  public XmppTestServer port(int port) {
    if (port < 0 || port > 0xFFFF) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    return with(n -> n.port = port);
  }

  /**
   * An account. The username is a JID localpart; the password is compared after PRECIS
   * OpaqueString preparation (RFC 8265 §4.2), as clients prepare it.
   *
   * @throws IllegalArgumentException if the username is not a valid localpart, or the password is
   *                                  empty or not allowed by OpaqueString
   */
  public XmppTestServer user(String username, String password) {
    String u = Accounts.normalize(username);
    Accounts.preparePassword(password);
    return with(n -> n.users.put(u, password));
  }

  /** Whether STARTTLS is required (the default), optional or not offered. */
  public XmppTestServer tls(TlsRequirement requirement) {
    Objects.requireNonNull(requirement, "requirement");
    return with(n -> n.tls = requirement);
  }

  /**
   * The SASL mechanisms offered, in this order; by default SCRAM-SHA-256 and PLAIN.
   *
   * @throws IllegalArgumentException if none is given
   */
  public XmppTestServer mechanisms(ServerMechanism... mechanisms) {
    List<ServerMechanism> list = List.of(mechanisms);
    if (list.isEmpty()) {
      throw new IllegalArgumentException("at least one mechanism is needed");
    }
    return with(n -> n.mechanisms = list);
  }

  /** The PBKDF2 iteration count of SCRAM credentials; 4096 by default (RFC 7677 §4's minimum). */
  public XmppTestServer scramIterations(int iterations) {
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be positive: " + iterations);
    }
    return with(n -> n.scramIterations = iterations);
  }

  /** Whether XEP-0198 stream management is offered; on by default. */
  public XmppTestServer streamManagement(boolean offered) {
    return with(n -> n.streamManagement = offered);
  }

  /**
   * How long a resumable session waits for the client to resume it after its connection is lost
   * (XEP-0198 §5, the 'max' of {@code <enabled/>}, in whole seconds); 60 s by default.
   * {@link Duration#ZERO} refuses resumption.
   *
   * @throws IllegalArgumentException if negative
   */
  public XmppTestServer resumptionTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("a timeout cannot be negative: " + timeout);
    }
    return with(n -> n.resumptionTimeout = timeout);
  }

  /**
   * The server sends {@code <r/>} (XEP-0198 §4) once this many stanzas it sent are unacknowledged and
   * it has no request outstanding; 1 (the default) asks after the first, 0 never asks.
   */
  public XmppTestServer ackRequestThreshold(int stanzas) {
    if (stanzas < 0) {
      throw new IllegalArgumentException("a threshold cannot be negative: " + stanzas);
    }
    return with(n -> n.ackRequestThreshold = stanzas);
  }

  /**
   * The most stanzas a stream-managed session may leave unacknowledged; past it a connected session
   * is closed with {@code resource-constraint}, a detached one ends. 1000 by default.
   */
  public XmppTestServer maxUnacknowledged(int stanzas) {
    if (stanzas < 1) {
      throw new IllegalArgumentException("must be positive: " + stanzas);
    }
    return with(n -> n.maxUnacked = stanzas);
  }

  /** Limits on what clients send (RFC 6120 §13.12); by default 256 KiB elements, else the defaults. */
  public XmppTestServer limits(XmlLimits limits) {
    Objects.requireNonNull(limits, "limits");
    return with(n -> n.limits = limits);
  }

  /** An interceptor for every session's inbound stanzas; {@code null} for none. */
  public XmppTestServer intercept(StanzaInterceptor interceptor) {
    return with(n -> n.interceptor = interceptor);
  }

  /**
   * The certificate to present, for example one shared between servers; by default each start
   * generates one.
   *
   * @throws IllegalArgumentException if it is not for this configuration's domain (set the domain
   *                                  first)
   */
  public XmppTestServer certificate(TestCertificate certificate) {
    Objects.requireNonNull(certificate, "certificate");
    if (!certificate.domain().equals(c.domain)) {
      throw new IllegalArgumentException("the certificate is for " + certificate.domain()
          + ", the server for " + c.domain);
    }
    return with(n -> n.certificate = certificate);
  }

  /**
   * The most messages held offline per account (RFC 6121 §8.5.2.2.1); past it they are refused with
   * {@code service-unavailable}, as they all are with 0. 100 by default.
   */
  public XmppTestServer offlineLimit(int messages) {
    if (messages < 0) {
      throw new IllegalArgumentException("cannot be negative: " + messages);
    }
    return with(n -> n.offlineLimit = messages);
  }

  /** How many received stanzas each session keeps for {@link TestSession#received()}; 1000. */
  public XmppTestServer recordLimit(int stanzas) {
    if (stanzas < 1) {
      throw new IllegalArgumentException("must be positive: " + stanzas);
    }
    return with(n -> n.recordLimit = stanzas);
  }

  /** Where the server's timers run (resumption timeouts); {@code Schedulers.parallel()} by default. */
  public XmppTestServer timer(Scheduler timer) {
    Objects.requireNonNull(timer, "timer");
    return with(n -> n.timer = timer);
  }

  /** The event loops to run on; Reactor Netty's shared ones by default. */
  public XmppTestServer runOn(LoopResources loops) {
    Objects.requireNonNull(loops, "loops");
    return with(n -> n.loops = loops);
  }

  /** The domain this configuration serves. */
  public String domain() {
    return c.domain;
  }

  /**
   * Starts a server: generates its certificate (unless one was given), binds the port, and returns
   * once it accepts connections. Close the result to stop it.
   *
   * @throws IllegalStateException if the port cannot be bound
   */
  public RunningServer start() {
    return RunningServer.start(c.copy());
  }
}
