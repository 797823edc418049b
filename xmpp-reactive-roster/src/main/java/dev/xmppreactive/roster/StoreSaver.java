package dev.xmppreactive.roster;

import dev.xmppreactive.jid.Jid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Saves the roster to its {@link RosterStore} one save at a time; a roster offered while a save runs
 * waits, and only the latest one waiting is saved (so at most one roster waits: memory is bounded).
 */
final class StoreSaver {

  private static final Logger log = LoggerFactory.getLogger(StoreSaver.class);

  private final RosterStore store;
  private final Jid account;
  private RosterSnapshot pending;
  private boolean saving;
  private Sinks.Empty<Void> idle = Sinks.empty();

  StoreSaver(RosterStore store, Jid account) {
    this.store = store;
    this.account = account.bare();
    idle.tryEmitEmpty();
  }

  /** Saves this roster once the save in progress, if any, is done. */
  void offer(RosterSnapshot roster) {
    synchronized (this) {
      pending = roster;
      if (saving) {
        return;
      }
      saving = true;
      idle = Sinks.empty();
    }
    next();
  }

  /** Completes when no save runs or waits. */
  synchronized Mono<Void> idle() {
    return idle.asMono();
  }

  private void next() {
    RosterSnapshot s;
    Sinks.Empty<Void> done = null;
    synchronized (this) {
      s = pending;
      pending = null;
      if (s == null) {
        saving = false;
        done = idle;
      }
    }
    if (done != null) {
      done.tryEmitEmpty();
      return;
    }
    Mono<Void> save;
    try {
      save = store.save(account, s);
    } catch (RuntimeException e) {
      save = Mono.error(e);
    }
    save.subscribe(null, e -> {
      log.warn("could not save the roster of {} to {}: {}", account, store, e.toString());
      next();
    }, this::next);
  }
}
