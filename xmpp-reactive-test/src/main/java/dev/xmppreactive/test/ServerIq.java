package dev.xmppreactive.test;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.jid.JidFormatException;
import dev.xmppreactive.stanza.Iq;
import dev.xmppreactive.stanza.StanzaError;
import dev.xmppreactive.stanza.StanzaErrorCondition;
import dev.xmppreactive.xml.XmlElement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The IQs the server answers itself (RFC 6120 §10.3.3, RFC 6121 §8.5.2.1.3): the roster (RFC 6121
 * §2), ping (XEP-0199), service discovery (XEP-0030: the server is {@code server/im}, an account
 * {@code account/registered}) and the legacy session request. Anything else gets
 * {@code service-unavailable}. Runs under the server's lock.
 */
final class ServerIq {

  static final String PING_NS = "urn:xmpp:ping";
  static final String DISCO_INFO = "http://jabber.org/protocol/disco#info";
  static final String DISCO_ITEMS = "http://jabber.org/protocol/disco#items";
  static final String SESSION_NS = "urn:ietf:params:xml:ns:xmpp-session";
  /** The longest roster name or group the server accepts (RFC 6121 §2.3.3). */
  static final int MAX_NAME = 1023;
  /** The most items a client may put in its roster, so that memory stays bounded. */
  static final int MAX_ITEMS = 10_000;

  private final ServerCore core;
  private final Subscriptions subscriptions;

  ServerIq(ServerCore core, Subscriptions subscriptions) {
    this.core = core;
    this.subscriptions = subscriptions;
  }

  /** An IQ to the server, or without 'to'. */
  void handle(ServerSession from, Iq iq) {
    if (iq.isResponse()) {
      return; // answers to roster pushes
    }
    XmlElement q = iq.payload();
    if (q.is("query", RosterEntry.NS)) {
      roster(from, iq);
    } else if (q.is("ping", PING_NS) && iq.type() == Iq.Type.GET) {
      from.deliver(iq.resultReply());
    } else if (q.is("query", DISCO_INFO) && iq.type() == Iq.Type.GET && q.attribute("node") == null) {
      from.deliver(iq.resultReply(info(iq.to() != null && iq.to().localpart() != null)));
    } else if (q.is("query", DISCO_ITEMS) && iq.type() == Iq.Type.GET) {
      from.deliver(iq.resultReply(XmlElement.empty("query", DISCO_ITEMS)));
    } else if (q.is("session", SESSION_NS) && iq.type() == Iq.Type.SET) {
      from.deliver(iq.resultReply());
    } else {
      error(from, iq, StanzaErrorCondition.SERVICE_UNAVAILABLE);
    }
  }

  /** An IQ to an account's bare JID: the server answers on its behalf (§8.5.2.1.3). */
  void handleForAccount(ServerSession from, Iq iq) {
    if (iq.to().equals(from.jid().bare())) {
      handle(from, iq);
      return;
    }
    if (iq.isResponse()) {
      return;
    }
    XmlElement q = iq.payload();
    if (q.is("ping", PING_NS) && iq.type() == Iq.Type.GET) {
      from.deliver(iq.resultReply());
    } else if (q.is("query", DISCO_INFO) && iq.type() == Iq.Type.GET && q.attribute("node") == null) {
      from.deliver(iq.resultReply(info(true)));
    } else if (q.is("query", RosterEntry.NS)) {
      error(from, iq, StanzaErrorCondition.FORBIDDEN); // §2.3.3: only the account's own resources
    } else {
      error(from, iq, StanzaErrorCondition.SERVICE_UNAVAILABLE);
    }
  }

  private XmlElement info(boolean account) {
    XmlElement.Builder b = XmlElement.builder("query", DISCO_INFO);
    b.child(XmlElement.builder("identity", DISCO_INFO)
        .attribute("category", account ? "account" : "server")
        .attribute("type", account ? "registered" : "im")
        .attributeIfPresent("name", account ? null : "xmpp-reactive test server").build());
    List<String> features = account ? List.of(DISCO_INFO)
        : List.of(DISCO_INFO, DISCO_ITEMS, PING_NS, RosterEntry.NS, "urn:xmpp:sm:3");
    for (String f : features) {
      b.child(XmlElement.builder("feature", DISCO_INFO).attribute("var", f).build());
    }
    return b.build();
  }

