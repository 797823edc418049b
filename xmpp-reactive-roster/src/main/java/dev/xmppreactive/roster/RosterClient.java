package dev.xmppreactive.roster;

import dev.xmppreactive.client.XmppClient;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.router.IqHandler;
import dev.xmppreactive.stanza.Presence;
import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * An {@link XmppClient} with a roster: an immutable configuration in the style of the client itself
 * (each setter returns a new one). {@link #connect()} gives a {@link Roster} once the session is
 * bound, the roster fetched and the initial presence sent, in the order RFC 6121 §2.2 and §4.2.1
 * recommend (roster first, then presence).
 *
 * <pre>{@code
 * Roster roster = RosterClient.of(XmppClient.create().credentials(jid, password))
 *     .store(RosterStore.file(Path.of("bot-roster.xml")))
 *     .subscriptionPolicy(SubscriptionPolicy.ACCEPT_ALL)
 *     .initialPresence(Presence.builder().status("at your service").priority(5).build())
 *     .connect()
 *     .block();
 * }</pre>
 *
 * <p>How it hooks into the client, per connection and with no global state: each {@code connect()}
 * derives a client from the one given, with an IQ handler for {@code jabber:iq:roster} that answers
 * pushes (a result for those from the account, {@code service-unavailable} for anyone else, §2.1.6),
 * with no initial presence of the core's own (this sends it, after the roster), and with the
 * {@link RosterHandler} if one is set; then it attaches the roster to the new session before the
 * roster is requested.
 *
 * <p>Defaults: an in-memory {@link RosterStore} shared by the sessions of this configuration (and of
 * the copies made from it), {@link SubscriptionPolicy#MANUAL}, an initial presence of plain
 * availability, a 30 s fetch timeout, a 5 s wait for the push that follows a roster set, feeds of
 * 1,024 changes per subscriber, 1,000 pending subscription requests at most, timers on
 * {@code Schedulers.parallel()}, handler callbacks on {@code Schedulers.boundedElastic()}.
 */
public final class RosterClient {

  private final XmppClient client;
  private final RosterSettings s;

  private RosterClient(XmppClient client, RosterSettings s) {
    this.client = client;
    this.s = s;
  }

  /** A roster client on this XMPP client, with the defaults (and a new in-memory store). */
  public static RosterClient of(XmppClient client) {
    return new RosterClient(Objects.requireNonNull(client, "client"), new RosterSettings(
        RosterStore.inMemory(), SubscriptionPolicy.MANUAL, Presence.available(), null,
        XmppClient.DEFAULT_REQUEST_TIMEOUT, Duration.ofSeconds(5), 1024, 1000,
        Schedulers.parallel(), Schedulers.boundedElastic()));
  }

  /** The XMPP client underneath, as given (without what {@link #connect()} adds). */
  public XmppClient client() {
    return client;
  }

  /** Changes the XMPP client underneath (credentials, resource, TLS...). */
  public RosterClient client(UnaryOperator<XmppClient> change) {
    return new RosterClient(Objects.requireNonNull(change.apply(client), "client"), s);
  }

  /** Where the roster is kept between sessions (§2.6); by default in memory. */
  public RosterClient store(RosterStore store) {
    return new RosterClient(client, s.withStore(Objects.requireNonNull(store, "store")));
  }

  /** How inbound subscription requests are answered (§3.1.4); by default left to the application. */
  public RosterClient subscriptionPolicy(SubscriptionPolicy policy) {
    return new RosterClient(client, s.withPolicy(Objects.requireNonNull(policy, "policy")));
  }

  /**
   * The initial presence (§4.2.1), with its show, status and priority; {@code null} sends none (the
   * resource is then "connected" but not "available": no presence, no subscription requests). It
   * replaces the XMPP client's own {@code initialPresence}.
   *
   * @throws IllegalArgumentException if it has a 'to' or a type other than available
   */
  public RosterClient initialPresence(Presence presence) {
    if (presence != null && (presence.to() != null || presence.type() != Presence.Type.AVAILABLE)) {
      throw new IllegalArgumentException("an initial presence is available and has no 'to'");
    }
    return new RosterClient(client, s.withInitialPresence(presence));
  }

  /**
   * The handler with roster callbacks; it is also the XMPP client's handler (replacing one set there).
   */
  public RosterClient handler(RosterHandler handler) {
    return new RosterClient(client, s.withHandler(Objects.requireNonNull(handler, "handler")));
  }

  /** How long a roster fetch may take. */
  public RosterClient fetchTimeout(Duration timeout) {
    return new RosterClient(client, s.withFetchTimeout(positive(timeout)));
  }

  /** How long a roster set waits, after its result, for the push that shows the change. */
  public RosterClient pushWait(Duration wait) {
    return new RosterClient(client, s.withPushWait(positive(wait)));
  }

  /** How many changes each subscriber of a feed may let wait before it is dropped. */
  public RosterClient feedCapacity(int capacity) {
    return new RosterClient(client, s.withFeedCapacity(atLeastOne(capacity)));
  }

  /** How many subscription requests may wait for the application's answer. */
  public RosterClient maxPendingRequests(int max) {
    return new RosterClient(client, s.withMaxPendingRequests(atLeastOne(max)));
  }

  /** Where timeouts run (tests may pass a virtual-time scheduler, with the client's {@code timer}). */
  public RosterClient timer(Scheduler timer) {
    return new RosterClient(client, s.withTimer(Objects.requireNonNull(timer, "timer")));
  }

  /** Where the handler's roster callbacks run. */
  public RosterClient handlerScheduler(Scheduler scheduler) {
    return new RosterClient(client, s.withHandlerScheduler(Objects.requireNonNull(scheduler,
        "scheduler")));
  }

  /**
   * Connects (as {@link XmppClient#connect()}), fetches the roster and sends the initial presence.
   * If the fetch fails, the session is closed.
   *
   * <p>Threading: the roster is signalled on a connection's event loop (or the store's thread).
   * Backpressure: one value. Errors: those of {@link XmppClient#connect()}; for the fetch,
   * {@code StanzaErrorException} or {@code IqTimeoutException}.
   */
  public Mono<Roster> connect() {
    return Mono.defer(() -> {
      Sinks.One<Jid> account = Sinks.one();
      XmppClient c = client.initialPresence(null)
          .iqHandler(RosterCodec.NS, "query", pushAnswer(account));
      if (s.handler() != null) {
        c = c.handler(s.handler());
      }
      return c.connect().flatMap(session -> {
        account.tryEmitValue(session.jid());
        return RosterRuntime.start(session, s)
            .onErrorResume(e -> session.close().then(Mono.error(e)));
      });
    });
  }

  /**
   * Answers roster requests in the router (RFC 6120 §8.2.3 wants every set answered): a result for a
   * push from the account, an error otherwise (§2.1.6); the pipeline applies what is accepted.
   */
  private IqHandler pushAnswer(Sinks.One<Jid> account) {
    return iq -> account.asMono()
        .timeout(s.fetchTimeout(), s.timer())
        .map(a -> RosterPush.reply(iq, RosterPush.check(iq, a)));
  }

  private static Duration positive(Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("a duration must be positive: " + d);
    }
    return d;
  }

  private static int atLeastOne(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("must be at least 1: " + n);
    }
    return n;
  }
}
