package dev.xmppreactive.roster;

import dev.xmppreactive.jid.Jid;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What is known of a contact's presence: its available resources, best first (RFC 6121 §4).
 *
 * <p>"Best" is the order a client would pick a resource in: the highest priority (§4.7.2.3) first;
 * among equal priorities, by availability ({@code chat}, then available with no show, {@code away},
 * {@code xa}, {@code dnd}, §4.7.2.1); among equals, the one that spoke last.
 *
 * @param jid       the contact's bare JID
 * @param resources the available resources, best first; empty when the contact is offline or unknown
 * @param known     {@code false} while the session's stream is lost and the contact's presence is
 *                  unknown (it is learnt again after reconnection); {@code true} otherwise
 */
public record ContactPresence(Jid jid, List<ResourcePresence> resources, boolean known) {

  /** Checks and copies the values. */
  public ContactPresence {
    Objects.requireNonNull(jid, "jid");
    resources = List.copyOf(resources);
  }

  /** Whether at least one resource is known to be available. */
  public boolean isAvailable() {
    return !resources.isEmpty();
  }

  /** The best resource (see the class comment), if any is available. */
  public Optional<ResourcePresence> best() {
    return resources.isEmpty() ? Optional.empty() : Optional.of(resources.get(0));
  }

  /** The presence of one resource, if it is available. */
  public Optional<ResourcePresence> resource(String resourcepart) {
    for (ResourcePresence r : resources) {
      if (Objects.equals(r.resource(), resourcepart)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
