package dev.xmppreactive.samples.contacts;

import dev.xmppreactive.client.XmppSession;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.roster.RosterSnapshot;
import dev.xmppreactive.stanza.Iq;
import dev.xmppreactive.stanza.Presence;
import dev.xmppreactive.xml.XmlElement;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link ContactSource} on a session: a roster get (RFC 6121 §2.1.3) through {@code request}, its
 * result read by the roster module, and the session's presences (§4).
 */
final class CoreContactSource implements ContactSource {

  /** The roster namespace, RFC 6121 §2.1.1. */
  static final String ROSTER_NS = "jabber:iq:roster";

  private final XmppSession session;

  CoreContactSource(XmppSession session) {
    this.session = Objects.requireNonNull(session, "session");
  }

  @Override
  public Mono<List<Contact>> roster() {
    // No 'to': the request goes to the account itself, which the server answers (RFC 6121 §2.1.3).
    return session.request(Iq.get((Jid) null, XmlElement.empty("query", ROSTER_NS)))
        .map(CoreContactSource::contacts);
  }

  @Override
  public Flux<PresenceUpdate> presenceUpdates() {
    // The server reflects the account's own presence to its resources (RFC 6121 §4.2.2): not a contact.
    Jid self = session.jid().bare();
    return session.presences()
        .filter(p -> p.from() != null && !p.from().bare().equals(self)
            && (p.type() == Presence.Type.AVAILABLE || p.type() == Presence.Type.UNAVAILABLE))
        .map(p -> p.type() == Presence.Type.AVAILABLE
            ? new PresenceUpdate(p.from(), true, p.show(), p.status())
            : new PresenceUpdate(p.from(), false, Presence.Show.NONE, p.status()));
  }

  /** The items of a roster result, read by the roster module (RFC 6121 §2.1.4). */
  static List<Contact> contacts(Iq result) {
    XmlElement query = result.payload();
    if (query == null || !query.is("query", ROSTER_NS)) {
      return List.of();
    }
    return RosterSnapshot.fromQuery(query).items().values().stream().map(Contact::of).toList();
  }
}
