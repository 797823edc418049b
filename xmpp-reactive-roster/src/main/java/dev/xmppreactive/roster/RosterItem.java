package dev.xmppreactive.roster;

import dev.xmppreactive.jid.Jid;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * One item of the roster, a contact (RFC 6121 §2.1.2). Immutable; the {@code with*} methods make
 * changed copies.
 *
 * <p>Only {@link #jid}, {@link #name} and {@link #groups} are the user's to set (a roster set,
 * §2.1.5); {@link #subscription}, {@link #pendingOut} and {@link #approved} are the server's, changed
 * through presence subscriptions (§3), and never sent in a roster set (§2.1.2.1, §2.1.2.2).
 *
 * @param jid          the contact's address, which identifies the item (§2.1.2.3); usually a bare JID
 * @param name         the handle the user gave the contact (§2.1.2.4), or {@code null} for none (an
 *                     empty name is the same as none, §2.4.1)
 * @param subscription the subscription state (§2.1.2.5)
 * @param pendingOut   whether the user asked to subscribe to the contact and awaits an answer: the
 *                     {@code ask='subscribe'} of §2.1.2.2 ("Pending Out")
 * @param approved     whether the user pre-approved the contact's subscription (§2.1.2.1, §3.4)
 * @param groups       the groups the item is in (§2.1.2.6), in order, without duplicates
 */
public record RosterItem(Jid jid, String name, SubscriptionState subscription, boolean pendingOut,
                         boolean approved, List<String> groups) {

  /**
   * Checks and normalises the values: an empty name becomes {@code null}; duplicate groups are
   * dropped (a roster set with duplicates is a {@code bad-request}, §2.3.3).
   *
   * @throws IllegalArgumentException if a group is empty (the server would refuse it with
   *                                  {@code not-acceptable}, §2.3.3)
   */
  public RosterItem {
    Objects.requireNonNull(jid, "jid");
    Objects.requireNonNull(subscription, "subscription");
    if (name != null && name.isEmpty()) {
      name = null;
    }
    LinkedHashSet<String> unique = new LinkedHashSet<>();
    for (String g : Objects.requireNonNull(groups, "groups")) {
      if (Objects.requireNonNull(g, "group").isEmpty()) {
        throw new IllegalArgumentException("a roster group cannot be empty (RFC 6121 §2.3.3)");
      }
      unique.add(g);
    }
    groups = List.copyOf(unique);
  }

  /** A new item for this contact: no name, no groups, no subscription. */
  public static RosterItem of(Jid jid) {
    return new RosterItem(jid, null, SubscriptionState.NONE, false, false, List.of());
  }

  /** A new item for this contact with a name and groups. */
  public static RosterItem of(Jid jid, String name, String... groups) {
    return of(jid).withName(name).withGroups(groups);
  }

  /** A copy with another name ({@code null} or empty for none). */
  public RosterItem withName(String newName) {
    return new RosterItem(jid, newName, subscription, pendingOut, approved, groups);
  }

  /** A copy in exactly these groups. */
  public RosterItem withGroups(Collection<String> newGroups) {
    return new RosterItem(jid, name, subscription, pendingOut, approved, List.copyOf(newGroups));
  }

  /** A copy in exactly these groups. */
  public RosterItem withGroups(String... newGroups) {
    return withGroups(Arrays.asList(newGroups));
  }

  /** Whether the item is in this group. */
  public boolean inGroup(String group) {
    return groups.contains(group);
  }
}
