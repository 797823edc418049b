package dev.xmppreactive.roster;

import dev.xmppreactive.client.IqTimeoutException;
import dev.xmppreactive.client.SessionClosedException;
import dev.xmppreactive.client.SessionEvent;
import dev.xmppreactive.client.XmppSession;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Iq;
import dev.xmppreactive.stanza.Presence;
import dev.xmppreactive.stanza.Stanza;
import dev.xmppreactive.stanza.StanzaErrorException;
import dev.xmppreactive.stanza.StanzaIds;
import dev.xmppreactive.xml.XmlElement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Runs a {@link Roster} on its session: one ordered pipeline over the session's inbound stanzas
 * (roster results and pushes, subscription and availability presence, in the order the server sent
 * them) and its lifecycle events.
 *
 * <p>The roster get is sent with {@code send}, not {@code request}, and its result is taken from the
 * inbound stanzas: so a result and the pushes around it are applied in the order the server sent
 * them (RFC 6121 §2.6.3), never a push that came before a result after it.
 *
 * <p>After a reconnection on a new stream, the roster is brought up to date with its version (§2.6),
 * contacts' presence is learnt again, and the user's presence is sent again once the roster is
 * current (§2.2, §4.2.1). After a resumed stream (XEP-0198) nothing is fetched: nothing was lost.
 */
final class RosterRuntime {

  private static final Logger log = LoggerFactory.getLogger(RosterRuntime.class);

  private final XmppSession session;
  private final RosterSettings settings;
  private final Jid account;
  private final RosterBook book;
  private final Subscriptions subscriptions;
  private final Presences presences;
  private final Roster roster;
  private final Map<String, Sinks.Empty<Void>> fetches = new ConcurrentHashMap<>();
  private final Disposable.Composite running = Disposables.composite();

  private RosterRuntime(XmppSession session, RosterSettings s, RosterSnapshot initial) {
    this.session = session;
    this.settings = s;
    this.account = session.jid().bare();
    this.subscriptions = new Subscriptions(session, s.policy(), s.feedCapacity(),
        s.maxPendingRequests());
    this.book = new RosterBook(initial, s.feedCapacity(), new StoreSaver(s.store(), account),
        this::afterChange);
    this.presences = new Presences(session, s.initialPresence(), s.feedCapacity(),
        bare -> bare.equals(account) || book.contains(bare));
    this.roster = new Roster(session, this, book, subscriptions, presences);
  }

  /**
   * Loads the stored roster, starts the pipeline, fetches the roster and sends the initial presence.
   *
   * <p>Errors: those of the first fetch ({@link StanzaErrorException}, {@link IqTimeoutException}).
   */
  static Mono<Roster> start(XmppSession session, RosterSettings s) {
    Jid account = session.jid().bare();
    return Mono.defer(() -> s.store().load(account))
        .onErrorResume(e -> {
          log.warn("could not load the roster of {} from {}: fetching it whole", account, s.store(), e);
          return Mono.empty();
        })
        .defaultIfEmpty(RosterSnapshot.EMPTY)
        .flatMap(initial -> new RosterRuntime(session, s, initial).begin());
  }

  private Mono<Roster> begin() {
    running.add(session.receive().subscribe(this::onStanza, this::ended, () -> ended(null)));
    running.add(session.events().subscribe(this::onEvent));
    HandlerDispatch dispatch = settings.handler() == null ? null
        : new HandlerDispatch(roster, settings.handler(), settings.handlerScheduler());
    if (dispatch != null) {
      running.add(dispatch);
    }
    return fetch()
        .then(presences.announce())
        .doOnSuccess(v -> {
          if (dispatch != null) {
            dispatch.ready();
          }
        })
        .thenReturn(roster);
  }

  RosterSettings settings() {
    return settings;
  }

