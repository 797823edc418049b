package dev.xmppreactive.roster;

import dev.xmppreactive.jid.Jid;
import java.nio.file.Path;
import reactor.core.publisher.Mono;

/**
 * Where the roster and its version are kept between sessions, so that a client asks the server only
 * for what changed (roster versioning, RFC 6121 §2.6). The roster saves after each change, coalescing
 * changes that come while a save runs (only the latest is written).
 *
 * <p>Two are provided: {@link #inMemory()} (the default of {@link RosterClient}: it lasts as long as
 * the client configuration that holds it) and {@link #file(Path)} (a bot restarts with its roster).
 * Implementations must be thread-safe.
 */
public interface RosterStore {

  /**
   * The roster kept for the account.
   *
   * <p>Threading: may signal on any thread, blocking I/O belongs on a scheduler that allows it.
   * Backpressure: one value. Errors: none expected; an error is logged and taken as empty (the
   * roster is then fetched whole, §2.6.2).
   *
   * @param account the account's bare JID
   * @return the roster, or empty if none is kept (or what is kept cannot be read)
   */
  Mono<RosterSnapshot> load(Jid account);

  /**
   * Keeps the roster of the account, replacing what was kept.
   *
   * <p>Threading: as {@link #load}. Backpressure: not applicable. Errors: an error is logged; the
   * session goes on, and the next change saves again.
   *
   * @param account the account's bare JID
   * @param roster  the roster with its version
   */
  Mono<Void> save(Jid account, RosterSnapshot roster);

  /** A store in memory, for any number of accounts. */
  static RosterStore inMemory() {
    return new InMemoryRosterStore();
  }

  /**
   * A store in one file, for one account at a time: it is replaced atomically on each save (written
   * to a temporary file beside it, then moved). A file of another account, or one that cannot be
   * read, is taken as empty (and a warning logged).
   */
  static RosterStore file(Path file) {
    return new FileRosterStore(file);
  }
}
