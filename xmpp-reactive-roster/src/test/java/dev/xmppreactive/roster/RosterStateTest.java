package dev.xmppreactive.roster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.jid.Jid;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How results and pushes change the roster (RFC 6121 §2.1.4, §2.1.6, §2.6.3). */
class RosterStateTest {

  private static final Jid A = Jid.of("a@example.com");
  private static final Jid B = Jid.of("b@example.com");
  private static final Jid C = Jid.of("c@example.com");

  private static RosterCodec.Parsed item(RosterItem i) {
    return new RosterCodec.Parsed(i, false);
  }

  @Test
  void aResultIsDiffedAgainstWhatWasKnown() {
    RosterState s = new RosterState(RosterSnapshot.of("v1",
        List.of(RosterItem.of(A), RosterItem.of(B, "Bee"))));
    List<RosterChange> changes = s.replace(RosterSnapshot.of("v5",
        List.of(RosterItem.of(B, "Bea"), RosterItem.of(C))));
    assertThat(changes).extracting(RosterChange::kind, RosterChange::jid).containsExactly(
        org.assertj.core.groups.Tuple.tuple(RosterChange.Kind.REMOVED, A),
        org.assertj.core.groups.Tuple.tuple(RosterChange.Kind.UPDATED, B),
        org.assertj.core.groups.Tuple.tuple(RosterChange.Kind.ADDED, C));
    assertThat(changes).allSatisfy(c -> {
      assertThat(c.origin()).isEqualTo(RosterChange.Origin.FETCH);
      assertThat(c.version()).isEqualTo("v5");
    });
    assertThat(changes.get(1).previous().name()).isEqualTo("Bee");
    assertThat(s.version()).isEqualTo("v5");
    assertThat(s.snapshot().items().keySet()).containsExactly(B, C);
  }

  @Test
  void anIdenticalResultChangesNothingButTheVersion() {
    RosterState s = new RosterState(RosterSnapshot.of("v1", List.of(RosterItem.of(A))));
    assertThat(s.replace(RosterSnapshot.of("v2", List.of(RosterItem.of(A))))).isEmpty();
    assertThat(s.version()).isEqualTo("v2");
  }

  @Test
  void pushesAddUpdateAndRemove() {
    RosterState s = new RosterState(RosterSnapshot.EMPTY);
    RosterChange added = s.push(item(RosterItem.of(A, "Ay")), "v1");
    assertThat(added.kind()).isEqualTo(RosterChange.Kind.ADDED);
    assertThat(added.origin()).isEqualTo(RosterChange.Origin.PUSH);
    RosterChange same = s.push(item(RosterItem.of(A, "Ay")), "v2");
    assertThat(same).isNull();
    assertThat(s.version()).isEqualTo("v2");
    RosterChange updated = s.push(item(RosterItem.of(A, "Ay", "G")), "v3");
    assertThat(updated.kind()).isEqualTo(RosterChange.Kind.UPDATED);
    assertThat(updated.item().groups()).containsExactly("G");
    RosterChange removed = s.push(new RosterCodec.Parsed(RosterItem.of(A), true), "v4");
    assertThat(removed.kind()).isEqualTo(RosterChange.Kind.REMOVED);
    assertThat(removed.previous().name()).isEqualTo("Ay");
    assertThat(s.push(new RosterCodec.Parsed(RosterItem.of(A), true), "v5")).isNull();
    assertThat(s.snapshot().size()).isZero();
    assertThat(s.snapshot().version()).isEqualTo("v5");
  }

  @Test
  void aPushWithoutVersionForgetsTheVersion() {
    RosterState s = new RosterState(RosterSnapshot.of("v1", List.of()));
    s.push(item(RosterItem.of(A)), null);
    assertThat(s.version()).isNull();
  }

  @Test
  void snapshotsAreImmutableCopies() {
    RosterState s = new RosterState(RosterSnapshot.EMPTY);
    RosterSnapshot before = s.snapshot();
    s.push(item(RosterItem.of(A)), "v1");
    assertThat(before.size()).isZero();
    assertThat(s.snapshot().contains(A)).isTrue();
  }
}