  // RFC 6121 §2.
  private void roster(ServerSession from, Iq iq) {
    String user = from.user();
    Roster roster = core.roster(user);
    if (iq.type() == Iq.Type.GET) {
      from.interested = true;
      String ver = iq.payload().attribute("ver");
      if (ver != null && ver.equals(roster.version())) {
        from.deliver(iq.resultReply()); // §2.6.3: no changes; pushes will follow any
        return;
      }
      XmlElement.Builder q = XmlElement.builder("query", RosterEntry.NS);
      if (ver != null) {
        q.attribute("ver", roster.version());
      }
      roster.items().forEach(e -> q.child(e.toElement()));
      from.deliver(iq.resultReply(q.build()));
      return;
    }
    List<XmlElement> items = iq.payload().elements("item", RosterEntry.NS);
    if (items.size() != 1) {
      error(from, iq, StanzaErrorCondition.BAD_REQUEST, "a roster set holds exactly one item");
      return;
    }
    XmlElement item = items.get(0);
    Jid contact;
    try {
      String j = item.attribute("jid");
      contact = j == null ? null : Jid.of(j);
    } catch (JidFormatException e) {
      contact = null;
    }
    if (contact == null || contact.isFull()) {
      error(from, iq, StanzaErrorCondition.BAD_REQUEST, "the item needs a bare JID");
      return;
    }
    if ("remove".equals(item.attribute("subscription"))) {
      RosterEntry old = roster.remove(contact);
      if (old == null) {
        error(from, iq, StanzaErrorCondition.ITEM_NOT_FOUND, null); // §2.5.3
        return;
      }
      boolean pendingIn = roster.clearPendingIn(contact);
      core.push(user, XmlElement.builder("item", RosterEntry.NS)
          .attribute("jid", contact.toString()).attribute("subscription", "remove").build());
      from.deliver(iq.resultReply());
      subscriptions.removed(user, old, pendingIn);
      return;
    }
    String name = item.attribute("name");
    List<String> groups = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (XmlElement g : item.elements("group", RosterEntry.NS)) {
      String group = g.text();
      if (group.isEmpty() || group.length() > MAX_NAME) {
        error(from, iq, StanzaErrorCondition.NOT_ACCEPTABLE, "an empty or too long group");
        return;
      }
      if (!seen.add(group)) {
        error(from, iq, StanzaErrorCondition.BAD_REQUEST, "a duplicate group");
        return;
      }
      groups.add(group);
    }
    if (name != null && name.length() > MAX_NAME) {
      error(from, iq, StanzaErrorCondition.NOT_ACCEPTABLE, "a too long name");
      return;
    }
    RosterEntry old = roster.get(contact);
    if (old == null && roster.size() >= MAX_ITEMS) {
      error(from, iq, StanzaErrorCondition.RESOURCE_CONSTRAINT, "the roster is full");
      return;
    }
    // §2.1.2.5, §2.1.2.2: the client cannot set 'subscription' (but to remove) nor 'ask'.
    RosterEntry entry = new RosterEntry(contact, name,
        old == null ? Subscription.NONE : old.subscription(), old != null && old.pendingOut(), groups);
    roster.put(entry);
    core.push(user, entry);
    from.deliver(iq.resultReply());
  }

  private void error(ServerSession from, Iq iq, StanzaErrorCondition condition) {
    error(from, iq, condition, null);
  }

  private void error(ServerSession from, Iq iq, StanzaErrorCondition condition, String text) {
    StanzaError e = StanzaError.of(condition);
    if (text != null) {
      e = e.withText(text, "en");
    }
    from.deliver(iq.errorReply(e));
  }
}
