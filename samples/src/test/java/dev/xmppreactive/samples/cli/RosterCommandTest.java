package dev.xmppreactive.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.test.RosterEntry;
import dev.xmppreactive.test.Subscription;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RosterCommandTest {

  @TempDir
  Path dir;

  @Test
  void printsOneContactALine() throws Exception {
    try (Fixture f = new Fixture(dir)) {
      f.server.befriend("alice", "bob");
      f.server.putRosterEntry("alice", new RosterEntry(Jid.of("juliet@example.com"), "Juliet",
          Subscription.TO, false, List.of("Capulets", "Friends")));
      f.server.putRosterEntry("alice", new RosterEntry(Jid.of("romeo@example.net"), null,
          Subscription.NONE, true, List.of()));
      CapturedTerminal t = new CapturedTerminal(Fixture.env("alice"));
      assertThat(Fixture.run(t, f.args("roster", "alice"))).as(t.err()).isZero();
      assertThat(t.out().lines()).containsExactlyInAnyOrder(
          "bob@example.test both",
          "juliet@example.com \"Juliet\" to [Capulets, Friends]",
          "romeo@example.net none pending");
      assertThat(t.err()).isEmpty();
    }
  }

  @Test
  void anEmptyRosterPrintsNothingOnStdout() throws Exception {
    try (Fixture f = new Fixture(dir)) {
      CapturedTerminal t = new CapturedTerminal(Fixture.env("alice"));
      assertThat(Fixture.run(t, f.args("roster", "alice"))).as(t.err()).isZero();
      assertThat(t.out()).isEmpty();
      assertThat(t.err()).contains("no contacts");
    }
  }
}
