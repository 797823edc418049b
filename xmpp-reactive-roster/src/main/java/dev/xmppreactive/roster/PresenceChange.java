package dev.xmppreactive.roster;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Presence;
import java.util.Objects;

/**
 * A change of a contact's presence as the client tracks it (RFC 6121 §4).
 *
 * @param kind     what happened
 * @param jid      the resource's full JID for {@link Kind#AVAILABLE} and {@link Kind#UNAVAILABLE} (the
 *                 bare JID if the entity sent presence from it); the contact's bare JID for
 *                 {@link Kind#UNKNOWN}
 * @param presence the stanza that made the change: the available presence for {@link Kind#AVAILABLE}
 *                 (for a state restored after a resumed stream, the resource's last presence), the
 *                 unavailable or error presence for {@link Kind#UNAVAILABLE}; {@code null} when no
 *                 stanza made it ({@link Kind#UNKNOWN}, or a contact that left the roster)
 * @param contact  the contact's presence after the change
 */
public record PresenceChange(Kind kind, Jid jid, Presence presence, ContactPresence contact) {

  /** What happened. */
  public enum Kind {
    /** A resource is available, newly or with a new show, status or priority (§4.2, §4.4). */
    AVAILABLE,
    /** A resource is no longer available (§4.5), or sent a presence error. */
    UNAVAILABLE,
    /**
     * The session's stream was lost: the contact's presence is unknown until it is learnt again
     * (a new stream) or restored (a resumed one, XEP-0198: then AVAILABLE changes follow).
     */
    UNKNOWN
  }

  /** Checks the values. */
  public PresenceChange {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(jid, "jid");
    Objects.requireNonNull(contact, "contact");
  }
}
