package dev.xmppreactive.test;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Presence;
import java.util.List;
import java.util.function.Consumer;

/**
 * Presence subscriptions, RFC 6121 §3, both halves on one server: the user's server processing an
 * outbound subscribe, subscribed, unsubscribe or unsubscribed, and the contact's server processing it
 * inbound, with the roster changes and pushes of Appendix A. The user is the one whose roster item
 * tracks the contact; "pending in" requests are kept apart from the roster (§3.1.3's security note:
 * no item until approved). Subscription pre-approval (§3.4) is not implemented, so an approval
 * without a pending request is ignored. Runs under the server's lock.
 */
final class Subscriptions {

  private final ServerCore core;
  private final Presences presences;

  Subscriptions(ServerCore core, Presences presences) {
    this.core = core;
    this.presences = presences;
  }

  /** A subscription-related presence from a client, stamped with its bare JID. */
  void outbound(ServerSession from, Presence p) {
    if (p.to() == null || p.to().localpart() == null) {
      return;
    }
    Jid other = p.to().bare(); // §3.1.2: the server addresses the bare JID
    Jid me = from.jid().bare();
    if (other.equals(me)) {
      return;
    }
    Presence stamped = p.withTo(other);
    String user = from.user();
    switch (p.type()) {
      case SUBSCRIBE -> {
        update(user, other, e -> e.subscription().hasTo() || e.pendingOut() ? e
            : e.withSubscription(e.subscription(), true), true);
        ifLocal(other, o -> inboundSubscribe(o, me, stamped));
      }
      case SUBSCRIBED -> approve(user, other, stamped);
      case UNSUBSCRIBE -> {
        update(user, other, e -> e.withSubscription(e.subscription().withTo(false), false), false);
        ifLocal(other, o -> inboundUnsubscribe(o, me, stamped));
      }
      case UNSUBSCRIBED -> cancel(user, other, stamped);
      default -> throw new IllegalArgumentException("not a subscription: " + p.type());
    }
  }

  /** §3.1.5: the user approves a pending request from {@code other}. */
  private void approve(String user, Jid other, Presence p) {
    Roster r = core.roster(user);
    if (!r.clearPendingIn(other)) {
      return; // no pre-approval (§3.4): nothing to approve
    }
    update(user, other, e -> e.withSubscription(e.subscription().withFrom(true), e.pendingOut()),
        true);
    // The contact's current presence follows the approval (§3.1.5, §3.1.6 step 3).
    ifLocal(other, o -> inboundSubscribed(o, contactBare(user), p));
  }

  /** §3.2.2: the user cancels (or denies) {@code other}'s subscription. */
  private void cancel(String user, Jid other, Presence p) {
    Roster r = core.roster(user);
    boolean pending = r.clearPendingIn(other);
    RosterEntry e = r.get(other);
    boolean had = e != null && e.subscription().hasFrom();
    if (had) {
      RosterEntry changed = e.withSubscription(e.subscription().withFrom(false), e.pendingOut());
      r.put(changed);
      core.push(user, changed);
      presences.sendUnavailable(user, other);
    }
    if (had || pending) {
      ifLocal(other, o -> inboundUnsubscribed(o, contactBare(user), p));
    }
  }

  /** §3.1.3: a request arrives for {@code contact} from {@code user}. */
  private void inboundSubscribe(String contact, Jid user, Presence p) {
    Roster r = core.roster(contact);
    RosterEntry e = r.get(user);
    if (e != null && e.subscription().hasFrom()) {
      // Rule 2: already subscribed: auto-reply on the contact's behalf.
      Jid contactJid = contactBare(contact);
      inboundSubscribed(user.localpart(), contactJid, Presence.builder()
          .type(Presence.Type.SUBSCRIBED).from(contactJid).to(user).build());
      return;
    }
    if (r.pendingIn(user) == null) {
      r.pendingIn(user, p); // rule 4: one request kept per contact
    }
    presences.deliver(contactBare(contact), p);
  }

