package dev.xmppreactive.client;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.sasl.SaslSettings;
import dev.xmppreactive.stanza.Iq;
import dev.xmppreactive.stanza.Message;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.scheduler.Schedulers;

/**
 * The synchronous API of the original brief, on top of the reactive client:
 *
 * <pre>{@code
 * try (BlockingXmppClient c = new BlockingXmppClient(handler)) {
 *   c.connect("localhost", 52222);     // TCP, stream, STARTTLS
 *   c.auth("user", "pass");            // SASL, resource binding, initial presence
 *   c.sendMessage(Message.builder().from(c.jid()).to(Jid.of("romeo@localhost")).id("m1")
 *       .body("The quick brown fox…").build());
 *   Message reply = c.pollMessage(Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>Every method blocks the calling thread. Called on a thread Reactor marks as non-blocking (an
 * event loop, {@code Schedulers.parallel()}), each throws {@link IllegalStateException} at once, as
 * Reactor's {@code block()} does. The client is an active object: the session runs on its own event
 * loop whatever the caller does; received messages wait in a bounded queue
 * ({@link #MESSAGE_QUEUE_CAPACITY}) for {@link #takeMessage()}; while it is full, the session stops
 * reading. A handler, if given, sees every stanza as well.
 *
 * <p>Not thread-safe for {@code connect}/{@code auth}/{@code close}; sending, requesting and taking
 * messages may be done from several threads.
 */
public final class BlockingXmppClient implements AutoCloseable {

  /** How many received messages wait for {@link #takeMessage()} before the session stops reading. */
  public static final int MESSAGE_QUEUE_CAPACITY = 1024;

  private final XmppClient base;
  private final BlockingQueue<Message> messages = new ArrayBlockingQueue<>(MESSAGE_QUEUE_CAPACITY);
  private Negotiator negotiator;
  private Connector connector;
  private XmppClient configured;
  private XmppSession session;
  private MessageTaker taker;

  /** A client with the defaults. */
  public BlockingXmppClient() {
    this(XmppClient.create());
  }

  /** A client whose sessions the brief's handler also sees. */
  public BlockingXmppClient(XmppHandler handler) {
    this(XmppClient.create(handler));
  }

  /**
   * A client with a configuration of its own (trust, TLS, timeouts, a handler, the account's JID or
   * domain). {@link #connect} sets the host and port; {@link #auth} the credentials.
   */
  public BlockingXmppClient(XmppClient base) {
    this.base = Objects.requireNonNull(base, "base");
  }

  /**
   * Opens the connection to {@code host:port} and secures the stream (STARTTLS unless the base
   * client says direct TLS). The XMPP domain is that of the base client's JID, if it has one, or else
   * {@code host}.
   *
   * <p>Errors: as {@link XmppClient#connect()} ({@link XmppConnectException}, {@code TlsException},
   * {@link NegotiationException}...), thrown.
   */
  public void connect(String host, int port) {
    requireBlockingAllowed();
    if (negotiator != null || session != null) {
      throw new IllegalStateException("already connected");
    }
    XmppClient c = base.host(host).port(port);
    if (c.settings().jid() == null) {
      c = c.jid(Jid.domain(host));
    }
    ClientSettings s = c.settings();
    Connector connector = new Connector(s, c.tlsContext());
    this.negotiator = connector.connectAndSecure().timeout(s.negotiationTimeout(), s.timer()).block();
    this.configured = c;
    this.connector = connector;
  }

  /**
   * Authenticates as {@code username} ({@code user} or {@code user@domain}) with the password, binds a
   * resource and starts the session.
   *
   * @throws dev.xmppreactive.sasl.SaslException if the server refuses the credentials
   */
  public void auth(String username, String password) {
    requireBlockingAllowed();
    if (negotiator == null) {
      throw new IllegalStateException("connect(host, port) first");
    }
    ClientSettings s = configured.settings();
    String domain = s.domain();
    Jid account = username.indexOf('@') >= 0 ? Jid.of(username) : Jid.of(username, domain,
        s.jid().resourcepart());
    if (!account.domainpart().equals(domain)) {
      throw new IllegalArgumentException("the account " + account + " is not of the domain "
          + domain + " this client connected to");
    }
    XmppClient withCredentials = configured.credentials(account, password);
    SaslSettings sasl = s.sasl() != null ? s.sasl().withPassword(account.localpart(), password)
        : SaslSettings.password(account.localpart(), password);
    Negotiated result = negotiator.authenticate(sasl, account, withCredentials.smRequest())
        .timeout(s.negotiationTimeout(), s.timer()).block();
    XmppSession started = withCredentials.startSession(connector, sasl, account,
        negotiator.connection(), result);
    this.negotiator = null;
    this.session = started;
    this.taker = new MessageTaker();
    started.messages().subscribe(taker);
  }

  /** The bound JID, once {@link #auth} succeeded. */
  public Jid jid() {
    return session().jid();
  }

  /** The reactive session underneath, once {@link #auth} succeeded. */
  public XmppSession session() {
    if (session == null) {
      throw new IllegalStateException("not authenticated: call connect(host, port) and auth(user, pass)");
    }
    return session;
  }

  /** Sends a message and returns once it is written to the socket. */
  public void sendMessage(Message message) {
    requireBlockingAllowed();
    session().send(message).block();
  }

  /**
   * Sends an IQ request and returns its reply.
   *
   * @throws dev.xmppreactive.stanza.StanzaErrorException for an error reply
   * @throws IqTimeoutException when no reply comes within {@code timeout}
   */
  public Iq request(Iq iq, Duration timeout) {
    requireBlockingAllowed();
    return session().request(iq, timeout).block();
  }

  /** Waits for the next received message. */
  public Message takeMessage() throws InterruptedException {
    requireBlockingAllowed();
    session();
    Message m = messages.take();
    taker.taken();
    return m;
  }

  /** Waits up to {@code timeout} for the next received message; {@code null} if none came. */
  public Message pollMessage(Duration timeout) throws InterruptedException {
    requireBlockingAllowed();
    session();
    Message m = messages.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    if (m != null) {
      taker.taken();
    }
    return m;
  }

  /** Closes the session gracefully (or the half-negotiated connection). */
  @Override
  public void close() {
    requireBlockingAllowed();
    if (session != null) {
      session.close().block();
    } else if (negotiator != null) {
      negotiator.connection().close();
      negotiator = null;
    }
  }

  private static void requireBlockingAllowed() {
    if (Schedulers.isInNonBlockingThread()) {
      throw new IllegalStateException("BlockingXmppClient is blocking, which is not supported in "
          + "thread " + Thread.currentThread().getName());
    }
  }

  /** Moves messages into the bounded queue, asking for one more for each one taken. */
  private final class MessageTaker extends BaseSubscriber<Message> {
    @Override
    protected void hookOnSubscribe(Subscription s) {
      s.request(MESSAGE_QUEUE_CAPACITY);
    }

    @Override
    protected void hookOnNext(Message m) {
      if (!messages.offer(m)) {
        throw new IllegalStateException("message queue overflow: more than requested arrived");
      }
    }

    void taken() {
      request(1);
    }
  }
}
