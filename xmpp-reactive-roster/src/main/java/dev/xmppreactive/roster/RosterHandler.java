package dev.xmppreactive.roster;

import dev.xmppreactive.client.XmppHandler;

/**
 * The brief's handler with the roster's callbacks: besides what an {@link XmppHandler} is told
 * (messages, raw presences, IQs, the session's start and end), roster changes, subscription requests
 * and contacts' presence changes. Every method has a default that does nothing. Attach it with
 * {@link RosterClient#handler(RosterHandler)}.
 *
 * <pre>{@code
 * RosterClient.of(XmppClient.create().credentials(jid, password))
 *     .subscriptionPolicy(SubscriptionPolicy.ACCEPT_ALL)
 *     .handler(new RosterHandler() {
 *       public void onSubscriptionRequest(Roster roster, SubscriptionRequest request) {
 *         roster.subscriptions().subscribe(request.from()).subscribe(); // mutual
 *       }
 *     })
 *     .connect().block();
 * }</pre>
 *
 * <p>Threading: the roster's callbacks are called one at a time, in the order the changes happened,
 * on a worker of the roster client's handler scheduler (never an event loop), so they may block;
 * while one blocks, the next wait, up to the feed capacity (past it, the handler stops being called
 * and an error is logged). The {@link XmppHandler} methods run on the core's own worker, so they
 * are not ordered with the roster's.
 *
 * <p>Errors: an exception thrown by a callback is logged and the session goes on.
 */
public interface RosterHandler extends XmppHandler {

  /**
   * The roster was fetched and the initial presence sent: the roster is ready to use. Called once,
   * before any other roster callback of a later change.
   */
  default void onRosterReady(Roster roster) {
  }

  /** The roster changed: a push (§2.1.6), or a difference found by a fetch. */
  default void onRosterPush(Roster roster, RosterChange change) {
  }

  /**
   * Someone asks to subscribe to the user's presence (§3.1.4). The {@link SubscriptionPolicy} has
   * already acted; answer those it left {@code DEFER} with {@code roster.subscriptions().approve} or
   * {@code deny}.
   */
  default void onSubscriptionRequest(Roster roster, SubscriptionRequest request) {
  }

  /** A tracked contact's presence changed (§4). */
  default void onContactPresence(Roster roster, PresenceChange change) {
  }
}
