package dev.xmppreactive.roster;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Presence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The available resources of contacts (RFC 6121 §4), and what a lost stream does to them: on
 * suspension every contact's presence becomes unknown and is set aside; a resumed stream (XEP-0198)
 * restores it; a new stream drops it, to be learnt again. Not thread-safe: its owner serialises
 * access. At most {@link #MAX_RESOURCES} resources are kept per contact.
 */
final class PresenceTable {

  /**
   * The most resources kept per contact: past it, the one that spoke least recently is forgotten,
   * so that a contact (or a server) sending presence from endless resources cannot grow memory.
   */
  static final int MAX_RESOURCES = 64;

  /** Best first: priority (§4.7.2.3), then show (§4.7.2.1), then the latest. */
  private static final Comparator<Entry> BEST = Comparator
      .comparingInt((Entry e) -> -e.presence.priority())
      .thenComparingInt(e -> showRank(e.presence.show()))
      .thenComparingLong(e -> -e.seq);

  private record Entry(Jid jid, Presence presence, long seq) {
  }

  private Map<Jid, Map<Jid, Entry>> online = new HashMap<>();
  private Map<Jid, Map<Jid, Entry>> held;
  private boolean suspended;
  private long seq;

  /** Applies an available, unavailable or error presence from a tracked entity. */
  List<PresenceChange> apply(Presence p) {
    Jid from = p.from();
    Jid bare = from.bare();
    List<PresenceChange> changes = new ArrayList<>(1);
    if (p.type() == Presence.Type.AVAILABLE) {
      Map<Jid, Entry> resources = online.computeIfAbsent(bare, b -> new LinkedHashMap<>());
      resources.remove(from); // re-inserted last: the map is in order of the last word
      if (resources.size() >= MAX_RESOURCES) {
        Jid oldest = resources.keySet().iterator().next();
        resources.remove(oldest);
        changes.add(new PresenceChange(PresenceChange.Kind.UNAVAILABLE, oldest, null, of(bare)));
      }
      resources.put(from, new Entry(from, p, ++seq));
      changes.add(new PresenceChange(PresenceChange.Kind.AVAILABLE, from, p, of(bare)));
      return changes;
    }
    Map<Jid, Entry> resources = online.get(bare);
    if (resources == null) {
      return changes;
    }
    List<Jid> gone = from.isFull() ? (resources.containsKey(from) ? List.of(from) : List.of())
        : new ArrayList<>(resources.keySet());
    for (Jid r : gone) {
      resources.remove(r);
      if (resources.isEmpty()) {
        online.remove(bare);
      }
      changes.add(new PresenceChange(PresenceChange.Kind.UNAVAILABLE, r, p, of(bare)));
    }
    return changes;
  }

  /** The stream was lost: every contact's presence is unknown; what was known is set aside. */
  List<PresenceChange> suspend() {
    if (suspended) {
      return List.of();
    }
    suspended = true;
    held = online;
    online = new HashMap<>();
    List<PresenceChange> changes = new ArrayList<>();
    for (Jid bare : held.keySet()) {
      changes.add(new PresenceChange(PresenceChange.Kind.UNKNOWN, bare, null, of(bare)));
    }
    return changes;
  }

  /** The stream was resumed: what was known is known again (what arrived since prevails). */
  List<PresenceChange> resume() {
    List<PresenceChange> changes = new ArrayList<>();
    Map<Jid, Map<Jid, Entry>> back = held;
    suspended = false;
    held = null;
    if (back == null) {
      return changes;
    }
    for (Map.Entry<Jid, Map<Jid, Entry>> c : back.entrySet()) {
      Map<Jid, Entry> now = online.computeIfAbsent(c.getKey(), b -> new LinkedHashMap<>());
      for (Entry e : c.getValue().values()) {
        if (now.putIfAbsent(e.jid, e) == null) {
          changes.add(new PresenceChange(PresenceChange.Kind.AVAILABLE, e.jid, e.presence,
              of(c.getKey())));
        }
      }
    }
    return changes;
  }

  /** A new stream: what was set aside is forgotten; presence is learnt again from the server. */
  void newStream() {
    suspended = false;
    held = null;
  }

  /** A contact left the roster: its resources are forgotten. */
  List<PresenceChange> forget(Jid bare) {
    List<PresenceChange> changes = new ArrayList<>();
    if (held != null) {
      held.remove(bare);
    }
    Map<Jid, Entry> resources = online.remove(bare);
    if (resources != null) {
      for (Jid r : resources.keySet()) {
        changes.add(new PresenceChange(PresenceChange.Kind.UNAVAILABLE, r, null, of(bare)));
      }
    }
    return changes;
  }

  /** The session ended: everything is forgotten. */
  void clear() {
    online = new HashMap<>();
    held = null;
  }

  /** What is known of a contact now. */
  ContactPresence of(Jid bare) {
    Map<Jid, Entry> resources = online.get(bare);
    if (resources == null || resources.isEmpty()) {
      return new ContactPresence(bare, List.of(), !suspended);
    }
    List<Entry> sorted = new ArrayList<>(resources.values());
    sorted.sort(BEST);
    List<ResourcePresence> list = new ArrayList<>(sorted.size());
    for (Entry e : sorted) {
      list.add(new ResourcePresence(e.jid, e.presence));
    }
    return new ContactPresence(bare, list, true);
  }

  /** The contacts with at least one available resource. */
  List<ContactPresence> available() {
    List<ContactPresence> list = new ArrayList<>(online.size());
    for (Jid bare : online.keySet()) {
      list.add(of(bare));
    }
    return list;
  }

  private static int showRank(Presence.Show show) {
    return switch (show) {
      case CHAT -> 0;
      case NONE -> 1;
      case AWAY -> 2;
      case XA -> 3;
      case DND -> 4;
    };
  }
}
