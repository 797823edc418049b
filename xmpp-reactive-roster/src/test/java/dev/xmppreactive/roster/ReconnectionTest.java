package dev.xmppreactive.roster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.client.SessionEvent;
import dev.xmppreactive.client.SmSettings;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Iq;
import dev.xmppreactive.stanza.Stanza;
import dev.xmppreactive.test.RunningServer;
import dev.xmppreactive.test.TestSession;
import dev.xmppreactive.test.XmppTestServer;
import dev.xmppreactive.xml.XmlElement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * A lost connection, on the in-JVM test server: a resumed stream (XEP-0198) keeps presence and
 * fetches nothing; a new stream brings the roster up to date with its version (RFC 6121 §2.6) and
 * learns presence again.
 */
class ReconnectionTest {

  static final Duration T = Duration.ofSeconds(10);

  RunningServer server;

  @BeforeEach
  void start() {
    server = XmppTestServer.create().user("alice", "pw").user("bob", "pw").start();
    server.befriend("alice", "bob");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static boolean isRosterGet(Stanza s) {
    return s instanceof Iq iq && iq.type() == Iq.Type.GET && iq.payload().is("query", RosterCodec.NS);
  }

  @Test
  void aResumedStreamKeepsPresenceAndFetchesNothing() {
    Jid bobJid = server.jid("bob");
    Roster bob = RosterClient.of(server.clientFor("bob", "b")).connect().block(T);
    Roster alice = RosterClient.of(server.clientFor("alice", "a")).connect().block(T);
    try {
      Server.until(alice.presences().changes(), () -> alice.presences().of(bobJid).isAvailable());
      TestSession ts = server.session(alice.session().jid()).block(T);
      StepVerifier.create(alice.presences().changes().filter(c -> c.jid().bare().equals(bobJid))
              .take(2))
          .then(ts::dropConnection)
          .assertNext(c -> assertThat(c.kind()).isEqualTo(PresenceChange.Kind.UNKNOWN))
          .assertNext(c -> {
            assertThat(c.kind()).isEqualTo(PresenceChange.Kind.AVAILABLE);
            assertThat(c.jid().bare()).isEqualTo(bobJid);
          })
          .expectComplete().verify(T);
      assertThat(alice.session().events().ofType(SessionEvent.Resumed.class).next().block(T))
          .isNotNull();
      assertThat(alice.presences().of(bobJid).known()).isTrue();
      // what the server received in the session, up to a ping sent now: one roster get only
      Iq ping = Iq.get(Jid.domain(server.domain()), XmlElement.empty("ping", "urn:xmpp:ping"))
          .withId("after-resumption");
      alice.session().request(ping).block(T);
      List<Stanza> received = ts.received()
          .takeUntil(s -> "after-resumption".equals(s.id())).collectList().block(T);
      assertThat(received).filteredOn(ReconnectionTest::isRosterGet).hasSize(1);
    } finally {
      alice.close().block(T);
      bob.close().block(T);
    }
  }

  @Test
  void aNewStreamAsksForTheVersionAndLearnsPresenceAgain() {
    Jid bobJid = server.jid("bob");
    Roster bob = RosterClient.of(server.clientFor("bob", "b")).connect().block(T);
    Roster alice = RosterClient.of(server.clientFor("alice", "a")
        .streamManagement(SmSettings.disabled())).connect().block(T);
    try {
      Server.until(alice.presences().changes(), () -> alice.presences().of(bobJid).isAvailable());
      String ver = alice.snapshot().version();
      TestSession first = server.session(alice.session().jid()).block(T);
      Mono<TestSession> second = server.sessions()
          .filter(s -> s.user().equals("alice") && s != first).next().cache();
      second.subscribe();
      StepVerifier.create(alice.presences().changes().filter(c -> c.jid().bare().equals(bobJid))
              .take(2))
          .then(first::dropConnection)
          .assertNext(c -> assertThat(c.kind()).isEqualTo(PresenceChange.Kind.UNKNOWN))
          .assertNext(c -> {
            assertThat(c.kind()).isEqualTo(PresenceChange.Kind.AVAILABLE);
            assertThat(c.jid().bare()).isEqualTo(bobJid);
            assertThat(c.presence()).isNotNull();
          })
          .expectComplete().verify(T);
      Iq get = second.block(T).received().filter(ReconnectionTest::isRosterGet).cast(Iq.class)
          .blockFirst(T);
      assertThat(get.payload().attribute("ver")).isEqualTo(ver);
      assertThat(alice.item(bobJid)).isPresent();
    } finally {
      alice.close().block(T);
      bob.close().block(T);
    }
  }
}
