package dev.xmppreactive.roster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Presence;
import dev.xmppreactive.stanza.StanzaError;
import dev.xmppreactive.stanza.StanzaErrorCondition;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-resource presence (RFC 6121 §4) and what a lost stream does to it. */
class PresenceTableTest {

  private static final Jid ROMEO = Jid.of("romeo@example.net");
  private static final Jid ORCHARD = Jid.of("romeo@example.net/orchard");
  private static final Jid HOME = Jid.of("romeo@example.net/home");

  private static Presence available(Jid from, int priority, Presence.Show show) {
    return Presence.builder().from(from).priority(priority).show(show).build();
  }

  private static Presence unavailable(Jid from) {
    return Presence.builder().from(from).type(Presence.Type.UNAVAILABLE).build();
  }

  @Test
  void theBestResourceHasTheHighestPriority() {
    PresenceTable t = new PresenceTable();
    t.apply(available(ORCHARD, 1, Presence.Show.CHAT));
    t.apply(available(HOME, 5, Presence.Show.DND));
    ContactPresence c = t.of(ROMEO);
    assertThat(c.isAvailable()).isTrue();
    assertThat(c.resources()).extracting(ResourcePresence::jid).containsExactly(HOME, ORCHARD);
    assertThat(c.best().orElseThrow().priority()).isEqualTo(5);
    assertThat(c.resource("orchard").orElseThrow().show()).isEqualTo(Presence.Show.CHAT);
  }

  @Test
  void amongEqualPrioritiesShowThenTheLatestDecide() {
    PresenceTable t = new PresenceTable();
    t.apply(available(ORCHARD, 0, Presence.Show.AWAY));
    t.apply(available(HOME, 0, Presence.Show.CHAT));
    assertThat(t.of(ROMEO).best().orElseThrow().jid()).isEqualTo(HOME);
    t.apply(available(HOME, 0, Presence.Show.XA));
    assertThat(t.of(ROMEO).best().orElseThrow().jid()).isEqualTo(ORCHARD);
    t.apply(available(HOME, 0, Presence.Show.AWAY)); // same as orchard: the latest wins
    assertThat(t.of(ROMEO).best().orElseThrow().jid()).isEqualTo(HOME);
  }

  @Test
  void unavailableRemovesTheResourceAndFromTheBareJidAllOfThem() {
    PresenceTable t = new PresenceTable();
    t.apply(available(ORCHARD, 1, Presence.Show.NONE));
    t.apply(available(HOME, 2, Presence.Show.NONE));
    List<PresenceChange> one = t.apply(unavailable(HOME));
    assertThat(one).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo(PresenceChange.Kind.UNAVAILABLE);
      assertThat(c.jid()).isEqualTo(HOME);
      assertThat(c.contact().resources()).extracting(ResourcePresence::jid).containsExactly(ORCHARD);
    });
    t.apply(available(HOME, 2, Presence.Show.NONE));
    List<PresenceChange> all = t.apply(unavailable(ROMEO));
    assertThat(all).extracting(PresenceChange::jid).containsExactlyInAnyOrder(HOME, ORCHARD);
    assertThat(t.of(ROMEO).isAvailable()).isFalse();
    assertThat(t.apply(unavailable(HOME))).isEmpty(); // nothing known: no change
  }

  @Test
  void anErrorPresenceMakesTheResourceUnavailable() {
    PresenceTable t = new PresenceTable();
    t.apply(available(ORCHARD, 1, Presence.Show.NONE));
    Presence error = Presence.builder().from(ORCHARD).type(Presence.Type.ERROR)
        .error(StanzaError.of(StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND)).build();
    assertThat(t.apply(error)).extracting(PresenceChange::kind)
        .containsExactly(PresenceChange.Kind.UNAVAILABLE);
  }

  @Test
  void aSuspendedStreamMakesPresenceUnknownAndAResumedOneRestoresIt() {
    PresenceTable t = new PresenceTable();
    t.apply(available(ORCHARD, 1, Presence.Show.NONE));
    List<PresenceChange> lost = t.suspend();
    assertThat(lost).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo(PresenceChange.Kind.UNKNOWN);
      assertThat(c.jid()).isEqualTo(ROMEO);
      assertThat(c.contact().known()).isFalse();
    });
    assertThat(t.of(ROMEO).known()).isFalse();
    assertThat(t.of(ROMEO).isAvailable()).isFalse();
    assertThat(t.suspend()).isEmpty(); // already suspended
    List<PresenceChange> back = t.resume();
    assertThat(back).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo(PresenceChange.Kind.AVAILABLE);
      assertThat(c.jid()).isEqualTo(ORCHARD);
      assertThat(c.presence()).isNotNull();
    });
    assertThat(t.of(ROMEO).known()).isTrue();
    assertThat(t.of(ROMEO).best().orElseThrow().jid()).isEqualTo(ORCHARD);
  }

  @Test
  void aNewStreamForgetsWhatWasKnown() {
    PresenceTable t = new PresenceTable();
    t.apply(available(ORCHARD, 1, Presence.Show.NONE));
    t.suspend();
    t.newStream();
    assertThat(t.of(ROMEO).known()).isTrue();
    assertThat(t.of(ROMEO).isAvailable()).isFalse();
    assertThat(t.resume()).isEmpty();
    t.apply(available(HOME, 1, Presence.Show.NONE)); // learnt again
    assertThat(t.of(ROMEO).resources()).extracting(ResourcePresence::jid).containsExactly(HOME);
  }

  @Test
  void presenceThatArrivesWhileSuspendedPrevailsOverTheRestoredOne() {
    PresenceTable t = new PresenceTable();
    t.apply(available(ORCHARD, 1, Presence.Show.NONE));
    t.suspend();
    t.apply(available(ORCHARD, 3, Presence.Show.AWAY));
    assertThat(t.resume()).isEmpty();
    assertThat(t.of(ROMEO).best().orElseThrow().priority()).isEqualTo(3);
  }

  @Test
  void forgettingAContactReportsItsResourcesGone() {
    PresenceTable t = new PresenceTable();
    t.apply(available(ORCHARD, 1, Presence.Show.NONE));
    assertThat(t.forget(ROMEO)).extracting(PresenceChange::kind, PresenceChange::presence)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(PresenceChange.Kind.UNAVAILABLE, null));
    assertThat(t.available()).isEmpty();
  }

  @Test
  void resourcesPerContactAreBounded() {
    PresenceTable t = new PresenceTable();
    for (int i = 0; i < PresenceTable.MAX_RESOURCES; i++) {
      t.apply(available(ROMEO.withResource("r" + i), 0, Presence.Show.NONE));
    }
    t.apply(available(ROMEO.withResource("r0"), 0, Presence.Show.NONE)); // r0 speaks again
    List<PresenceChange> more = t.apply(available(ROMEO.withResource("new"), 0, Presence.Show.NONE));
    assertThat(more).extracting(PresenceChange::kind, PresenceChange::jid).containsExactly(
        org.assertj.core.groups.Tuple.tuple(PresenceChange.Kind.UNAVAILABLE, ROMEO.withResource("r1")),
        org.assertj.core.groups.Tuple.tuple(PresenceChange.Kind.AVAILABLE, ROMEO.withResource("new")));
    assertThat(t.of(ROMEO).resources()).hasSize(PresenceTable.MAX_RESOURCES);
    assertThat(t.of(ROMEO).resource("r0")).isPresent();
  }
}
