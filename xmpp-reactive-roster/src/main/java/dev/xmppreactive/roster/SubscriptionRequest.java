package dev.xmppreactive.roster;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Presence;
import java.util.Objects;

/**
 * An inbound subscription request (RFC 6121 §3.1.3, §3.1.4): someone asks to receive the user's
 * presence.
 *
 * @param from     the requester's bare JID (servers stamp it so, §3)
 * @param presence the {@code subscribe} presence as received (its status, extensions such as a nick)
 * @param decision what the {@link SubscriptionPolicy} did with it; {@code DEFER} means the application
 *                 is to answer
 */
public record SubscriptionRequest(Jid from, Presence presence, SubscriptionDecision decision) {

  /** Checks the values. */
  public SubscriptionRequest {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(presence, "presence");
    Objects.requireNonNull(decision, "decision");
  }

  /** The request's status text (§4.7.2.2), which may say who asks and why; or {@code null}. */
  public String status() {
    return presence.status();
  }

  /** The same request with another decision. */
  SubscriptionRequest withDecision(SubscriptionDecision d) {
    return new SubscriptionRequest(from, presence, d);
  }
}
