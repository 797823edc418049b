package dev.xmppreactive.roster;

import dev.xmppreactive.jid.Jid;
import java.util.Objects;

/**
 * One change of the roster, as the server made it known: by a roster push (RFC 6121 §2.1.6) or by a
 * roster result that differs from what was known before (§2.1.4, §2.6.3).
 *
 * @param kind     added, updated or removed
 * @param jid      the item's JID
 * @param item     the item as it is now; {@code null} when removed
 * @param previous the item as it was; {@code null} when added
 * @param version  the roster's version after the change (§2.6), or {@code null} if the server gave none
 * @param origin   how the change came
 */
public record RosterChange(Kind kind, Jid jid, RosterItem item, RosterItem previous, String version,
                           Origin origin) {

  /** What happened to the item. */
  public enum Kind {
    /** A new item. */
    ADDED,
    /** An item changed: name, groups or subscription state. */
    UPDATED,
    /** An item was removed ({@code subscription='remove'}, §2.5). */
    REMOVED
  }

  /** How the change came. */
  public enum Origin {
    /** A roster push (§2.1.6), including the interim pushes of a versioned fetch (§2.6.3). */
    PUSH,
    /** A roster result that differs from what was cached or known before (§2.1.4). */
    FETCH
  }

  /** Checks the values. */
  public RosterChange {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(jid, "jid");
    Objects.requireNonNull(origin, "origin");
    if ((kind == Kind.REMOVED) != (item == null) || (kind == Kind.ADDED) != (previous == null)) {
      throw new IllegalArgumentException("the items do not fit a change of kind " + kind);
    }
  }
}
