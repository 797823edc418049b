package dev.xmppreactive.roster;

import dev.xmppreactive.client.XmppSession;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Presence;
import dev.xmppreactive.stanza.StanzaIds;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Presence (RFC 6121 §4): the user's own (initial presence, updates, directed presence) and the
 * tracked presence of contacts, per resource.
 *
 * <p>Tracked are the roster's contacts and the account's own resources (§4.2.2: an account is
 * subscribed to itself); presence from anyone else is not tracked (it is still on the session's
 * {@code presences()}). When the session's stream is lost, every contact's presence becomes unknown
 * ({@link PresenceChange.Kind#UNKNOWN}); a resumed stream (XEP-0198) restores it, a new stream learns
 * it again from the server. Thread-safe.
 */
public final class Presences {

  private final XmppSession session;
  private final Predicate<Jid> tracked;
  private final Object lock = new Object();
  private final PresenceTable table = new PresenceTable();
  private final Feed<PresenceChange> feed;
  private volatile Presence current;

  Presences(XmppSession session, Presence initial, int capacity, Predicate<Jid> tracked) {
    this.session = session;
    this.current = initial;
    this.tracked = tracked;
    this.feed = new Feed<>("presence changes", capacity);
  }

  // ---- the user's own presence ----

  /**
   * The user's broadcast presence: the initial presence, or the last one {@link #set}; {@code null}
   * once unavailable (or if the client was configured to send none). It is sent again on each new
   * stream after a reconnection, once the roster is up to date (§4.2.1).
   */
  public Presence current() {
    return current;
  }

  /**
   * Broadcasts a presence update (§4.4.1), or unavailable presence (§4.5.1), which ends the presence
   * session until the next update. It becomes {@link #current()} when subscribed to.
   *
   * <p>Threading: completes on the connection's event loop. Backpressure: not applicable. Errors:
   * as {@code XmppSession.send}.
   *
   * @throws IllegalArgumentException if the presence has a 'to' (see {@link #sendDirected}) or is
   *                                  not of type available or unavailable
   */
  public Mono<Void> set(Presence presence) {
    Objects.requireNonNull(presence, "presence");
    if (presence.to() != null) {
      throw new IllegalArgumentException("a broadcast presence has no 'to': use sendDirected");
    }
    checkAvailability(presence);
    Presence p = presence.id() == null ? presence.withId(StanzaIds.random()) : presence;
    return Mono.defer(() -> {
      current = p.type() == Presence.Type.AVAILABLE ? p : null;
      return session.send(p);
    });
  }

  /**
   * Broadcasts availability with a show, a status (or {@code null}) and a priority (§4.7.2).
   *
   * <p>Threading, backpressure and errors: as {@link #set(Presence)}.
   *
   * @throws IllegalArgumentException if the priority is outside -128..127
   */
  public Mono<Void> set(Presence.Show show, String status, int priority) {
    Presence.Builder b = Presence.builder().show(show).priority(priority);
    if (status != null) {
      b.status(status);
    }
    return set(b.build());
  }

  /**
   * Sends directed presence to one entity (§4.6.2): available, or unavailable to end it. It is not
   * remembered: after a new stream the server has forgotten it, and so has this.
   *
   * <p>Threading, backpressure and errors: as {@link #set(Presence)}.
   *
   * @throws IllegalArgumentException if the presence is not of type available or unavailable
   */
  public Mono<Void> sendDirected(Jid to, Presence presence) {
    Objects.requireNonNull(to, "to");
    checkAvailability(Objects.requireNonNull(presence, "presence"));
    Presence p = presence.withTo(to);
    return session.send(p.id() == null ? p.withId(StanzaIds.random()) : p);
  }

  private static void checkAvailability(Presence p) {
    if (p.type() != Presence.Type.AVAILABLE && p.type() != Presence.Type.UNAVAILABLE) {
      throw new IllegalArgumentException("not an availability presence (use Subscriptions for "
          + "subscription states): " + p.type());
    }
  }

  // ---- contacts ----

  /** What is known of an entity's presence now (the bare JID of the one given). */
  public ContactPresence of(Jid jid) {
    synchronized (lock) {
      return table.of(jid.bare());
    }
  }

  /** The best available resource of a contact (see {@link ContactPresence}), if any. */
  public Optional<ResourcePresence> best(Jid jid) {
    return of(jid).best();
  }

  /** The contacts with at least one available resource now. */
  public List<ContactPresence> available() {
    synchronized (lock) {
      return table.available();
    }
  }

  /**
   * The changes of tracked presence, from the moment of subscription, in the order they happened.
   *
   * <p>Threading: signals on the thread that delivers the session's inbound stanzas (an event loop;
   * do not block, use {@code publishOn}), or on the subscriber's requesting thread for buffered ones.
   * Backpressure: each subscriber has a buffer of the configured feed capacity; past it, that
   * subscriber gets what its buffer holds, then fails with
   * {@link ChangeOverflowException}. Errors: only that; completes when the
   * session ends.
   */
  public Flux<PresenceChange> changes() {
    return feed.flux();
  }

  // ---- from the session ----

  /** An available, unavailable or error presence arrived. */
  void onPresence(Presence p) {
    Jid from = p.from();
    if (from == null || !tracked.test(from.bare())) {
      return;
    }
    synchronized (lock) {
      table.apply(p).forEach(feed::offer);
    }
    feed.drain();
  }

  void suspend() {
    synchronized (lock) {
      table.suspend().forEach(feed::offer);
    }
    feed.drain();
  }

  void resume() {
    synchronized (lock) {
      table.resume().forEach(feed::offer);
    }
    feed.drain();
  }

  void newStream() {
    synchronized (lock) {
      table.newStream();
    }
  }

  void forget(Jid bare) {
    synchronized (lock) {
      table.forget(bare).forEach(feed::offer);
    }
    feed.drain();
  }

  void close() {
    synchronized (lock) {
      table.clear();
    }
    feed.complete();
  }

  /** Sends the current presence, if any (initial presence of a new stream, §4.2.1). */
  Mono<Void> announce() {
    Presence p = current;
    return p == null ? Mono.empty() : session.send(p.withId(StanzaIds.random()));
  }
}
