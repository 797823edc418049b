package dev.xmppreactive.roster.it;

import static dev.xmppreactive.roster.it.Rosters.T;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.client.SessionEvent;
import dev.xmppreactive.client.SmSettings;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.roster.ContactPresence;
import dev.xmppreactive.roster.PresenceChange;
import dev.xmppreactive.roster.Roster;
import dev.xmppreactive.roster.RosterClient;
import dev.xmppreactive.roster.SubscriptionPolicy;
import dev.xmppreactive.servers.EachServer;
import dev.xmppreactive.servers.FaultProxy;
import dev.xmppreactive.servers.TestUser;
import dev.xmppreactive.servers.XmppServer;
import dev.xmppreactive.stanza.Presence;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Presence against Prosody and ejabberd (RFC 6121 §4): a contact with two resources of different
 * priorities, updates, directed presence, and what a lost connection does: a resumed stream
 * (XEP-0198) keeps what was known, a new stream learns it again.
 */
class PresenceIT {

  private static RosterClient accepting(XmppServer server, TestUser user, String resource) {
    return Rosters.client(server, user, resource).subscriptionPolicy(SubscriptionPolicy.ACCEPT_ALL);
  }

  @EachServer
  void aContactWithTwoResourcesOfDifferentPriorities(XmppServer server) {
    TestUser a = server.newUser("alice");
    TestUser b = server.newUser("bob");
    Jid bob = Jid.of(b.jid());
    Roster alice = Rosters.login(accepting(server, a, "a"));
    Roster home = Rosters.login(accepting(server, b, "home")
        .initialPresence(Presence.builder().priority(5).status("at home").build()));
    Roster work = null;
    try {
      Rosters.befriend(alice, home);
      Roster[] w = new Roster[1];
      StepVerifier.create(alice.presences().changes().map(PresenceChange::contact)
              .filter(c -> c.jid().equals(bob) && c.resources().size() == 2).next())
          .then(() -> w[0] = Rosters.login(accepting(server, b, "work")
              .initialPresence(Presence.builder().priority(1).show(Presence.Show.AWAY).build())))
          .assertNext(both -> {
            assertThat(both.best().orElseThrow().resource()).isEqualTo("home");
            assertThat(both.best().orElseThrow().status()).isEqualTo("at home");
            assertThat(both.resource("work").orElseThrow().show()).isEqualTo(Presence.Show.AWAY);
            assertThat(both.resource("work").orElseThrow().priority()).isEqualTo(1);
          })
          .expectComplete().verify(T);
      work = w[0];

      // an update (§4.4): work now has the highest priority
      Roster wk = work;
      StepVerifier.create(alice.presences().changes()
              .filter(c -> c.jid().equals(bob.withResource("work"))).next())
          .then(() -> wk.presences().set(Presence.Show.DND, "meeting", 10).block(T))
          .assertNext(c -> {
            assertThat(c.kind()).isEqualTo(PresenceChange.Kind.AVAILABLE);
            assertThat(c.contact().best().orElseThrow().resource()).isEqualTo("work");
            assertThat(c.contact().best().orElseThrow().show()).isEqualTo(Presence.Show.DND);
          })
          .expectComplete().verify(T);

      // work leaves (§4.5): home is the best again
      StepVerifier.create(alice.presences().changes()
              .filter(c -> c.kind() == PresenceChange.Kind.UNAVAILABLE).next())
          .then(() -> wk.close().block(T))
          .assertNext(c -> {
            assertThat(c.jid()).isEqualTo(bob.withResource("work"));
            assertThat(c.contact().best().orElseThrow().resource()).isEqualTo("home");
          })
          .expectComplete().verify(T);
      work = null;
      ContactPresence now = alice.presences().of(bob);
      assertThat(now.resources()).hasSize(1);
      assertThat(now.best().orElseThrow().priority()).isEqualTo(5);
    } finally {
      Rosters.closeAll(alice, home, work);
    }
  }

  @EachServer
  void directedPresenceReachesSomeoneWithoutASubscription(XmppServer server) {
    TestUser a = server.newUser("alice");
    TestUser c = server.newUser("carol");
    Roster alice = Rosters.login(Rosters.client(server, a, "a"));
    Roster carol = Rosters.login(Rosters.client(server, c, "c"));
    try {
      Jid to = carol.session().jid();
      StepVerifier.create(carol.session().presences()
              .filter(p -> alice.session().jid().equals(p.from())).next())
          .then(() -> alice.presences().sendDirected(to, Presence.builder().status("psst").build())
              .block(T))
          .assertNext(p -> assertThat(p.status()).isEqualTo("psst"))
          .expectComplete().verify(T);
      // carol does not track strangers
      assertThat(carol.presences().of(alice.session().jid()).isAvailable()).isFalse();
    } finally {
      Rosters.closeAll(alice, carol);
    }
  }

