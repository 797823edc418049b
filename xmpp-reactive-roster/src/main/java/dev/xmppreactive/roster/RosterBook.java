package dev.xmppreactive.roster;

import dev.xmppreactive.jid.Jid;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The roster's state behind {@link Roster}: results and pushes applied in order under one lock, their
 * changes published on a {@link Feed}, the roster saved after each change, and the callers of a
 * roster set waiting for the push that shows their change.
 */
final class RosterBook {

  private final Object lock = new Object();
  private final RosterState state;
  private final Feed<RosterChange> feed;
  private final StoreSaver saver;
  private final Consumer<RosterChange> after;
  private final Map<Jid, List<Sinks.Empty<Void>>> waiters = new HashMap<>();

  /**
   * Creates the book.
   *
   * @param initial  the roster loaded from the store
   * @param capacity the per-subscriber bound of the change feed
   * @param saver    where the roster is saved after changes
   * @param after    told of each change after it is published (outside the lock)
   */
  RosterBook(RosterSnapshot initial, int capacity, StoreSaver saver, Consumer<RosterChange> after) {
    this.state = new RosterState(initial);
    this.feed = new Feed<>("roster changes", capacity);
    this.saver = saver;
    this.after = after;
  }

  /** Applies a complete roster result (§2.1.4). */
  void replace(RosterSnapshot result) {
    List<RosterChange> changes;
    RosterSnapshot now;
    synchronized (lock) {
      String before = state.version();
      changes = state.replace(result);
      changes.forEach(feed::offer);
      now = state.snapshot();
      if (changes.isEmpty() && Objects.equals(before, now.version())) {
        now = null;
      }
    }
    finish(changes, now);
  }

  /** Applies an accepted push (§2.1.6) and releases those waiting for one about its JID. */
  void push(RosterPush.Accepted push) {
    RosterChange change;
    RosterSnapshot now;
    List<Sinks.Empty<Void>> released;
    synchronized (lock) {
      change = state.push(push.item(), push.version());
      if (change != null) {
        feed.offer(change);
      }
      now = state.snapshot();
      released = waiters.remove(push.item().item().jid());
    }
    finish(change == null ? List.of() : List.of(change), now);
    if (released != null) {
      released.forEach(Sinks.Empty::tryEmitEmpty);
    }
  }

  private void finish(List<RosterChange> changes, RosterSnapshot now) {
    feed.drain();
    if (now != null) {
      saver.offer(now);
    }
    changes.forEach(after);
  }

  /**
   * Registers for the next push about this JID. Register before sending the set, so that a push that
   * comes before the set's result is not missed; {@link #unregister} when done.
   */
  Sinks.Empty<Void> register(Jid jid) {
    Sinks.Empty<Void> s = Sinks.empty();
    synchronized (lock) {
      waiters.computeIfAbsent(jid, j -> new ArrayList<>(1)).add(s);
    }
    return s;
  }

  /** Forgets a registration (released or not). */
  void unregister(Jid jid, Sinks.Empty<Void> s) {
    synchronized (lock) {
      List<Sinks.Empty<Void>> l = waiters.get(jid);
      if (l != null && l.remove(s) && l.isEmpty()) {
        waiters.remove(jid);
      }
    }
  }

  RosterSnapshot snapshot() {
    synchronized (lock) {
      return state.snapshot();
    }
  }

  String version() {
    synchronized (lock) {
      return state.version();
    }
  }

  boolean contains(Jid jid) {
    synchronized (lock) {
      return state.contains(jid);
    }
  }

  Feed<RosterChange> feed() {
    return feed;
  }

  Mono<Void> saved() {
    return saver.idle();
  }
}
