package dev.xmppreactive.samples.contacts;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Presence;
import java.util.Objects;

/**
 * A contact's resource became available, changed its availability, or left (RFC 6121 §4.7.1).
 * Immutable.
 *
 * @param from      the resource's full JID (or a bare JID, for a server that sends one)
 * @param available whether it is available now
 * @param show      the availability sub-state (RFC 6121 §4.7.2.1); {@link Presence.Show#NONE} for
 *                  plain available, and when unavailable
 * @param status    the human-readable status (§4.7.2.2), or {@code null}
 */
public record PresenceUpdate(Jid from, boolean available, Presence.Show show, String status) {

  /** Checks the values. */
  public PresenceUpdate {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(show, "show");
  }

  /**
   * The update as one line: {@code juliet@example.com/balcony is available (away: "at lunch")} or
   * {@code juliet@example.com/balcony is unavailable}.
   */
  public String toLine() {
    StringBuilder b = new StringBuilder(from.toString())
        .append(available ? " is available" : " is unavailable");
    boolean shown = show != Presence.Show.NONE;
    if (shown || status != null) {
      b.append(" (");
      if (shown) {
        b.append(show.value());
      }
      if (status != null) {
        b.append(shown ? ": " : "").append('"').append(status).append('"');
      }
      b.append(')');
    }
    return b.toString();
  }
}
