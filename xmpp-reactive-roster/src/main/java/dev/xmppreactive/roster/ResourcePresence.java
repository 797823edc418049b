package dev.xmppreactive.roster;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Presence;
import java.util.Objects;

/**
 * The available presence of one resource of a contact (RFC 6121 §4.7): the last one it sent.
 *
 * @param jid      the resource's full JID (or the bare JID, for an entity that sent presence from it)
 * @param presence the presence stanza, of type available
 */
public record ResourcePresence(Jid jid, Presence presence) {

  /** Checks the values. */
  public ResourcePresence {
    Objects.requireNonNull(jid, "jid");
    Objects.requireNonNull(presence, "presence");
  }

  /** The availability sub-state (§4.7.2.1). */
  public Presence.Show show() {
    return presence.show();
  }

  /** The priority (§4.7.2.3), 0 when absent. */
  public int priority() {
    return presence.priority();
  }

  /** The status text (§4.7.2.2), or {@code null}. */
  public String status() {
    return presence.status();
  }

  /** The resourcepart, or {@code null} for a bare JID. */
  public String resource() {
    return jid.resourcepart();
  }
}
