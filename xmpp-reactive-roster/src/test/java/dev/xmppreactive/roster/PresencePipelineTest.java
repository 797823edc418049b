package dev.xmppreactive.roster;

import static dev.xmppreactive.roster.Server.T;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.xmppreactive.client.SessionEvent;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Presence;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** Presence (RFC 6121 §4) over a session without a network: tracking, loss, own presence. */
class PresencePipelineTest {

  private static final Jid ME = Jid.of("juliet@example.com/balcony");
  private static final Jid ROMEO = Jid.of("romeo@example.net");

  @Test
  void contactsAndOwnResourcesAreTrackedOthersNot() {
    FakeSession s = FakeSession.versioned();
    Roster r = Started.roster(s, Settings.defaults(), "v1", RosterItem.of(ROMEO));
    StepVerifier.create(r.presences().changes().take(3))
        .then(() -> {
          s.receive(Server.available("stranger@example.org/x", 9));
          s.receive(Server.available("romeo@example.net/orchard", 1));
          s.receive(Server.available("romeo@example.net/home", 5));
          s.receive(Server.available("juliet@example.com/chamber", 0));
        })
        .assertNext(c -> assertThat(c.jid()).isEqualTo(Jid.of("romeo@example.net/orchard")))
        .assertNext(c -> assertThat(c.contact().best().orElseThrow().resource()).isEqualTo("home"))
        .assertNext(c -> assertThat(c.jid()).isEqualTo(Jid.of("juliet@example.com/chamber")))
        .expectComplete().verify(Server.T);
    assertThat(r.presences().of(Jid.of("stranger@example.org")).isAvailable()).isFalse();
    assertThat(r.presences().best(ROMEO).orElseThrow().priority()).isEqualTo(5);
    assertThat(r.presences().available()).extracting(ContactPresence::jid)
        .containsExactlyInAnyOrder(ROMEO, ME.bare());
  }

  @Test
  void aLostStreamMakesPresenceUnknownAResumedOneRestoresIt() {
    FakeSession s = FakeSession.versioned();
    Roster r = Started.roster(s, Settings.defaults(), "v1", RosterItem.of(ROMEO));
    s.receive(Server.available("romeo@example.net/orchard", 1));
    StepVerifier.create(r.presences().changes().take(2))
        .then(() -> s.event(new SessionEvent.Suspended(new RuntimeException("lost"))))
        .assertNext(c -> {
          assertThat(c.kind()).isEqualTo(PresenceChange.Kind.UNKNOWN);
          assertThat(r.presences().of(ROMEO).known()).isFalse();
        })
        .then(() -> s.event(new SessionEvent.Resumed(ME, null)))
        .assertNext(c -> assertThat(c.kind()).isEqualTo(PresenceChange.Kind.AVAILABLE))
        .expectComplete().verify(Server.T);
    assertThat(r.presences().best(ROMEO)).isPresent();
  }

  @Test
  void aNewStreamLearnsPresenceAgain() {
    FakeSession s = FakeSession.versioned();
    Roster r = Started.roster(s, Settings.defaults(), "v1", RosterItem.of(ROMEO));
    s.receive(Server.available("romeo@example.net/orchard", 1));
    s.event(new SessionEvent.Suspended(new RuntimeException("lost")));
    s.event(new SessionEvent.Reconnected(ME, null, true));
    assertThat(r.presences().of(ROMEO).known()).isTrue();
    assertThat(r.presences().of(ROMEO).isAvailable()).isFalse();
    s.receive(Server.rosterGet(s, 1).resultReply());
    s.receive(Server.available("romeo@example.net/home", 2));
    assertThat(r.presences().best(ROMEO).orElseThrow().resource()).isEqualTo("home");
  }

  @Test
  void aContactThatLeavesTheRosterIsNoLongerTracked() {
    FakeSession s = FakeSession.versioned();
    Roster r = Started.roster(s, Settings.defaults(), "v1", RosterItem.of(ROMEO));
    s.receive(Server.available("romeo@example.net/orchard", 1));
    s.receive(Server.removal(ME, "v2", ROMEO));
    assertThat(r.presences().of(ROMEO).isAvailable()).isFalse();
    s.receive(Server.available("romeo@example.net/orchard", 1));
    assertThat(r.presences().of(ROMEO).isAvailable()).isFalse();
  }

  @Test
  void losingTheSubscriptionToAContactForgetsItsPresence() {
    FakeSession s = FakeSession.versioned();
    RosterItem both = new RosterItem(ROMEO, null, SubscriptionState.BOTH, false, false, List.of());
    Roster r = Started.roster(s, Settings.defaults(), "v1", both);
    s.receive(Server.available("romeo@example.net/orchard", 1));
    StepVerifier.create(r.presences().changes().take(1))
        .then(() -> s.receive(Server.push(ME, null, "v2",
            new RosterItem(ROMEO, null, SubscriptionState.FROM, false, false, List.of()))))
        .assertNext(c -> {
          assertThat(c.kind()).isEqualTo(PresenceChange.Kind.UNAVAILABLE);
          assertThat(c.presence()).isNull(); // no stanza said so: the subscription went
        })
        .expectComplete().verify(Server.T);
    assertThat(r.presences().of(ROMEO).isAvailable()).isFalse();
  }

  @Test
  void ownPresenceUpdatesAreRememberedDirectedOnesNot() {
    FakeSession s = FakeSession.versioned();
    Presences p = Started.roster(s, Settings.defaults(), "v1").presences();
    p.set(Presence.Show.DND, "busy", 7).block(T);
    assertThat(p.current().show()).isEqualTo(Presence.Show.DND);
    p.sendDirected(ROMEO, Presence.available()).block(T);
    assertThat(p.current().show()).isEqualTo(Presence.Show.DND);
    // the new stream's presence is the current one
    s.event(new SessionEvent.Reconnected(ME, null, true));
    s.receive(Server.rosterGet(s, 1).resultReply());
    Presence again = s.sent().ofType(Presence.class).skip(3).blockFirst(T);
    assertThat(again.show()).isEqualTo(Presence.Show.DND);
    assertThat(again.priority()).isEqualTo(7);
    assertThat(again.to()).isNull();
    p.set(Presence.unavailable()).block(T);
    assertThat(p.current()).isNull();
  }

  @Test
  void ownPresenceIsCheckedForWhatItIs() {
    Presences p = Started.roster(FakeSession.versioned(), Settings.defaults(), "v1").presences();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> p.set(Presence.available().withTo(ROMEO)));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> p.set(Presence.subscribe(ROMEO)));
  }

  @Test
  void aSubscriberThatFallsBehindIsDroppedAlone() {
    FakeSession s = FakeSession.versioned();
    Roster r = Started.roster(s, Settings.defaults(), "v1", RosterItem.of(ROMEO)); // capacity 16
    Flux<PresenceChange> changes = r.presences().changes();
    StepVerifier.create(changes, 0)
        .then(() -> {
          for (int i = 0; i < 17; i++) {
            s.receive(Server.available("romeo@example.net/r" + i, i));
          }
        })
        .thenRequest(100)
        .expectNextCount(16) // what its buffer held, then the error
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ChangeOverflowException.class))
        .verify(T);
    StepVerifier.create(changes.take(1))
        .then(() -> s.receive(Server.available("romeo@example.net/r0", 0)))
        .expectNextCount(1)
        .expectComplete()
        .verify(Duration.ofSeconds(5));
  }
}
