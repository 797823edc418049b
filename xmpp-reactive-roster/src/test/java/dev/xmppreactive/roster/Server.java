package dev.xmppreactive.roster;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Iq;
import dev.xmppreactive.stanza.Presence;
import dev.xmppreactive.stanza.Stanza;
import dev.xmppreactive.stanza.StanzaIds;
import dev.xmppreactive.xml.XmlElement;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What a server would send, for the pipeline tests over a {@link FakeSession}. */
final class Server {

  static final Duration T = Duration.ofSeconds(10);

  private Server() {
  }

  /**
   * Waits until a condition holds, checking it now and after each signal of a feed (subscribed
   * before the first check, so no change is missed).
   */
  static void until(Flux<?> feed, BooleanSupplier condition) {
    Flux.merge(feed.map(x -> 1), Mono.just(1)).filter(x -> condition.getAsBoolean()).next()
        .block(T);
  }

  /** The first stanza the roster sent that matches, waiting for it. */
  @SuppressWarnings("unchecked")
  static <S extends Stanza> S sent(FakeSession s, Class<S> type, Predicate<? super S> p) {
    return s.sent().ofType(type).filter(p).blockFirst(T);
  }

  /** The roster get the roster sent (the n-th, from 0). */
  static Iq rosterGet(FakeSession s, int n) {
    return s.sentIqs().filter(iq -> iq.type() == Iq.Type.GET
        && iq.payload().is("query", RosterCodec.NS)).skip(n).blockFirst(T);
  }

  /** A roster result with items (§2.1.4). */
  static Iq result(Iq get, String ver, RosterItem... items) {
    XmlElement.Builder q = XmlElement.builder("query", RosterCodec.NS);
    if (ver != null) {
      q.attribute("ver", ver);
    }
    for (RosterItem i : items) {
      q.child(RosterCodec.storedItem(i));
    }
    return get.resultReply(q.build());
  }

  /** A roster push of one item (§2.1.6); {@code from} may be null. */
  static Iq push(Jid to, String from, String ver, RosterItem item) {
    return push(to, from, ver, RosterCodec.storedItem(item));
  }

  static Iq push(Jid to, String from, String ver, XmlElement item) {
    XmlElement.Builder q = XmlElement.builder("query", RosterCodec.NS).child(item);
    if (ver != null) {
      q.attribute("ver", ver);
    }
    Iq.Builder b = Iq.builder().type(Iq.Type.SET).id(StanzaIds.random()).to(to).payload(q.build());
    if (from != null) {
      b.from(from);
    }
    return b.build();
  }

  /** A removal push (§2.5.2). */
  static Iq removal(Jid to, String ver, Jid jid) {
    return push(to, null, ver, XmlElement.builder("item", RosterCodec.NS)
        .attribute("jid", jid.toString()).attribute("subscription", "remove").build());
  }

  static Presence available(String from, int priority) {
    return Presence.builder().from(from).priority(priority).build();
  }

  static Presence typed(String from, Presence.Type type) {
    return Presence.builder().from(from).type(type).build();
  }
}
