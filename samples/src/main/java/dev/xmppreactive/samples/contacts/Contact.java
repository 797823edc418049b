package dev.xmppreactive.samples.contacts;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.roster.RosterItem;
import java.util.List;
import java.util.Objects;

/**
 * One roster item (RFC 6121 §2.1.2): the contact's bare JID, the name the user gave it, the
 * subscription state, whether a subscription request is pending, and its groups. Immutable.
 *
 * @param jid          the contact's address (RFC 6121 §2.1.2.2)
 * @param name         the user's name for it, or {@code null} (§2.1.2.4)
 * @param subscription {@code none}, {@code to}, {@code from} or {@code both} (§2.1.2.5)
 * @param pending      whether the user asked to subscribe and the contact has not answered
 *                     ({@code ask='subscribe'}, §2.1.2.2)
 * @param groups       the groups it is in, possibly none (§2.1.2.3)
 */
public record Contact(Jid jid, String name, String subscription, boolean pending,
                      List<String> groups) {

  /** Checks the values and copies the groups. */
  public Contact {
    Objects.requireNonNull(jid, "jid");
    Objects.requireNonNull(subscription, "subscription");
    groups = List.copyOf(groups);
  }

  /** The contact of a roster item of the roster module. */
  public static Contact of(RosterItem item) {
    return new Contact(item.jid(), item.name(), item.subscription().value(), item.pendingOut(),
        item.groups());
  }

  /**
   * The contact as one line: {@code juliet@example.com "Juliet" both [Friends, Family]}, with
   * {@code pending} after the subscription when a request awaits an answer.
   */
  public String toLine() {
    StringBuilder b = new StringBuilder(jid.toString());
    if (name != null && !name.isEmpty()) {
      b.append(" \"").append(name).append('"');
    }
    b.append(' ').append(subscription);
    if (pending) {
      b.append(" pending");
    }
    if (!groups.isEmpty()) {
      b.append(' ').append(groups);
    }
    return b.toString();
  }
}
