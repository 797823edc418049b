package dev.xmppreactive.roster.it;

import static dev.xmppreactive.roster.it.Rosters.T;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.client.SessionEvent;
import dev.xmppreactive.client.SmSettings;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.roster.Roster;
import dev.xmppreactive.roster.RosterChange;
import dev.xmppreactive.roster.RosterClient;
import dev.xmppreactive.roster.RosterHandler;
import dev.xmppreactive.roster.RosterStore;
import dev.xmppreactive.servers.EachServer;
import dev.xmppreactive.servers.FaultProxy;
import dev.xmppreactive.servers.ServerKind;
import dev.xmppreactive.servers.TestUser;
import dev.xmppreactive.servers.XmppServer;
import dev.xmppreactive.stanza.Iq;
import dev.xmppreactive.stanza.StanzaErrorCondition;
import dev.xmppreactive.stanza.StanzaErrorException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The roster against Prosody and ejabberd (RFC 6121 §2): fetch, sets and their pushes to every
 * interested resource, versioning (§2.6) across sessions and across a reconnection.
 */
class RosterIT {

  private static final Logger log = LoggerFactory.getLogger(RosterIT.class);
  private static final String NS = "jabber:iq:roster";

  @EachServer
  void fetchAddUpdateRemoveAndPushesToTheOtherResource(XmppServer server) {
    TestUser alice = server.newUser("alice");
    Jid bob = Jid.of(server.newUser("bob").jid());
    Jid carol = Jid.of(server.newUser("carol").jid());
    Roster phone = null;
    Roster laptop = null;
    try {
      phone = Rosters.login(Rosters.client(server, alice, "phone"));
      laptop = Rosters.login(Rosters.client(server, alice, "laptop"));
      assertThat(phone.snapshot().size()).isZero();
      // RFC 6121 §2.6.1: both servers offer roster versioning
      assertThat(phone.session().features().rosterVersioning()).isTrue();
      Mono<Iq> firstPush = laptop.session().iqs()
          .filter(iq -> iq.type() == Iq.Type.SET && iq.payload().is("query", NS)).next().cache();
      firstPush.subscribe();
      Roster p = phone;
      StepVerifier.create(laptop.changes().take(4))
          .then(() -> {
            p.add(bob, "Bob", "Friends").block(T);
            p.add(carol, null).block(T);
            p.update(bob, i -> i.withName("Robert").withGroups("Friends", "Chess")).block(T);
            p.remove(carol).block(T);
          })
          .assertNext(c -> assertThat(c).extracting(RosterChange::kind, RosterChange::jid)
              .containsExactly(RosterChange.Kind.ADDED, bob))
          .assertNext(c -> assertThat(c.jid()).isEqualTo(carol))
          .assertNext(c -> {
            assertThat(c.kind()).isEqualTo(RosterChange.Kind.UPDATED);
            assertThat(c.item().name()).isEqualTo("Robert");
            assertThat(c.item().groups()).containsExactlyInAnyOrder("Friends", "Chess");
          })
          .assertNext(c -> assertThat(c.kind()).isEqualTo(RosterChange.Kind.REMOVED))
          .expectComplete()
          .verify(T);
      Iq push = firstPush.block(T);
      log.info("{}: a roster push as received: {}", server.name(), push);
      assertThat(push.from() == null || push.from().equals(Jid.of(alice.jid()))).isTrue();
      assertThat(push.payload().attribute("ver")).isNotNull(); // §2.6.3: pushes carry versions
      // the resource that made the changes sees them when its calls complete
      assertThat(phone.snapshot().items().keySet()).containsExactly(bob);
      assertThat(laptop.snapshot().items()).isEqualTo(phone.snapshot().items());
      log.info("{}: versions after four changes: phone {}, laptop {}", server.name(),
          phone.snapshot().version(), laptop.snapshot().version());
      // a fresh fetch agrees
      Roster fresh = Rosters.login(Rosters.client(server, alice, "fresh"));
      try {
        assertThat(fresh.snapshot().items()).isEqualTo(phone.snapshot().items());
      } finally {
        Rosters.closeAll(fresh);
      }
      // §2.5.3: removing an item that is not there is item-not-found; measured: ejabberd 23.01
      // answers with a result instead
      Mono<Void> again = phone.remove(carol);
      if (server.kind() == ServerKind.PROSODY) {
        StepVerifier.create(again)
            .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(
                StanzaErrorException.class,
                se -> assertThat(se.condition()).isEqualTo(StanzaErrorCondition.ITEM_NOT_FOUND)))
            .verify(T);
      } else {
        StepVerifier.create(again).expectComplete().verify(T);
      }
    } finally {
      Rosters.closeAll(phone, laptop);
    }
  }

  @EachServer
  void aVersionedFetchAfterAChangeByAnotherSession(XmppServer server) {
    TestUser alice = server.newUser("alice");
    Jid bob = Jid.of(server.newUser("bob").jid());
    Jid carol = Jid.of(server.newUser("carol").jid());
    RosterStore store = RosterStore.inMemory();
    Roster first = Rosters.login(Rosters.client(server, alice, "one").store(store));
    first.add(bob, "Bob").block(T);
    String ver = first.snapshot().version();
    log.info("{}: roster version after one item: {}", server.name(), ver);
    assertThat(ver).as("%s versions its roster", server.name()).isNotNull();
    first.close().block(T);

    Roster other = Rosters.login(Rosters.client(server, alice, "two"));
    other.add(carol, "Carol").block(T);
    other.update(bob, i -> i.withName("Bobby")).block(T);
    other.close().block(T);

    List<RosterChange> seen = new CopyOnWriteArrayList<>();
    RosterClient again = Rosters.client(server, alice, "one").store(store)
        .handler(new RosterHandler() {
          @Override
          public void onRosterPush(Roster roster, RosterChange change) {
            seen.add(change);
          }
        });
    Roster back = Rosters.login(again);
    try {
      // What the login's versioned fetch left (for a failure's diagnosis: once, on ejabberd, the
      // condition below was never met within the timeout).
      log.info("{}: after the versioned login: {}", server.name(), back.snapshot());
      Rosters.until(back.changes(), () -> back.item(carol).isPresent()
          && "Bobby".equals(back.item(bob).orElseThrow().name()));
      assertThat(back.snapshot().version()).isNotEqualTo(ver);
      Rosters.until(back.changes(), () -> seen.size() >= 2);
      log.info("{}: a versioned fetch after two changes brought: {}", server.name(),
          seen.stream().map(c -> c.kind() + " " + c.jid().localpart() + " by " + c.origin()).toList());
    } finally {
      Rosters.closeAll(back);
    }
  }

  @EachServer
  void afterAReconnectionTheRosterIsBroughtUpToDateNotFetchedWhole(XmppServer server) {
    TestUser alice = server.newUser("alice");
    Jid bob = Jid.of(server.newUser("bob").jid());
    Jid carol = Jid.of(server.newUser("carol").jid());
    try (FaultProxy proxy = FaultProxy.to(server.host(), server.starttlsPort())) {
      // without stream management, a lost connection means a new stream
      Roster r = Rosters.login(RosterClient.of(Rosters.xmpp(server, alice, "one")
          .port(proxy.port()).streamManagement(SmSettings.disabled())));
      Roster other = null;
      try {
        r.add(bob, "Bob").block(T);
        // the re-fetch's result, as it arrives (the roster takes it from the inbound stanzas)
        Mono<Iq> refetch = r.session().iqs()
            .filter(iq -> iq.type() == Iq.Type.RESULT
                && (iq.payload() == null || iq.payload().is("query", NS)))
            .next().cache();
        refetch.subscribe();
        Mono<SessionEvent> back = r.session().events()
            .filter(e -> e instanceof SessionEvent.Reconnected).next().cache();
        back.subscribe();
        proxy.cutAll();
        assertThat(back.block(T)).isInstanceOfSatisfying(SessionEvent.Reconnected.class,
            e -> assertThat(e.newStream()).isTrue());
        Iq result = refetch.block(T);
        log.info("{}: the roster result after a reconnection with the current version: {}",
            server.name(), result);
        assertThat(result.payload()).as("an empty result (RFC 6121 §2.6.3): nothing fetched again")
            .isNull();
        assertThat(r.item(bob).orElseThrow().name()).isEqualTo("Bob");
        // and the new stream's session is an interested resource again: it gets pushes
        other = Rosters.login(Rosters.client(server, alice, "two"));
        other.add(carol, "Carol").block(T);
        Rosters.until(r.changes(), () -> r.item(carol).isPresent());
      } finally {
        Rosters.closeAll(r, other);
      }
    }
  }
}
