/**
 * The roster (RFC 6121 §2), presence subscriptions (§3) and presence (§4), as a reactive view over
 * an {@code XmppSession}: {@link dev.xmppreactive.roster.RosterClient} connects and gives a
 * {@link dev.xmppreactive.roster.Roster}, whose snapshot, changes and operations users reach without
 * touching XML; {@link dev.xmppreactive.roster.Subscriptions} answers requests by hand or by a
 * {@link dev.xmppreactive.roster.SubscriptionPolicy}; {@link dev.xmppreactive.roster.Presences}
 * sends the user's presence and tracks contacts' per resource. Roster versioning (§2.6) with a
 * {@link dev.xmppreactive.roster.RosterStore} keeps what a client fetches small, also after a
 * reconnection. {@link dev.xmppreactive.roster.RosterHandler} gives the same as callbacks.
 */
package dev.xmppreactive.roster;
