package dev.xmppreactive.test;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Presence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One account's roster (RFC 6121 §2) with its version (§2.6), and the subscription requests it has
 * received and not yet answered ("pending in", §3.1.3). Not thread-safe: guarded by the server's lock.
 */
final class Roster {

  private final Map<Jid, RosterEntry> items = new LinkedHashMap<>();
  /** Unanswered inbound subscription requests, one per contact (§3.1.3 rule 4). */
  private final Map<Jid, Presence> pendingIn = new LinkedHashMap<>();
  private long version;

  RosterEntry get(Jid contact) {
    return items.get(contact);
  }

  /** Adds or replaces an item; the version changes. */
  void put(RosterEntry entry) {
    items.put(entry.jid(), entry);
    version++;
  }

  /** Removes an item; the version changes if there was one. */
  RosterEntry remove(Jid contact) {
    RosterEntry old = items.remove(contact);
    if (old != null) {
      version++;
    }
    return old;
  }

  int size() {
    return items.size();
  }

  List<RosterEntry> items() {
    return new ArrayList<>(items.values());
  }

  /** The version string (§2.6.1): opaque to clients, here a counter. */
  String version() {
    return Long.toString(version);
  }

  Presence pendingIn(Jid contact) {
    return pendingIn.get(contact);
  }

  void pendingIn(Jid contact, Presence request) {
    pendingIn.put(contact, request);
  }

  boolean clearPendingIn(Jid contact) {
    return pendingIn.remove(contact) != null;
  }

  List<Presence> pendingRequests() {
    return new ArrayList<>(pendingIn.values());
  }
}
