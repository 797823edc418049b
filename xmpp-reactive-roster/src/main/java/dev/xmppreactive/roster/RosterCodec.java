package dev.xmppreactive.roster;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Iq;
import dev.xmppreactive.xml.XmlElement;
import java.util.ArrayList;
import java.util.List;

/**
 * The XML of rosters (RFC 6121 §2.1): items read from results and pushes, and the gets and sets a
 * client sends. Values a client must ignore are ignored, not refused.
 */
final class RosterCodec {

  /** The roster namespace, RFC 6121 §2.1. */
  static final String NS = "jabber:iq:roster";

  private RosterCodec() {
  }

  /** An item as read: the item, or the removal of its JID ({@code subscription='remove'}). */
  record Parsed(RosterItem item, boolean remove) {
  }

  /**
   * Reads an {@code <item/>}. In a push, {@code subscription='remove'} is a removal; any other
   * unknown value of {@code subscription} is ignored (taken as absent, §2.1.2.5), as is an empty
   * group (a server must not store one, §2.3.3).
   *
   * @return the item, or {@code null} if it has no valid {@code jid} (§2.1.2.3 makes it required)
   */
  static Parsed parseItem(XmlElement item, boolean push) {
    Jid jid = jid(item.attribute("jid"));
    if (jid == null) {
      return null;
    }
    String sub = item.attribute("subscription");
    if (push && "remove".equals(sub)) {
      return new Parsed(RosterItem.of(jid), true);
    }
    SubscriptionState state = SubscriptionState.fromValue(sub);
    if (state == null) {
      state = SubscriptionState.NONE;
    }
    List<String> groups = new ArrayList<>();
    for (XmlElement g : item.elements("group", item.namespace())) {
      String text = g.text();
      if (!text.isEmpty()) {
        groups.add(text);
      }
    }
    boolean ask = "subscribe".equals(item.attribute("ask"));
    boolean approved = bool(item.attribute("approved"));
    return new Parsed(new RosterItem(jid, item.attribute("name"), state, ask, approved, groups),
        false);
  }

  /** The items of a roster result's {@code <query/>} (§2.1.4), skipping items without a valid JID. */
  static RosterSnapshot parseQuery(XmlElement query) {
    List<RosterItem> items = new ArrayList<>();
    for (XmlElement e : query.elements("item", query.namespace())) {
      Parsed p = parseItem(e, false);
      if (p != null) {
        items.add(p.item());
      }
    }
    return RosterSnapshot.of(query.attribute("ver"), items);
  }

  /**
   * A roster get (§2.1.3); with a version when the server supports versioning (§2.6.2: the empty
   * string asks to bootstrap it), without one otherwise.
   */
  static Iq get(String ver) {
    XmlElement.Builder q = XmlElement.builder("query", NS);
    if (ver != null) {
      q.attribute("ver", ver);
    }
    return Iq.builder().type(Iq.Type.GET).payload(q.build()).build();
  }

  /**
   * A roster set of one item (§2.1.5, §2.3.1, §2.4.1): its JID, name and groups only; never
   * {@code subscription}, {@code ask} or {@code approved} (§2.1.2.1, §2.1.2.2).
   */
  static Iq set(RosterItem item) {
    XmlElement.Builder i = XmlElement.builder("item", NS).attribute("jid", item.jid().toString());
    if (item.name() != null) {
      i.attribute("name", item.name());
    }
    for (String g : item.groups()) {
      i.textElement("group", NS, g);
    }
    return setOf(i.build());
  }

  /** A roster set removing an item (§2.5.1). */
  static Iq remove(Jid jid) {
    return setOf(XmlElement.builder("item", NS).attribute("jid", jid.toString())
        .attribute("subscription", "remove").build());
  }

  private static Iq setOf(XmlElement item) {
    return Iq.builder().type(Iq.Type.SET)
        .payload(XmlElement.builder("query", NS).child(item).build()).build();
  }

  /** The {@code <item/>} of a stored roster: everything the server said, state included. */
  static XmlElement storedItem(RosterItem item) {
    XmlElement.Builder i = XmlElement.builder("item", NS).attribute("jid", item.jid().toString());
    if (item.name() != null) {
      i.attribute("name", item.name());
    }
    i.attribute("subscription", item.subscription().value());
    if (item.pendingOut()) {
      i.attribute("ask", "subscribe");
    }
    if (item.approved()) {
      i.attribute("approved", "true");
    }
    for (String g : item.groups()) {
      i.textElement("group", NS, g);
    }
    return i.build();
  }

  private static Jid jid(String value) {
    if (value == null) {
      return null;
    }
    try {
      return Jid.of(value);
    } catch (IllegalArgumentException e) { // JidFormatException among them
      return null;
    }
  }

  /** An XML Schema boolean (§2.1.2.1 follows XML-DATATYPES). */
  private static boolean bool(String value) {
    return value != null && (value.strip().equals("true") || value.strip().equals("1"));
  }
}
