package dev.xmppreactive.roster;

import dev.xmppreactive.jid.Jid;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The roster at one moment: its items by JID and the version the server gave it (RFC 6121 §2.1.1,
 * §2.6). Immutable.
 *
 * @param version the version of the roster (opaque, from the server), or {@code null} if the server
 *                gave none
 * @param items   the items by JID, in the order the server listed them
 */
public record RosterSnapshot(String version, Map<Jid, RosterItem> items) {

  /** An empty roster with no version. */
  public static final RosterSnapshot EMPTY = new RosterSnapshot(null, Map.of());

  /** Copies the items; their keys must be their JIDs. */
  public RosterSnapshot {
    LinkedHashMap<Jid, RosterItem> copy = new LinkedHashMap<>();
    for (Map.Entry<Jid, RosterItem> e : items.entrySet()) {
      RosterItem item = Objects.requireNonNull(e.getValue(), "item");
      if (!item.jid().equals(e.getKey())) {
        throw new IllegalArgumentException("an item is keyed by another JID: " + e.getKey());
      }
      copy.put(e.getKey(), item);
    }
    items = Collections.unmodifiableMap(copy);
  }

  /**
   * The roster in a roster result's {@code <query xmlns='jabber:iq:roster'/>} (RFC 6121 §2.1.4), read
   * as this module reads the results it fetches: items without a valid JID are skipped.
   *
   * @throws IllegalArgumentException if {@code query} is not a roster query
   */
  public static RosterSnapshot fromQuery(dev.xmppreactive.xml.XmlElement query) {
    if (query == null || !query.is("query", RosterCodec.NS)) {
      throw new IllegalArgumentException("not a jabber:iq:roster query: " + query);
    }
    return RosterCodec.parseQuery(query);
  }

  /** A roster of these items, with a version. */
  public static RosterSnapshot of(String version, Collection<RosterItem> items) {
    LinkedHashMap<Jid, RosterItem> m = new LinkedHashMap<>();
    for (RosterItem i : items) {
      m.put(i.jid(), i);
    }
    return new RosterSnapshot(version, m);
  }

  /** The item of this JID. */
  public Optional<RosterItem> item(Jid jid) {
    return Optional.ofNullable(items.get(jid));
  }

  /** Whether this JID is in the roster. */
  public boolean contains(Jid jid) {
    return items.containsKey(jid);
  }

  /** The number of items. */
  public int size() {
    return items.size();
  }
}
