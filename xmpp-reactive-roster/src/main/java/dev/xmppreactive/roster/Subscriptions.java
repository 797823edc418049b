package dev.xmppreactive.roster;

import dev.xmppreactive.client.StreamFeatures;
import dev.xmppreactive.client.XmppSession;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Presence;
import dev.xmppreactive.stanza.StanzaIds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Presence subscriptions (RFC 6121 §3): asking for a contact's presence, answering the requests of
 * others (by hand or by a {@link SubscriptionPolicy}), cancelling, unsubscribing and pre-approving.
 * The subscription states themselves are in the roster ({@link RosterItem#subscription()}), which the
 * server updates with pushes as the handshake goes. Thread-safe.
 *
 * <p>Every method that sends addresses the contact's bare JID (§3: subscriptions are between bare
 * JIDs) and gives the stanza an id (§3.1.1, §3.1.4: "for tracking purposes"). Each completes when the
 * stanza is written: Threading, it completes on the connection's event loop; Backpressure, not
 * applicable; Errors, as {@code XmppSession.send}.
 */
public final class Subscriptions {

  private static final Logger log = LoggerFactory.getLogger(Subscriptions.class);

  private final XmppSession session;
  private final SubscriptionPolicy policy;
  private final int maxPending;
  private final Feed<SubscriptionRequest> feed;
  private final Map<Jid, SubscriptionRequest> pending = new LinkedHashMap<>();

  Subscriptions(XmppSession session, SubscriptionPolicy policy, int capacity, int maxPending) {
    this.session = session;
    this.policy = policy;
    this.maxPending = maxPending;
    this.feed = new Feed<>("subscription requests", capacity);
  }

  /**
   * Inbound subscription requests (§3.1.3), from the moment of subscription, each with what the
   * policy decided; those left {@code DEFER} await {@link #approve} or {@link #deny}.
   *
   * <p>Threading: signals on the thread that delivers the session's inbound stanzas (an event loop;
   * do not block), or on the subscriber's requesting thread for buffered ones. Backpressure: each
   * subscriber has a buffer of the configured feed capacity; past it, that subscriber gets what its
   * buffer holds, then fails with {@link ChangeOverflowException}. Errors: only that; completes when the session ends.
   */
  public Flux<SubscriptionRequest> requests() {
    return feed.flux();
  }

  /**
   * The requests left to the application and not answered yet, oldest first: one per requester
   * (a server delivers one, §3.1.3 rule 4), at most the configured number (the oldest are forgotten).
   */
  public List<SubscriptionRequest> pending() {
    synchronized (pending) {
      return new ArrayList<>(pending.values());
    }
  }

  /** Asks for a contact's presence: {@code subscribe} (§3.1.1). */
  public Mono<Void> subscribe(Jid contact) {
    return send(Presence.Type.SUBSCRIBE, contact);
  }

  /** Approves a contact's request: {@code subscribed} (§3.1.4). */
  public Mono<Void> approve(Jid contact) {
    return send(Presence.Type.SUBSCRIBED, contact);
  }

  /** Denies a contact's request: {@code unsubscribed} (§3.1.4). */
  public Mono<Void> deny(Jid contact) {
    return send(Presence.Type.UNSUBSCRIBED, contact);
  }

  /**
   * Cancels the subscription a contact has to the user's presence, or a pre-approval:
   * {@code unsubscribed} (§3.2.1).
   */
  public Mono<Void> cancel(Jid contact) {
    return send(Presence.Type.UNSUBSCRIBED, contact);
  }

  /** Stops receiving a contact's presence: {@code unsubscribe} (§3.3.1). */
  public Mono<Void> unsubscribe(Jid contact) {
    return send(Presence.Type.UNSUBSCRIBE, contact);
  }

  /** Whether the server offers subscription pre-approval (§3.4, the stream feature of §3.4). */
  public boolean preApprovalOffered() {
    return session.features().preApproval();
  }

  /**
   * Pre-approves a contact's future request (§3.4.1): {@code subscribed} before any request. The
   * server then notes {@link RosterItem#approved()} and answers the contact's request itself.
   *
   * <p>Errors: {@link FeatureNotOfferedException} (before anything is sent) if the server does not
   * offer pre-approval ("the client MUST NOT attempt" then); otherwise as the others.
   */
  public Mono<Void> preApprove(Jid contact) {
    Objects.requireNonNull(contact, "contact");
    return Mono.defer(() -> preApprovalOffered() ? approve(contact)
        : Mono.error(new FeatureNotOfferedException(StreamFeatures.PRE_APPROVAL_NS,
            "subscription pre-approval (RFC 6121 §3.4)")));
  }

  private Mono<Void> send(Presence.Type type, Jid contact) {
    Objects.requireNonNull(contact, "contact");
    Jid bare = contact.bare();
    Presence p = Presence.builder().type(type).to(bare).id(StanzaIds.random()).build();
    return Mono.defer(() -> {
      if (type == Presence.Type.SUBSCRIBED || type == Presence.Type.UNSUBSCRIBED) {
        answered(bare);
      }
      return session.send(p);
    });
  }

  private void answered(Jid bare) {
    synchronized (pending) {
      pending.remove(bare);
    }
  }

  // ---- from the session ----

  /** A subscription presence arrived (subscribe, subscribed, unsubscribe, unsubscribed). */
  void onPresence(Presence p) {
    if (p.from() == null) {
      return;
    }
    Jid from = p.from().bare();
    if (p.type() == Presence.Type.UNSUBSCRIBE) {
      answered(from); // the requester withdrew (§3.3), or unsubscribed: nothing left to answer
      return;
    }
    if (p.type() != Presence.Type.SUBSCRIBE) {
      return;
    }
    SubscriptionRequest request = new SubscriptionRequest(from, p, SubscriptionDecision.DEFER);
    SubscriptionDecision d;
    try {
      d = Objects.requireNonNull(policy.decide(request), "the policy's decision");
    } catch (RuntimeException e) {
      log.warn("the subscription policy failed on the request of {}; left to the application", from,
          e);
      d = SubscriptionDecision.DEFER;
    }
    request = request.withDecision(d);
    switch (d) {
      case APPROVE -> approve(from).subscribe(null, e -> log.warn("could not approve {}", from, e));
      case DENY -> deny(from).subscribe(null, e -> log.warn("could not deny {}", from, e));
      case DEFER -> {
        synchronized (pending) {
          pending.remove(from);
          pending.put(from, request);
          if (pending.size() > maxPending) {
            Jid oldest = pending.keySet().iterator().next();
            pending.remove(oldest);
            log.warn("more than {} subscription requests pending: the oldest, of {}, is forgotten",
                maxPending, oldest);
          }
        }
      }
    }
    feed.emit(request);
  }

  /** The roster changed: a request approved elsewhere (another resource) is no longer pending. */
  void onRosterChange(RosterChange change) {
    if (change.item() != null && change.item().subscription().sendsPresence()) {
      answered(change.jid());
    }
  }

  void close() {
    feed.complete();
  }
}