  @EachServer
  void aResumedStreamKeepsPresence(XmppServer server) {
    TestUser a = server.newUser("alice");
    TestUser b = server.newUser("bob");
    Jid bob = Jid.of(b.jid());
    try (FaultProxy proxy = FaultProxy.to(server.host(), server.starttlsPort())) {
      Roster alice = Rosters.login(RosterClient.of(Rosters.xmpp(server, a, "a").port(proxy.port()))
          .subscriptionPolicy(SubscriptionPolicy.ACCEPT_ALL));
      Roster br = Rosters.login(accepting(server, b, "b"));
      try {
        Rosters.befriend(alice, br);
        Rosters.until(alice.presences().changes(), () -> alice.presences().of(bob).isAvailable());
        // From the cut's UNKNOWN on: a presence of bob's still on its way before the cut (the server
        // may send it twice, broadcast and probe answer) is no part of what is checked here.
        StepVerifier.create(alice.presences().changes().filter(c -> c.jid().bare().equals(bob))
                .skipUntil(c -> c.kind() == PresenceChange.Kind.UNKNOWN).take(2))
            .then(proxy::cutAll)
            .assertNext(c -> {
              assertThat(c.kind()).isEqualTo(PresenceChange.Kind.UNKNOWN);
              assertThat(c.contact().known()).isFalse();
            })
            .assertNext(c -> {
              assertThat(c.kind()).isEqualTo(PresenceChange.Kind.AVAILABLE);
              assertThat(c.jid()).isEqualTo(br.session().jid());
            })
            .expectComplete().verify(T);
        assertThat(alice.session().events().filter(e -> e instanceof SessionEvent.Resumed).next()
            .block(T)).isNotNull();
        assertThat(alice.presences().of(bob).known()).isTrue();
      } finally {
        Rosters.closeAll(alice, br);
      }
    }
  }

  @EachServer
  void aNewStreamLearnsPresenceAgain(XmppServer server) {
    TestUser a = server.newUser("alice");
    TestUser b = server.newUser("bob");
    Jid bob = Jid.of(b.jid());
    Jid aliceBare = Jid.of(a.jid());
    try (FaultProxy proxy = FaultProxy.to(server.host(), server.starttlsPort())) {
      Roster alice = Rosters.login(RosterClient.of(Rosters.xmpp(server, a, "a").port(proxy.port())
              .streamManagement(SmSettings.disabled()))
          .subscriptionPolicy(SubscriptionPolicy.ACCEPT_ALL)
          .initialPresence(Presence.builder().status("hello").build()));
      Roster br = Rosters.login(accepting(server, b, "b"));
      try {
        Rosters.befriend(alice, br);
        Rosters.until(alice.presences().changes(), () -> alice.presences().of(bob).isAvailable());
        Rosters.until(br.presences().changes(), () -> br.presences().of(aliceBare).isAvailable());
        // alice: unknown, then learnt from the server on the new stream (a stanza, not a restore)
        StepVerifier.create(Mono.zip(
                alice.presences().changes().filter(c -> c.jid().bare().equals(bob))
                    .skipUntil(c -> c.kind() == PresenceChange.Kind.UNKNOWN).take(2).collectList(),
                // bob: alice's resource goes, then comes back with her presence sent again
                br.presences().changes().filter(c -> c.jid().bare().equals(aliceBare)
                    && c.kind() == PresenceChange.Kind.AVAILABLE).next()))
            .then(proxy::cutAll)
            .assertNext(t -> {
              assertThat(t.getT1()).extracting(PresenceChange::kind).containsExactly(
                  PresenceChange.Kind.UNKNOWN, PresenceChange.Kind.AVAILABLE);
              assertThat(t.getT1().get(1).presence()).isNotNull();
              assertThat(t.getT2().presence().status()).isEqualTo("hello");
            })
            .expectComplete().verify(T);
        assertThat(alice.session().events().filter(e -> e instanceof SessionEvent.Reconnected)
            .next().block(T)).isNotNull();
      } finally {
        Rosters.closeAll(alice, br);
      }
    }
  }
}
