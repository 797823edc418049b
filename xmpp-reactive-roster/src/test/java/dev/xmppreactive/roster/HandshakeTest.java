package dev.xmppreactive.roster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Presence;
import dev.xmppreactive.test.RunningServer;
import dev.xmppreactive.test.XmppTestServer;
import java.time.Duration;
import java.util.function.Predicate;
import reactor.core.publisher.Mono;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * Subscriptions and presence end to end on the in-JVM test server: the handshake both ways
 * (RFC 6121 §3), and a contact with two resources of different priorities (§4).
 */
class HandshakeTest {

  static final Duration T = Duration.ofSeconds(10);

  RunningServer server;

  @BeforeEach
  void start() {
    server = XmppTestServer.create().user("alice", "pw").user("bob", "pw").start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static Predicate<RosterChange> state(Jid jid, SubscriptionState s) {
    return c -> c.jid().equals(jid) && c.item() != null && c.item().subscription() == s;
  }

  @Test
  void theHandshakeBothWaysAndBack() {
    Jid aliceJid = server.jid("alice");
    Jid bobJid = server.jid("bob");
    Roster alice = RosterClient.of(server.clientFor("alice", "a"))
        .subscriptionPolicy(SubscriptionPolicy.ACCEPT_ALL).connect().block(T);
    Roster bob = RosterClient.of(server.clientFor("bob", "b")).connect().block(T);
    try {
      // alice asks; bob answers by hand: alice 'to' (pending out until then), bob 'from'
      StepVerifier.create(Mono.zip(bob.subscriptions().requests().next(),
              alice.changes().filter(c -> c.jid().equals(bobJid) && c.item() != null).next()))
          .then(() -> alice.subscriptions().subscribe(bobJid).block(T))
          .assertNext(t -> {
            assertThat(t.getT1().from()).isEqualTo(aliceJid);
            assertThat(t.getT1().decision()).isEqualTo(SubscriptionDecision.DEFER);
            // §3.1.2: the server pushes the item, None + Pending Out
            assertThat(t.getT2().item().pendingOut()).isTrue();
            assertThat(t.getT2().item().subscription()).isEqualTo(SubscriptionState.NONE);
          })
          .expectComplete().verify(Server.T);
      assertThat(bob.subscriptions().pending()).extracting(SubscriptionRequest::from)
          .containsExactly(aliceJid);
      // §3.1.6: then alice's roster says 'to', and bob's presence comes to her
      StepVerifier.create(Mono.when(
              alice.changes().filter(state(bobJid, SubscriptionState.TO)).next(),
              alice.presences().changes().filter(c -> c.jid().bare().equals(bobJid)
                  && c.kind() == PresenceChange.Kind.AVAILABLE).next()))
          .then(() -> bob.subscriptions().approve(aliceJid).block(T))
          .expectComplete().verify(Server.T);
      assertThat(alice.item(bobJid).orElseThrow().pendingOut()).isFalse();
      assertThat(alice.presences().of(bobJid).isAvailable()).isTrue();
      assertThat(bob.subscriptions().pending()).isEmpty();

      // bob asks back; alice's policy approves: both ways now, in both rosters
      StepVerifier.create(Mono.when(
              bob.changes().filter(state(aliceJid, SubscriptionState.BOTH)).next(),
              alice.changes().filter(state(bobJid, SubscriptionState.BOTH)).next()))
          .then(() -> bob.subscriptions().subscribe(aliceJid).block(T))
          .expectComplete().verify(Server.T);

      // and back: alice unsubscribes from bob (§3.3): she no longer gets his presence
      StepVerifier.create(Mono.when(
              alice.changes().filter(state(bobJid, SubscriptionState.FROM)).next(),
              bob.changes().filter(state(aliceJid, SubscriptionState.TO)).next()))
          .then(() -> alice.subscriptions().unsubscribe(bobJid).block(T))
          .expectComplete().verify(Server.T);
      // then she cancels his subscription to hers (§3.2): none either way
      StepVerifier.create(Mono.when(
              alice.changes().filter(state(bobJid, SubscriptionState.NONE)).next(),
              bob.changes().filter(state(aliceJid, SubscriptionState.NONE)).next()))
          .then(() -> alice.subscriptions().cancel(bobJid).block(T))
          .expectComplete().verify(Server.T);
      assertThat(alice.presences().of(bobJid).isAvailable()).isFalse();
    } finally {
      alice.close().block(T);
      bob.close().block(T);
    }
  }

  @Test
  void aContactWithTwoResourcesOfDifferentPriorities() {
    server.befriend("alice", "bob");
    Jid bobJid = server.jid("bob");
    Roster alice = RosterClient.of(server.clientFor("alice", "a")).connect().block(T);
    Roster home = null;
    Roster work = null;
    try {
      Roster[] bob = new Roster[2];
      StepVerifier.create(alice.presences().changes().map(PresenceChange::contact)
              .filter(c -> c.jid().equals(bobJid) && c.resources().size() == 2).take(1))
          .then(() -> {
            bob[0] = RosterClient.of(server.clientFor("bob", "home"))
                .initialPresence(Presence.builder().priority(5).status("at home").build())
                .connect().block(T);
            bob[1] = RosterClient.of(server.clientFor("bob", "work"))
                .initialPresence(Presence.builder().priority(1).show(Presence.Show.AWAY).build())
                .connect().block(T);
          })
          .assertNext(both -> {
            assertThat(both.best().orElseThrow().resource()).isEqualTo("home");
            assertThat(both.best().orElseThrow().status()).isEqualTo("at home");
            assertThat(both.resource("work").orElseThrow().show()).isEqualTo(Presence.Show.AWAY);
          })
          .expectComplete().verify(Server.T);
      home = bob[0];
      work = bob[1];

      // home goes: work is the best
      Roster h = home;
      StepVerifier.create(alice.presences().changes()
              .filter(c -> c.kind() == PresenceChange.Kind.UNAVAILABLE).take(1))
          .then(() -> h.close().block(T))
          .assertNext(c -> {
            assertThat(c.jid().resourcepart()).isEqualTo("home");
            assertThat(c.contact().best().orElseThrow().resource()).isEqualTo("work");
          })
          .expectComplete().verify(Server.T);
      home = null;
      assertThat(alice.presences().best(bobJid).orElseThrow().priority()).isEqualTo(1);
    } finally {
      alice.close().block(T);
      if (home != null) {
        home.close().block(T);
      }
      if (work != null) {
        work.close().block(T);
      }
    }
  }
}
