package dev.xmppreactive.roster;

import dev.xmppreactive.jid.Jid;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/** {@link RosterStore#inMemory()}: a map per store instance. */
final class InMemoryRosterStore implements RosterStore {

  private final Map<Jid, RosterSnapshot> rosters = new ConcurrentHashMap<>();

  @Override
  public Mono<RosterSnapshot> load(Jid account) {
    return Mono.fromSupplier(() -> rosters.get(account.bare()));
  }

  @Override
  public Mono<Void> save(Jid account, RosterSnapshot roster) {
    return Mono.fromRunnable(() -> rosters.put(account.bare(), roster));
  }

  @Override
  public String toString() {
    return "RosterStore.inMemory(" + rosters.size() + " accounts)";
  }
}
