package dev.xmppreactive.test;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Message;
import dev.xmppreactive.stanza.Presence;

/**
 * Presence, RFC 6121 §4 (broadcast, probes, directed presence), and the subscriptions of §3 with
 * their state transitions (Appendix A). Runs under the server's lock. Only local accounts can be
 * contacts that receive anything: there is no server-to-server.
 */
final class Presences {

  private final ServerCore core;
  private final Subscriptions subscriptions;

  Presences(ServerCore core) {
    this.core = core;
    this.subscriptions = new Subscriptions(core, this);
  }

  Subscriptions subscriptions() {
    return subscriptions;
  }

  /** A presence from a client, 'from' stamped. */
  void outbound(ServerSession from, Presence p) {
    switch (p.type()) {
      case SUBSCRIBE, SUBSCRIBED, UNSUBSCRIBE, UNSUBSCRIBED -> subscriptions.outbound(from, p);
      case PROBE -> probe(from, p);
      case AVAILABLE, UNAVAILABLE -> {
        if (p.to() == null) {
          broadcast(from, p);
        } else {
          directed(from, p);
        }
      }
      case ERROR -> {
        if (p.to() != null) {
          deliver(p.to(), p);
        }
      }
    }
  }

  /** RFC 6121 §4.2, §4.4, §4.5: presence without 'to'. */
  private void broadcast(ServerSession from, Presence p) {
    String user = from.user();
    boolean initial = !from.available;
    if (p.type() == Presence.Type.AVAILABLE) {
      from.available = true;
      from.lastPresence = p;
      toSubscribersAndSelf(from, p);
      if (initial) {
        probeContacts(from);
        for (Presence request : core.roster(user).pendingRequests()) {
          from.deliver(request); // §3.1.3 rule 4: until answered, at each new available resource
        }
        if (p.priority() >= 0) {
          for (Message m : core.takeOffline(user)) {
            from.deliver(m); // 'to' unchanged (RFC 6121 §8.5.2.1.1)
          }
        }
      }
    } else {
      if (initial) {
        return; // not available: nothing to withdraw
      }
      toSubscribersAndSelf(from, p);
      from.available = false;
      from.lastPresence = null;
      for (Jid j : from.directed) {
        deliver(j, p.withTo(j));
      }
      from.directed.clear();
    }
  }

  /** To contacts with a 'from' or 'both' subscription, and to the account's available resources. */
  private void toSubscribersAndSelf(ServerSession from, Presence p) {
    for (RosterEntry e : core.roster(from.user()).items()) {
      if (e.subscription().hasFrom() && isLocal(e.jid())) {
        for (ServerSession s : core.available(e.jid().localpart())) {
          s.deliver(p.withTo(e.jid()));
        }
      }
    }
    Jid self = from.jid().bare();
    for (ServerSession s : core.available(from.user())) {
      s.deliver(p.withTo(self));
    }
  }

  /**
   * On initial presence (§4.2.2, §4.3): the current presence of each contact the user is subscribed
   * to, and of the user's other resources, goes to the new resource. The probes are local, so the
   * server answers them itself.
   */
  private void probeContacts(ServerSession to) {
    for (RosterEntry e : core.roster(to.user()).items()) {
      if (e.subscription().hasTo() && isLocal(e.jid())) {
        sendCurrentPresence(e.jid().localpart(), to);
      }
    }
    for (ServerSession own : core.available(to.user())) {
      if (own != to) {
        to.deliver(own.lastPresence.withTo(to.jid()));
      }
    }
  }

  /** Each available resource's last presence of {@code user}, to one session. */
  void sendCurrentPresence(String user, ServerSession to) {
    for (ServerSession s : core.available(user)) {
      to.deliver(s.lastPresence.withTo(to.jid()));
    }
  }

  /** Each available resource's last presence of {@code user}, to every available resource of another. */
  void sendCurrentPresence(String user, String toUser) {
    for (ServerSession s : core.available(toUser)) {
      sendCurrentPresence(user, s);
    }
  }

  /** Unavailable presence from each available resource of {@code user} to another account (§3.2.2). */
  void sendUnavailable(String user, Jid to) {
    for (ServerSession s : core.available(user)) {
      deliver(to, Presence.builder().type(Presence.Type.UNAVAILABLE).from(s.jid()).to(to).build());
    }
  }

  /** RFC 6121 §4.6: presence to one entity. */
  private void directed(ServerSession from, Presence p) {
    Jid to = p.to();
    Jid bare = to.bare();
    RosterEntry e = core.roster(from.user()).get(bare);
    boolean subscriber = e != null && e.subscription().hasFrom();
    if (p.type() == Presence.Type.AVAILABLE) {
      if (!subscriber && !bare.equals(from.jid().bare())) {
        from.directed.add(to);
      }
    } else {
      from.directed.remove(to);
    }
    deliver(to, p);
  }

  /** RFC 6121 §4.3.2: a probe from a client, answered at once. */
  private void probe(ServerSession from, Presence p) {
    Jid to = p.to();
    if (to == null || !isLocal(to) || to.localpart() == null) {
      return;
    }
    String contact = to.localpart();
    Jid contactBare = to.bare();
    boolean self = contact.equals(from.user());
    RosterEntry e = core.roster(contact).get(from.jid().bare());
    if (!self && (!core.accounts().exists(contact) || e == null || !e.subscription().hasFrom())) {
      from.deliver(Presence.builder().type(Presence.Type.UNSUBSCRIBED).from(contactBare)
          .to(from.jid()).build());
      return;
    }
    if (core.available(contact).isEmpty()) {
      from.deliver(Presence.builder().type(Presence.Type.UNAVAILABLE).from(contactBare)
          .to(from.jid()).build());
      return;
    }
    sendCurrentPresence(contact, from);
  }

  /**
   * Delivers a presence to a local address: a full JID's session if bound, or every available
   * resource of a bare JID (RFC 6121 §8.5.2.1.2, §8.5.3); otherwise it is dropped (§8.5.2.2.2).
   */
  void deliver(Jid to, Presence p) {
    if (!isLocal(to) || to.localpart() == null) {
      return;
    }
    if (to.isFull()) {
      ServerSession s = core.session(to);
      if (s != null) {
        s.deliver(p);
      }
      return;
    }
    for (ServerSession s : core.available(to.localpart())) {
      s.deliver(p);
    }
  }

  /** A session ended: unavailable presence from it where its presence went (§4.5.2, §4.6.3). */
  void ended(ServerSession s) {
    if (s.available) {
      Presence p = Presence.builder().type(Presence.Type.UNAVAILABLE).from(s.jid()).build();
      broadcast(s, p);
    }
    s.available = false;
  }

  boolean isLocal(Jid j) {
    return j.domainpart().equals(core.domain().domainpart());
  }
}
