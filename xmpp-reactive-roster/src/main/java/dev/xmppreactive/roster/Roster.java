package dev.xmppreactive.roster;

import dev.xmppreactive.client.XmppSession;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Iq;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The roster of a session (RFC 6121 §2), with its {@link Subscriptions} (§3) and {@link Presences}
 * (§4). Obtained from {@link RosterClient#connect()}, once the roster has been fetched (with its
 * version, §2.6, where the server offers versioning) and the initial presence sent.
 *
 * <pre>{@code
 * RosterClient.of(XmppClient.create().credentials(jid, password))
 *     .store(RosterStore.file(Path.of("roster.xml")))
 *     .connect()
 *     .flatMapMany(roster -> {
 *       roster.snapshot().items().values().forEach(System.out::println);
 *       return roster.changes();
 *     })
 *     .subscribe(change -> System.out.println(change.kind() + " " + change.jid()));
 * }</pre>
 *
 * <p>The roster is the server's: this client changes it with roster sets and learns every change from
 * the server's pushes (§2.1.6), accepted only from the account itself; pushes from anyone else are
 * refused and never applied. Thread-safe.
 */
public final class Roster {

  private final XmppSession session;
  private final RosterRuntime runtime;
  private final RosterBook book;
  private final Subscriptions subscriptions;
  private final Presences presences;

  Roster(XmppSession session, RosterRuntime runtime, RosterBook book, Subscriptions subscriptions,
         Presences presences) {
    this.session = session;
    this.runtime = runtime;
    this.book = book;
    this.subscriptions = subscriptions;
    this.presences = presences;
  }

  /** The session this roster belongs to. */
  public XmppSession session() {
    return session;
  }

  /** Presence subscriptions (§3). */
  public Subscriptions subscriptions() {
    return subscriptions;
  }

  /** The user's presence and the contacts' (§4). */
  public Presences presences() {
    return presences;
  }

  /** The roster now, with its version. */
  public RosterSnapshot snapshot() {
    return book.snapshot();
  }

  /** The item of this JID now. */
  public Optional<RosterItem> item(Jid jid) {
    return snapshot().item(jid);
  }

  /**
   * The changes of the roster, from the moment of subscription, in the order the server made them
   * known (pushes, and the differences a fetch after a reconnection found).
   *
   * <p>"The moment of subscription" is when {@code subscribe} returns, not when
   * {@code onSubscribe} runs: to see the push that an action of yours causes, subscribe first and
   * act after (for example {@code changes().filter(...).next().toFuture()}, then the action), not
   * from {@code doOnSubscribe}.
   *
   * <p>Threading: signals on the thread that delivers the session's inbound stanzas (an event loop;
   * do not block, use {@code publishOn}), or on the subscriber's requesting thread for buffered ones.
   * Backpressure: each subscriber has a buffer of the configured feed capacity; past it, that
   * subscriber gets what its buffer holds, then fails with
   * {@link ChangeOverflowException} (read {@link #snapshot()} to catch up).
   * Errors: only that; completes when the session ends.
   */
  public Flux<RosterChange> changes() {
    return book.feed().flux();
  }

  /**
   * Adds an item or replaces one, exactly as given: its name and groups (a roster set, §2.3, §2.4;
   * the subscription state is the server's and is not sent). Completes once the server has accepted
   * it and its push has been applied (so {@link #snapshot()} shows it), or, should no push come, the
   * configured push wait after the result.
   *
   * <p>Threading: completes on a connection's event loop or the timer. Backpressure: not applicable.
   * Errors: {@code StanzaErrorException} for the server's refusal (§2.3.3: {@code forbidden},
   * {@code bad-request}, {@code not-acceptable}, ...), {@code IqTimeoutException},
   * {@code SessionClosedException}.
   */
  public Mono<Void> set(RosterItem item) {
    Objects.requireNonNull(item, "item");
    return roundTrip(item.jid(), RosterCodec.set(item));
  }

  /**
   * Adds a contact with a name ({@code null} for none) and groups (§2.3).
   *
   * <p>Threading, backpressure and errors: as {@link #set(RosterItem)}.
   */
  public Mono<Void> add(Jid jid, String name, String... groups) {
    return set(RosterItem.of(jid, name, groups));
  }

  /**
   * Updates an item (§2.4): its name and groups as the function makes them from the item now.
   *
   * <p>Threading, backpressure and errors: as {@link #set(RosterItem)}; also
   * {@code IllegalArgumentException} if there is no such item or the function changes the JID.
   */
  public Mono<Void> update(Jid jid, UnaryOperator<RosterItem> change) {
    Objects.requireNonNull(change, "change");
    return Mono.defer(() -> {
      RosterItem now = item(jid).orElseThrow(() ->
          new IllegalArgumentException("no roster item for " + jid));
      RosterItem next = Objects.requireNonNull(change.apply(now), "the updated item");
      if (!next.jid().equals(jid)) {
        throw new IllegalArgumentException("an update cannot change the JID: " + next.jid());
      }
      return set(next);
    });
  }

  /**
   * Removes an item (§2.5); the server also ends the subscriptions both ways.
   *
   * <p>Threading, backpressure and errors: as {@link #set(RosterItem)}; {@code item-not-found} for
   * an item that is not there (§2.5.3).
   */
  public Mono<Void> remove(Jid jid) {
    Objects.requireNonNull(jid, "jid");
    return roundTrip(jid, RosterCodec.remove(jid));
  }

  private Mono<Void> roundTrip(Jid jid, Iq set) {
    return Mono.defer(() -> {
      Sinks.Empty<Void> pushed = book.register(jid);
      return session.request(set)
          .then(pushed.asMono().timeout(runtime.settings().pushWait(), Mono.empty(),
              runtime.settings().timer()))
          .doFinally(sig -> book.unregister(jid, pushed));
    });
  }

  /**
   * Fetches the roster again, with its version where the server offers versioning (§2.6.2): the
   * server answers with what changed (as pushes) or with the whole roster; the differences show in
   * {@link #changes()}.
   *
   * <p>Threading: completes on a connection's event loop or the timer. Backpressure: not applicable.
   * Errors: {@code StanzaErrorException}, {@code IqTimeoutException}.
   */
  public Mono<Void> refresh() {
    return runtime.fetch();
  }

  /**
   * Closes the session (as {@code XmppSession.close()}) and completes once the roster is saved to
   * its store.
   *
   * <p>Threading: any thread. Backpressure: not applicable. Errors: none.
   */
  public Mono<Void> close() {
    return session.close().then(book.saved());
  }
}