  /** Fetches the roster with its version where the server offers versioning (§2.6.2). */
  Mono<Void> fetch() {
    return Mono.defer(() -> {
      String ver = session.features().rosterVersioning()
          ? (book.version() == null ? "" : book.version()) : null;
      Iq get = RosterCodec.get(ver).withId(StanzaIds.random());
      Sinks.Empty<Void> done = Sinks.empty();
      fetches.put(get.id(), done);
      return session.send(get)
          .then(done.asMono())
          .timeout(settings.fetchTimeout(),
              Mono.error(() -> new IqTimeoutException(get, settings.fetchTimeout())), settings.timer())
          .doFinally(sig -> fetches.remove(get.id(), done));
    });
  }

  private void onStanza(Stanza s) {
    try {
      if (s instanceof Iq iq) {
        onIq(iq);
      } else if (s instanceof Presence p) {
        switch (p.type()) {
          case SUBSCRIBE, SUBSCRIBED, UNSUBSCRIBE, UNSUBSCRIBED -> subscriptions.onPresence(p);
          case AVAILABLE, UNAVAILABLE, ERROR -> presences.onPresence(p);
          default -> { } // probes are the server's business
        }
      }
    } catch (RuntimeException e) {
      log.warn("the roster could not process {}", s, e);
    }
  }

  private void onIq(Iq iq) {
    if (RosterPush.isRosterRequest(iq)) {
      RosterPush.Check c = RosterPush.check(iq, account);
      if (c instanceof RosterPush.Accepted a) {
        book.push(a);
      } else {
        log.warn("refused a roster request id='{}' from {}: {}", iq.id(), iq.from(),
            ((RosterPush.Refused) c).reason());
      }
      return;
    }
    if (!iq.isResponse() || iq.id() == null) {
      return;
    }
    Sinks.Empty<Void> fetch = fetches.get(iq.id());
    if (fetch == null || !fromServer(iq.from()) || !fetches.remove(iq.id(), fetch)) {
      return;
    }
    if (iq.type() == Iq.Type.ERROR) {
      fetch.tryEmitError(new StanzaErrorException(iq));
      return;
    }
    XmlElement q = iq.payload();
    if (q != null && q.is("query", RosterCodec.NS)) {
      book.replace(RosterCodec.parseQuery(q)); // §2.1.4
    } // else: an empty result, §2.6.3: the cached roster is current; pushes bring what changed
    fetch.tryEmitEmpty();
  }

  /** The reply to a request without 'to' comes from the server on the account's behalf. */
  private boolean fromServer(Jid from) {
    return from == null || from.equals(account) || from.equals(session.jid())
        || from.equals(account.domainJid());
  }

  private void onEvent(SessionEvent e) {
    if (e instanceof SessionEvent.Suspended) {
      presences.suspend();
    } else if (e instanceof SessionEvent.Resumed) {
      presences.resume();
    } else if (e instanceof SessionEvent.Reconnected r) {
      if (!r.newStream()) {
        presences.resume();
        return;
      }
      presences.newStream();
      running.add(fetch()
          .onErrorResume(err -> {
            log.warn("could not bring the roster of {} up to date after reconnecting", account, err);
            return Mono.empty();
          })
          .then(presences.announce())
          .subscribe(null, err -> log.warn("could not send presence after reconnecting", err)));
    } else if (e instanceof SessionEvent.Closed c) {
      ended(c.cause());
    }
  }

  /**
   * A contact that left the roster, or to whose presence the user no longer subscribes, sends no
   * more presence: what is known of it is forgotten (servers do not always send the unavailable
   * presence of §3.3.3 rule 2; Prosody 0.12 does not).
   */
  private void afterChange(RosterChange c) {
    subscriptions.onRosterChange(c);
    boolean had = c.previous() != null && c.previous().subscription().receivesPresence();
    boolean has = c.item() != null && c.item().subscription().receivesPresence();
    if (c.kind() == RosterChange.Kind.REMOVED || had && !has) {
      presences.forget(c.jid().bare());
    }
  }

  private void ended(Throwable cause) {
    for (Sinks.Empty<Void> f : fetches.values()) {
      f.tryEmitError(new SessionClosedException("the session ended before the roster came", cause));
    }
    book.feed().complete();
    subscriptions.close();
    presences.close();
    running.dispose();
  }
}
