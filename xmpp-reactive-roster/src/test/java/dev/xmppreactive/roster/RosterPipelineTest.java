package dev.xmppreactive.roster;

import static dev.xmppreactive.roster.Server.T;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.client.IqTimeoutException;
import dev.xmppreactive.client.SessionEvent;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Iq;
import dev.xmppreactive.stanza.Presence;
import dev.xmppreactive.stanza.StanzaError;
import dev.xmppreactive.stanza.StanzaErrorCondition;
import dev.xmppreactive.stanza.StanzaErrorException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * The roster's pipeline over a session without a network: the fetch on login with its version
 * (RFC 6121 §2.2, §2.6), pushes in order with results, spoofed pushes, the re-fetch after a new
 * stream, sets that complete with their push.
 */
class RosterPipelineTest {

  private static final Jid ME = Jid.of("juliet@example.com/balcony");
  private static final Jid NURSE = Jid.of("nurse@example.com");
  private static final Jid ROMEO = Jid.of("romeo@example.net");

  /** Starts a roster, answering its first get with this result. */
  private static Roster start(FakeSession s, RosterSettings settings, String ver,
                              RosterItem... items) {
    Mono<Roster> started = RosterRuntime.start(s, settings);
    Roster[] r = new Roster[1];
    StepVerifier.create(started)
        .then(() -> s.receive(Server.result(Server.rosterGet(s, 0), ver, items)))
        .assertNext(x -> r[0] = x)
        .expectComplete()
        .verify(T);
    return r[0];
  }

  @Test
  void theFirstFetchBootstrapsVersioningThenTheInitialPresenceGoes() {
    FakeSession s = FakeSession.versioned();
    Roster r = start(s, Settings.defaults(), "v1", RosterItem.of(NURSE, "Nurse", "Servants"));
    Iq get = Server.rosterGet(s, 0);
    assertThat(get.payload().attribute("ver")).isEmpty(); // §2.6.2: bootstrap
    assertThat(r.snapshot().version()).isEqualTo("v1");
    assertThat(r.item(NURSE).orElseThrow().groups()).containsExactly("Servants");
    // §2.2 and §4.2.1: the roster first, then the initial presence
    StepVerifier.create(s.sent().take(2))
        .assertNext(first -> assertThat(first).isEqualTo(get))
        .assertNext(second -> {
          assertThat(second).isInstanceOf(Presence.class);
          assertThat(((Presence) second).type()).isEqualTo(Presence.Type.AVAILABLE);
          assertThat(second.to()).isNull();
        })
        .expectComplete().verify(Server.T);
  }

  @Test
  void withoutTheServersVersioningNoVersionIsSent() {
    FakeSession s = new FakeSession(ME);
    start(s, Settings.defaults(), null, RosterItem.of(NURSE));
    assertThat(Server.rosterGet(s, 0).payload().attribute("ver")).isNull(); // §2.6.2 MUST NOT
  }

  @Test
  void aStoredVersionIsAskedForAndAnEmptyResultKeepsTheStoredRoster() {
    RosterStore store = RosterStore.inMemory();
    store.save(ME, RosterSnapshot.of("v7", List.of(RosterItem.of(NURSE, "Nurse")))).block();
    FakeSession s = FakeSession.versioned();
    Mono<Roster> started = RosterRuntime.start(s, Settings.defaults().withStore(store));
    StepVerifier.create(started)
        .then(() -> {
          Iq get = Server.rosterGet(s, 0);
          assertThat(get.payload().attribute("ver")).isEqualTo("v7");
          s.receive(get.resultReply()); // §2.6.3: no payload, the cache is current
        })
        .assertNext(r -> {
          assertThat(r.snapshot().version()).isEqualTo("v7");
          assertThat(r.item(NURSE).orElseThrow().name()).isEqualTo("Nurse");
        })
        .expectComplete().verify(Server.T);
  }

