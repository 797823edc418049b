package dev.xmppreactive.roster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.client.XmppSession;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Iq;
import dev.xmppreactive.stanza.Presence;
import dev.xmppreactive.stanza.Stanza;
import dev.xmppreactive.stanza.StanzaErrorCondition;
import dev.xmppreactive.stanza.StanzaErrorException;
import dev.xmppreactive.test.RosterEntry;
import dev.xmppreactive.test.RunningServer;
import dev.xmppreactive.test.Subscription;
import dev.xmppreactive.test.TestSession;
import dev.xmppreactive.test.XmppTestServer;
import dev.xmppreactive.xml.XmlElement;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

/**
 * The roster end to end through a real client and the in-JVM test server: the hook into the client
 * (the router answers pushes), the fetch before the initial presence, sets, a spoofed push from
 * another account, the store across restarts.
 */
class RosterClientTest {

  static final Duration T = Duration.ofSeconds(10);

  RunningServer server;

  @TempDir
  Path dir;

  @BeforeEach
  void start() {
    server = XmppTestServer.create().user("alice", "pw").user("bob", "pw").user("mallory", "pw")
        .start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private RosterClient alice() {
    return RosterClient.of(server.clientFor("alice", "balcony"));
  }

  @Test
  void theRosterIsFetchedBeforeTheInitialPresence() {
    server.putRosterEntry("alice", new RosterEntry(server.jid("bob"), "Bob", Subscription.BOTH,
        false, List.of("Friends")));
    Roster r = alice().connect().block(T);
    try {
      RosterItem bob = r.item(server.jid("bob")).orElseThrow();
      assertThat(bob.name()).isEqualTo("Bob");
      assertThat(bob.subscription()).isEqualTo(SubscriptionState.BOTH);
      assertThat(bob.groups()).containsExactly("Friends");
      assertThat(r.snapshot().version()).isNotNull(); // the test server versions its rosters
      TestSession ts = server.session(r.session().jid()).block(T);
      List<Stanza> first = ts.received().take(2).collectList().block(T);
      assertThat(first.get(0)).isInstanceOfSatisfying(Iq.class,
          iq -> assertThat(iq.payload().is("query", RosterCodec.NS)).isTrue());
      assertThat(first.get(1)).isInstanceOfSatisfying(Presence.class,
          p -> assertThat(p.type()).isEqualTo(Presence.Type.AVAILABLE));
    } finally {
      r.close().block(T);
    }
  }

  @Test
  void addUpdateAndRemoveShowInTheSnapshotWhenTheyComplete() {
    Roster r = alice().connect().block(T);
    try {
      Jid bob = server.jid("bob");
      StepVerifier.create(r.changes().take(3))
          .then(() -> {
            r.add(bob, "Bob", "Friends").block(T);
            assertThat(r.item(bob).orElseThrow().groups()).containsExactly("Friends");
            r.update(bob, i -> i.withName("Robert").withGroups("Work", "Chess")).block(T);
            assertThat(r.item(bob).orElseThrow().name()).isEqualTo("Robert");
            r.remove(bob).block(T);
            assertThat(r.item(bob)).isEmpty();
          })
          .assertNext(c -> assertThat(c.kind()).isEqualTo(RosterChange.Kind.ADDED))
          .assertNext(c -> assertThat(c.item().groups()).containsExactly("Work", "Chess"))
          .assertNext(c -> assertThat(c.kind()).isEqualTo(RosterChange.Kind.REMOVED))
          .expectComplete().verify(Server.T);
      assertThat(server.roster("alice")).isEmpty();
      StepVerifier.create(r.remove(bob))
          .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(StanzaErrorException.class,
              se -> assertThat(se.condition()).isEqualTo(StanzaErrorCondition.ITEM_NOT_FOUND)))
          .verify(T);
    } finally {
      r.close().block(T);
    }
  }

  @Test
  void aPushFromAnotherAccountIsRefusedAndNeverApplied() {
    Roster r = alice().connect().block(T);
    XmppSession mallory = server.clientFor("mallory").connect().block(T);
    try {
      Iq spoof = Iq.set(r.session().jid(), XmlElement.builder("query", RosterCodec.NS)
          .child(XmlElement.builder("item", RosterCodec.NS).attribute("jid", "mallory@example.test")
              .attribute("name", "Trust me").attribute("subscription", "both").build()).build());
      StepVerifier.create(mallory.request(spoof))
          .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(StanzaErrorException.class,
              se -> assertThat(se.condition()).isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE)))
          .verify(T);
      // a real push after it shows the spoofed one was passed over
      StepVerifier.create(r.changes().take(1))
          .then(() -> r.add(server.jid("bob"), "Bob").block(T))
          .assertNext(c -> assertThat(c.jid()).isEqualTo(server.jid("bob")))
          .expectComplete().verify(Server.T);
      assertThat(r.snapshot().items().keySet()).containsExactly(server.jid("bob"));
    } finally {
      mallory.close().block(T);
      r.close().block(T);
    }
  }

  @Test
  void aFileStoreLetsARestartedClientAskForItsVersion() {
    Path file = dir.resolve("alice-roster.xml");
    Roster first = alice().store(RosterStore.file(file)).connect().block(T);
    first.add(server.jid("bob"), "Bob").block(T);
    String ver = first.snapshot().version();
    first.close().block(T);

    Roster again = alice().store(RosterStore.file(file)).connect().block(T);
    try {
      assertThat(again.item(server.jid("bob")).orElseThrow().name()).isEqualTo("Bob");
      TestSession ts = server.session(again.session().jid()).block(T);
      Iq get = ts.received().ofType(Iq.class).blockFirst(T);
      assertThat(get.payload().attribute("ver")).isEqualTo(ver);
    } finally {
      again.close().block(T);
    }
  }
}
