package dev.xmppreactive.roster;

import dev.xmppreactive.jid.Jid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The roster as the client knows it, and how results and pushes change it (RFC 6121 §2.1.4, §2.1.6,
 * §2.6.3), as a list of {@link RosterChange}s. Not thread-safe: its owner serialises access.
 *
 * <p>The version follows the last result or push (§2.6.3: a client asks for "the version associated
 * with the last roster push it received"). A push or result without a version forgets it, so that a
 * later versioned fetch never claims a state the client did not see.
 */
final class RosterState {

  private final LinkedHashMap<Jid, RosterItem> items = new LinkedHashMap<>();
  private String version;
  private RosterSnapshot snapshot;

  RosterState(RosterSnapshot initial) {
    items.putAll(initial.items());
    version = initial.version();
    snapshot = initial;
  }

  /** The version to ask for, or {@code null} if none is known. */
  String version() {
    return version;
  }

  /** Whether this JID has an item. */
  boolean contains(Jid jid) {
    return items.containsKey(jid);
  }

  /** The roster now (cached until the next change). */
  RosterSnapshot snapshot() {
    RosterSnapshot s = snapshot;
    if (s == null) {
      s = new RosterSnapshot(version, items);
      snapshot = s;
    }
    return s;
  }

  /**
   * A complete roster result (§2.1.4) replaces the roster.
   *
   * @return the differences: one change per item added, changed or gone
   */
  List<RosterChange> replace(RosterSnapshot result) {
    List<RosterChange> changes = new ArrayList<>();
    String ver = result.version();
    for (Map.Entry<Jid, RosterItem> e : new ArrayList<>(items.entrySet())) {
      if (!result.contains(e.getKey())) {
        changes.add(new RosterChange(RosterChange.Kind.REMOVED, e.getKey(), null, e.getValue(), ver,
            RosterChange.Origin.FETCH));
      }
    }
    for (RosterItem now : result.items().values()) {
      RosterItem before = items.get(now.jid());
      if (before == null) {
        changes.add(new RosterChange(RosterChange.Kind.ADDED, now.jid(), now, null, ver,
            RosterChange.Origin.FETCH));
      } else if (!before.equals(now)) {
        changes.add(new RosterChange(RosterChange.Kind.UPDATED, now.jid(), now, before, ver,
            RosterChange.Origin.FETCH));
      }
    }
    items.clear();
    items.putAll(result.items());
    version = ver;
    snapshot = null;
    return changes;
  }

  /**
   * A push (§2.1.6) adds, updates or removes one item.
   *
   * @return the change, or {@code null} if the item was already so (only the version then moves)
   */
  RosterChange push(RosterCodec.Parsed parsed, String ver) {
    version = ver;
    snapshot = null;
    RosterItem now = parsed.item();
    Jid jid = now.jid();
    if (parsed.remove()) {
      RosterItem before = items.remove(jid);
      return before == null ? null : new RosterChange(RosterChange.Kind.REMOVED, jid, null, before,
          ver, RosterChange.Origin.PUSH);
    }
    RosterItem before = items.put(jid, now);
    if (before == null) {
      return new RosterChange(RosterChange.Kind.ADDED, jid, now, null, ver, RosterChange.Origin.PUSH);
    }
    return before.equals(now) ? null
        : new RosterChange(RosterChange.Kind.UPDATED, jid, now, before, ver, RosterChange.Origin.PUSH);
  }
}
