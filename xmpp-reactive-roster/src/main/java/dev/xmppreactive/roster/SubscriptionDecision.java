package dev.xmppreactive.roster;

/** What a {@link SubscriptionPolicy} does with an inbound subscription request (RFC 6121 §3.1.4). */
public enum SubscriptionDecision {
  /** Approve it: send {@code subscribed} (§3.1.4). */
  APPROVE,
  /** Deny it: send {@code unsubscribed} (§3.1.4, §3.2.1). */
  DENY,
  /** Leave it to the application, which answers with {@link Subscriptions#approve} or {@code deny}. */
  DEFER
}
