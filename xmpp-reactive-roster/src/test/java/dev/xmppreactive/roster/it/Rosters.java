package dev.xmppreactive.roster.it;

import dev.xmppreactive.client.XmppClient;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.roster.Roster;
import dev.xmppreactive.roster.RosterClient;
import dev.xmppreactive.roster.SubscriptionState;
import dev.xmppreactive.servers.TestUser;
import dev.xmppreactive.servers.XmppServer;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Roster clients for a harness server, and the waits of the ITs. */
final class Rosters {

  /** The bound on any one step of a test (a login, a round trip, a change to come). */
  static final Duration T = Duration.ofSeconds(20);

  private Rosters() {
  }

  /** An XMPP client for the user on the server over STARTTLS, binding this resource. */
  static XmppClient xmpp(XmppServer server, TestUser user, String resource) {
    return XmppClient.create()
        .credentials(user.jid(), user.password())
        .host(server.host())
        .port(server.starttlsPort())
        .trust(server.trustAnchorPem())
        .resource(resource);
  }

  /** A roster client for the user on the server. */
  static RosterClient client(XmppServer server, TestUser user, String resource) {
    return RosterClient.of(xmpp(server, user, resource));
  }

  /** Connects within {@link #T}. */
  static Roster login(RosterClient client) {
    return client.connect().block(T);
  }

  /** Closes the rosters' sessions (those not null). */
  static void closeAll(Roster... rosters) {
    for (Roster r : rosters) {
      if (r != null) {
        r.close().block(T);
      }
    }
  }

  /**
   * Makes two accounts mutual contacts through the handshake (RFC 6121 §3.1): each asks, each
   * approves. The rosters' clients must approve requests (e.g. {@code SubscriptionPolicy.ACCEPT_ALL}).
   */
  static void befriend(Roster a, Roster b) {
    Jid aj = a.session().jid().bare();
    Jid bj = b.session().jid().bare();
    a.subscriptions().subscribe(bj).block(T);
    b.subscriptions().subscribe(aj).block(T);
    until(a.changes(), () -> a.item(bj).map(i -> i.subscription() == SubscriptionState.BOTH)
        .orElse(false));
    until(b.changes(), () -> b.item(aj).map(i -> i.subscription() == SubscriptionState.BOTH)
        .orElse(false));
  }

  /** Waits until the condition holds: checked now and after each signal of the feed. */
  static void until(Flux<?> feed, BooleanSupplier condition) {
    Flux.merge(feed.map(x -> 1), Mono.just(1)).filter(x -> condition.getAsBoolean()).next()
        .block(T);
  }
}
