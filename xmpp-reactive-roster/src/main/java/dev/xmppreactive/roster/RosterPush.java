package dev.xmppreactive.roster;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Iq;
import dev.xmppreactive.stanza.StanzaError;
import dev.xmppreactive.stanza.StanzaErrorCondition;
import dev.xmppreactive.xml.XmlElement;
import java.util.List;

/**
 * The rules for an inbound roster request (RFC 6121 §2.1.6): a push is an IQ set whose {@code
 * <query/>} holds exactly one {@code <item/>}, and it is accepted only with no {@code from} or a
 * {@code from} of the account's own bare JID. Anything else is refused and never applied.
 *
 * <p>The same check decides both the reply (in the router) and whether the roster applies the push
 * (in the inbound pipeline), so the two cannot disagree.
 */
final class RosterPush {

  private RosterPush() {
  }

  /** The outcome of the check. */
  sealed interface Check permits Accepted, Refused {
  }

  /** A push to apply, with the roster version it carries (§2.6.3), or {@code null}. */
  record Accepted(RosterCodec.Parsed item, String version) implements Check {
  }

  /** A request refused, with the condition of the error reply. */
  record Refused(StanzaErrorCondition condition, String reason) implements Check {
  }

  /** Whether the IQ is a roster request (get or set with a roster {@code <query/>}). */
  static boolean isRosterRequest(Iq iq) {
    return iq.isRequest() && iq.payload() != null && iq.payload().is("query", RosterCodec.NS);
  }

  /**
   * Checks a roster request that arrived at the account's session.
   *
   * @param iq      a roster get or set
   * @param account the account's JID (its bare part is what counts)
   */
  static Check check(Iq iq, Jid account) {
    Jid from = iq.from();
    if (from != null && !from.equals(account.bare())) {
      // §2.1.6: not from the account: refused, with service-unavailable (it says nothing of us).
      return new Refused(StanzaErrorCondition.SERVICE_UNAVAILABLE,
          "a roster push from " + from + ", not from the account " + account.bare());
    }
    if (iq.type() != Iq.Type.SET) {
      return new Refused(StanzaErrorCondition.SERVICE_UNAVAILABLE, "a roster get to a client");
    }
    XmlElement query = iq.payload();
    List<XmlElement> items = query.elements("item", query.namespace());
    if (items.size() != 1) {
      return new Refused(StanzaErrorCondition.BAD_REQUEST,
          "a roster push with " + items.size() + " items, not one (§2.1.6 rule 1)");
    }
    RosterCodec.Parsed parsed = RosterCodec.parseItem(items.get(0), true);
    if (parsed == null) {
      return new Refused(StanzaErrorCondition.BAD_REQUEST, "a roster push item without a valid jid");
    }
    return new Accepted(parsed, query.attribute("ver"));
  }

  /** The reply to a roster request: an empty result if accepted, the refusal's error otherwise. */
  static Iq reply(Iq iq, Check check) {
    if (check instanceof Refused r) {
      return iq.errorReply(StanzaError.of(r.condition()));
    }
    return iq.resultReply();
  }
}
