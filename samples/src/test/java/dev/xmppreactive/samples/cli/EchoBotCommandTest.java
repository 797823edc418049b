package dev.xmppreactive.samples.cli;

import static dev.xmppreactive.test.XmppSteps.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.client.XmppSession;
import dev.xmppreactive.stanza.Message;
import dev.xmppreactive.test.TestSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

class EchoBotCommandTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir
  Path dir;

  @Test
  void echoesWithTheSameTypeAndThreadAndStopsGracefullyOnASignal() throws Exception {
    try (Fixture f = new Fixture(dir)) {
      CapturedTerminal t = new CapturedTerminal(Fixture.env("bot"));
      CompletableFuture<Integer> bot = Fixture.start(t, f.args("echo-bot", "bot"));
      TestSession botSession = f.server.session("bot").block(WAIT);
      XmppSession alice = f.server.clientFor("alice", "desk").connect().block(WAIT);

      StepVerifier.create(alice.messages())
          .then(() -> alice.send(Message.builder().to(botSession.jid()).type(Message.Type.NORMAL)
              .thread("t-42").body("Is anybody there?").build()).subscribe())
          .assertNext(message().from(botSession.jid()).type(Message.Type.NORMAL).thread("t-42")
              .body("Is anybody there?"))
          .then(() -> alice.send(Message.chat(botSession.jid(), "second")).subscribe())
          .assertNext(message().from(botSession.jid()).type(Message.Type.CHAT).body("second"))
          .thenCancel()
          .verify(WAIT);
      StepVerifier.create(t.outLines())
          .assertNext(l -> assertThat(l).startsWith("connected as bot@example.test/"))
          .expectNext("alice@example.test/desk (normal): Is anybody there?")
          .expectNext("alice@example.test/desk (chat): second")
          .thenCancel()
          .verify(WAIT);

      // What SIGTERM or SIGINT runs: the session closes gracefully and the command returns 0. A
      // graceful close ends the server's session at once; a dropped connection would leave it
      // waiting for resumption.
      t.signalStop(WAIT);
      assertThat(bot.get(WAIT.toSeconds(), TimeUnit.SECONDS)).as(t.err()).isZero();
      StepVerifier.create(botSession.onEnd()).verifyComplete();
      assertThat(botSession.isResumable()).isTrue();
      assertThat(t.err()).contains("stopping: closing the session", "closed");
      alice.close().block(WAIT);
    }
  }

  @Test
  void aWrongPasswordExitsAtOnceWithOneLine() throws Exception {
    try (Fixture f = new Fixture(dir)) {
      CapturedTerminal t = new CapturedTerminal(Map.of("XMPP_PASSWORD", "wrong"));
      assertThat(Fixture.run(t, f.args("echo-bot", "bot"))).isEqualTo(ExitCodes.AUTHENTICATION);
      assertThat(t.err().lines()).singleElement().asString()
          .startsWith("error: authentication failed: ");
    }
  }
}
