package dev.xmppreactive.test;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.xml.XmlElement;
import java.util.List;
import java.util.Objects;

/**
 * One item of a roster the test server holds (RFC 6121 §2.1.2).
 *
 * @param jid          the contact's bare JID
 * @param name         the handle the user gave the contact, or {@code null}
 * @param subscription the subscription state
 * @param pendingOut   whether the user asked to subscribe and awaits an answer ({@code ask='subscribe'})
 * @param groups       the groups, in order
 */
public record RosterEntry(Jid jid, String name, Subscription subscription, boolean pendingOut,
                          List<String> groups) {

  /** The roster namespace, RFC 6121 §2.1. */
  public static final String NS = "jabber:iq:roster";

  /** Checks the values and copies the groups. */
  public RosterEntry {
    Objects.requireNonNull(jid, "jid");
    Objects.requireNonNull(subscription, "subscription");
    if (!jid.isBare() && !jid.isDomain()) {
      throw new IllegalArgumentException("a roster item is for a bare JID: " + jid);
    }
    groups = List.copyOf(groups);
  }

  RosterEntry withSubscription(Subscription s, boolean pending) {
    return new RosterEntry(jid, name, s, pending, groups);
  }

  /** The {@code <item/>} element of a roster result or push. */
  XmlElement toElement() {
    XmlElement.Builder b = XmlElement.builder("item", NS).attribute("jid", jid.toString());
    if (name != null) {
      b.attribute("name", name);
    }
    b.attribute("subscription", subscription.value());
    if (pendingOut) {
      b.attribute("ask", "subscribe");
    }
    for (String g : groups) {
      b.textElement("group", NS, g);
    }
    return b.build();
  }
}
