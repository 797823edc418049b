package dev.xmppreactive.roster;

/**
 * Decides inbound subscription requests as they arrive (RFC 6121 §3.1.4: "an automated client ...
 * will have its own application-specific rules for approving or denying subscription requests").
 * Whatever it decides, the request is also published on {@link Subscriptions#requests()}, with the
 * decision.
 *
 * <p>Threading: called on the thread that delivers the session's inbound stanzas (an event loop): it
 * must not block. An exception it throws is logged and taken as {@link SubscriptionDecision#DEFER}.
 */
@FunctionalInterface
public interface SubscriptionPolicy {

  /** Leaves every request to the application (the default, as an interactive client must, §3.1.4). */
  SubscriptionPolicy MANUAL = request -> SubscriptionDecision.DEFER;

  /** Approves every request: for bots that serve anyone. */
  SubscriptionPolicy ACCEPT_ALL = request -> SubscriptionDecision.APPROVE;

  /** Denies every request. */
  SubscriptionPolicy REJECT_ALL = request -> SubscriptionDecision.DENY;

  /**
   * Decides one request.
   *
   * @param request the request; its {@link SubscriptionRequest#decision()} is {@code DEFER} here
   * @return what to do with it
   */
  SubscriptionDecision decide(SubscriptionRequest request);
}