  @Test
  void pushesAreAppliedInTheOrderTheServerSentThemAroundAResult() {
    FakeSession s = FakeSession.versioned();
    Mono<Roster> started = RosterRuntime.start(s, Settings.defaults());
    Roster[] roster = new Roster[1];
    StepVerifier.create(started)
        .then(() -> {
          Iq get = Server.rosterGet(s, 0);
          // a push that overtakes the result, then the result that already holds it
          s.receive(Server.push(ME, null, "v2", RosterItem.of(NURSE, "Nurse")));
          s.receive(Server.result(get, "v3", RosterItem.of(NURSE, "Nurse"), RosterItem.of(ROMEO)));
        })
        .assertNext(r -> roster[0] = r)
        .expectComplete().verify(Server.T);
    Roster r = roster[0];
    assertThat(r.snapshot().items().keySet()).containsExactly(NURSE, ROMEO);
    assertThat(r.snapshot().version()).isEqualTo("v3");
    s.receive(Server.push(ME, "juliet@example.com", "v4", RosterItem.of(ROMEO, "Romeo")));
    assertThat(r.item(ROMEO).orElseThrow().name()).isEqualTo("Romeo");
    assertThat(r.snapshot().version()).isEqualTo("v4");
  }

  @Test
  void changesFollowPushesAndAReFetchAfterANewStreamAsksForTheLastPushedVersion() {
    FakeSession s = FakeSession.versioned();
    Roster r = start(s, Settings.defaults(), "v1", RosterItem.of(NURSE));
    StepVerifier.create(r.changes().take(3))
        .then(() -> {
          s.receive(Server.push(ME, null, "v2", RosterItem.of(ROMEO, "Romeo")));
          s.receive(Server.removal(ME, "v3", NURSE));
          s.event(new SessionEvent.Suspended(new RuntimeException("lost")));
          s.event(new SessionEvent.Reconnected(ME, null, true));
          Iq again = Server.rosterGet(s, 1);
          assertThat(again.payload().attribute("ver")).isEqualTo("v3"); // §2.6.3: the last push's
          s.receive(again.resultReply());
          s.receive(Server.push(ME, null, "v4", RosterItem.of(ROMEO, "R.")));
        })
        .assertNext(c -> assertThat(c).extracting(RosterChange::kind, RosterChange::jid,
            RosterChange::origin).containsExactly(RosterChange.Kind.ADDED, ROMEO,
            RosterChange.Origin.PUSH))
        .assertNext(c -> assertThat(c.kind()).isEqualTo(RosterChange.Kind.REMOVED))
        .assertNext(c -> {
          assertThat(c.kind()).isEqualTo(RosterChange.Kind.UPDATED);
          assertThat(c.previous().name()).isEqualTo("Romeo");
          assertThat(c.version()).isEqualTo("v4");
        })
        .expectComplete().verify(Server.T);
    // and the presence is sent again on the new stream, after the roster
    assertThat(s.sent().ofType(Presence.class).take(2).collectList().block(T)).hasSize(2);
  }

  @Test
  void aResumedStreamFetchesNothing() {
    FakeSession s = FakeSession.versioned();
    Roster r = start(s, Settings.defaults(), "v1");
    s.event(new SessionEvent.Suspended(new RuntimeException("lost")));
    s.event(new SessionEvent.Resumed(ME, null));
    // a refresh is the second get: had the resumption fetched, it would be the third
    StepVerifier.create(r.refresh())
        .then(() -> {
          Iq second = Server.rosterGet(s, 1);
          assertThat(second.payload().attribute("ver")).isEqualTo("v1");
          s.receive(second.resultReply());
        })
        .expectComplete().verify(Server.T);
    assertThat(s.sentSoFar()).filteredOn(st -> st instanceof Iq iq && iq.type() == Iq.Type.GET)
        .hasSize(2);
  }

