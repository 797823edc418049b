package dev.xmppreactive.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.client.XmppSession;
import dev.xmppreactive.stanza.Presence;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

class WatchCommandTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir
  Path dir;

  @Test
  void printsContactsPresenceChangesAsTheyHappen() throws Exception {
    try (Fixture f = new Fixture(dir)) {
      f.server.befriend("alice", "bob");
      CapturedTerminal t = new CapturedTerminal(Fixture.env("alice"));
      CompletableFuture<Integer> watch = Fixture.start(t, f.args("watch", "alice"));
      XmppSession[] bob = new XmppSession[1];
      StepVerifier.create(t.outLines())
          .assertNext(l -> assertThat(l).startsWith("connected as alice@example.test/"))
          .then(() -> bob[0] = f.server.clientFor("bob", "phone").connect().block(WAIT))
          .expectNext("bob@example.test/phone is available")
          .then(() -> bob[0].send(Presence.builder().show(Presence.Show.AWAY)
              .status("at lunch").build()).block(WAIT))
          .expectNext("bob@example.test/phone is available (away: \"at lunch\")")
          .then(() -> bob[0].close().block(WAIT))
          .expectNext("bob@example.test/phone is unavailable")
          .thenCancel()
          .verify(WAIT);

      t.signalStop(WAIT);
      assertThat(watch.get(WAIT.toSeconds(), TimeUnit.SECONDS)).as(t.err()).isZero();
      assertThat(t.err()).contains("stopping: closing the session", "closed");
    }
  }
}