  /** §3.1.6: an approval from {@code contact} arrives for {@code user}. */
  private void inboundSubscribed(String user, Jid contact, Presence p) {
    RosterEntry e = core.roster(user).get(contact);
    if (e == null || !e.pendingOut() || e.subscription().hasTo()) {
      return;
    }
    presences.deliver(contactBare(user), p); // before the push, as step 1 says
    RosterEntry changed = e.withSubscription(e.subscription().withTo(true), false);
    core.roster(user).put(changed);
    core.push(user, changed);
    presences.sendCurrentPresence(contact.localpart(), user);
  }

  /** §3.3.3: {@code user} unsubscribes from {@code contact}'s presence. */
  private void inboundUnsubscribe(String contact, Jid user, Presence p) {
    Roster r = core.roster(contact);
    boolean pending = r.clearPendingIn(user);
    RosterEntry e = r.get(user);
    if (e != null && e.subscription().hasFrom()) {
      RosterEntry changed = e.withSubscription(e.subscription().withFrom(false), e.pendingOut());
      r.put(changed);
      presences.deliver(contactBare(contact), p);
      core.push(contact, changed);
      presences.sendUnavailable(contact, user);
    } else if (pending) {
      presences.deliver(contactBare(contact), p);
    }
  }

  /** §3.2.3: {@code contact} cancelled or denied {@code user}'s subscription. */
  private void inboundUnsubscribed(String user, Jid contact, Presence p) {
    RosterEntry e = core.roster(user).get(contact);
    if (e == null || !(e.subscription().hasTo() || e.pendingOut())) {
      return;
    }
    presences.deliver(contactBare(user), p);
    RosterEntry changed = e.withSubscription(e.subscription().withTo(false), false);
    core.roster(user).put(changed);
    core.push(user, changed);
  }

  /**
   * §2.5.2: the user removed {@code entry} from the roster: unsubscribe and unsubscribed go to the
   * contact as the subscription was, and a pending request is denied.
   */
  void removed(String user, RosterEntry entry, boolean pendingIn) {
    Jid me = contactBare(user);
    Jid other = entry.jid();
    if (entry.subscription().hasFrom()) {
      presences.sendUnavailable(user, other);
    }
    if (entry.subscription().hasFrom() || pendingIn) {
      Presence unsubscribed = Presence.builder().type(Presence.Type.UNSUBSCRIBED).from(me)
          .to(other).id(core.randomId()).build();
      ifLocal(other, o -> inboundUnsubscribed(o, me, unsubscribed));
    }
    if (entry.subscription().hasTo() || entry.pendingOut()) {
      Presence unsubscribe = Presence.builder().type(Presence.Type.UNSUBSCRIBE).from(me)
          .to(other).id(core.randomId()).build();
      ifLocal(other, o -> inboundUnsubscribe(o, me, unsubscribe));
    }
  }

  private interface Change {
    RosterEntry apply(RosterEntry e);
  }

  /** Changes the user's item for {@code other} (creating it if asked), pushing it if it changed. */
  private void update(String user, Jid other, Change change, boolean create) {
    Roster r = core.roster(user);
    RosterEntry e = r.get(other);
    if (e == null) {
      if (!create) {
        return;
      }
      e = new RosterEntry(other, null, Subscription.NONE, false, List.of());
    }
    RosterEntry changed = change.apply(e);
    if (!changed.equals(r.get(other))) {
      r.put(changed);
      core.push(user, changed);
    }
  }

  private void ifLocal(Jid other, Consumer<String> action) {
    if (presences.isLocal(other) && core.accounts().exists(other.localpart())) {
      action.accept(other.localpart());
    }
  }

  /** The bare JID of a local account. */
  private Jid contactBare(String user) {
    return Jid.of(user, core.domain().domainpart(), null);
  }
}