  @Test
  void aSpoofedPushIsNeverApplied() {
    FakeSession s = FakeSession.versioned();
    Roster r = start(s, Settings.defaults(), "v1", RosterItem.of(NURSE));
    StepVerifier.create(r.changes().take(1))
        .then(() -> {
          s.receive(Server.push(ME, "romeo@example.net/orchard", "x", RosterItem.of(ROMEO)));
          s.receive(Server.removal(ME, "x", NURSE).toBuilder().from("romeo@example.net").build());
          s.receive(Server.push(ME, "juliet@example.com/chamber", "x", RosterItem.of(ROMEO)));
          s.receive(Server.push(ME, null, "v2", RosterItem.of(NURSE, "Nurse")));
        })
        .assertNext(c -> {
          assertThat(c.jid()).isEqualTo(NURSE);
          assertThat(c.kind()).isEqualTo(RosterChange.Kind.UPDATED);
        })
        .expectComplete().verify(Server.T);
    assertThat(r.snapshot().items().keySet()).containsExactly(NURSE);
    assertThat(r.snapshot().version()).isEqualTo("v2");
  }

  @Test
  void aFetchErrorFailsTheStart() {
    FakeSession s = FakeSession.versioned();
    StepVerifier.create(RosterRuntime.start(s, Settings.defaults()))
        .then(() -> s.receive(Server.rosterGet(s, 0).errorReply(
            StanzaError.of(StanzaErrorCondition.SERVICE_UNAVAILABLE))))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(StanzaErrorException.class,
            se -> assertThat(se.condition()).isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE)))
        .verify(T);
  }

  @Test
  void aResultFromSomeoneElseIsNotTheRosterAndTheFetchTimesOut() {
    FakeSession s = FakeSession.versioned();
    StepVerifier.withVirtualTime(() -> RosterRuntime.start(s, Settings.defaults()))
        .then(() -> s.receive(Server.result(Server.rosterGet(s, 0), "v1", RosterItem.of(ROMEO))
            .withFrom(Jid.of("romeo@example.net/orchard"))))
        .thenAwait(Duration.ofSeconds(30))
        .expectError(IqTimeoutException.class)
        .verify(T);
  }

  @Test
  void aSetCompletesOnceItsPushIsApplied() {
    FakeSession s = FakeSession.versioned();
    Roster r = start(s, Settings.defaults(), "v1");
    StepVerifier.create(r.add(ROMEO, "Romeo", "Friends"))
        .then(() -> {
          Iq set = Server.sent(s, Iq.class, iq -> iq.type() == Iq.Type.SET);
          assertThat(set.payload().element("item", RosterCodec.NS).attribute("name"))
              .isEqualTo("Romeo");
          assertThat(r.item(ROMEO)).isEmpty();
          s.receive(Server.push(ME, null, "v2", RosterItem.of(ROMEO, "Romeo", "Friends")));
        })
        .then(() -> assertThat(r.item(ROMEO)).isPresent())
        .expectComplete().verify(Server.T);
  }

  @Test
  void aSetWhosePushNeverComesCompletesAfterThePushWait() {
    FakeSession s = FakeSession.versioned();
    VirtualTimeScheduler time = VirtualTimeScheduler.create();
    Roster r = start(s, Settings.defaults().withTimer(time), "v1"); // a push wait of 5 s
    StepVerifier.withVirtualTime(() -> r.remove(ROMEO), () -> time, Long.MAX_VALUE)
        .expectSubscription()
        .thenAwait(Duration.ofSeconds(4))
        .expectNoEvent(Duration.ofMillis(900))
        .thenAwait(Duration.ofMillis(100))
        .expectComplete()
        .verify(T);
  }

  @Test
  void anUpdateNeedsAnItemAndKeepsItsJid() {
    FakeSession s = FakeSession.versioned();
    Roster r = start(s, Settings.defaults(), "v1", RosterItem.of(NURSE));
    StepVerifier.create(r.update(ROMEO, i -> i.withName("x")))
        .expectError(IllegalArgumentException.class)
        .verify(T);
    StepVerifier.create(r.update(NURSE, i -> RosterItem.of(ROMEO)))
        .expectError(IllegalArgumentException.class)
        .verify(T);
    assertThat(s.sentSoFar()).noneMatch(st -> st instanceof Iq iq && iq.type() == Iq.Type.SET);
  }
}
