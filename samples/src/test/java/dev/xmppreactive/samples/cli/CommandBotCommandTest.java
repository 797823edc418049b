package dev.xmppreactive.samples.cli;

import static dev.xmppreactive.test.XmppSteps.expectMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.client.XmppSession;
import dev.xmppreactive.samples.bot.CommandBot;
import dev.xmppreactive.stanza.Message;
import dev.xmppreactive.test.TestSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

class CommandBotCommandTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir
  Path dir;

  @Test
  void answersCommandsUntilStopped() throws Exception {
    try (Fixture f = new Fixture(dir)) {
      f.server.befriend("bot", "alice");
      CapturedTerminal t = new CapturedTerminal(Fixture.env("bot"));
      CompletableFuture<Integer> bot = Fixture.start(t, f.args("command-bot", "bot"));
      TestSession botSession = f.server.session("bot").block(WAIT);
      XmppSession alice = f.server.clientFor("alice").connect().block(WAIT);
      StepVerifier.create(alice.messages())
          .then(() -> alice.send(Message.chat(botSession.jid(), "echo it works")).subscribe())
          .assertNext(expectMessage(botSession.jid(), "it works"))
          .then(() -> alice.send(Message.chat(botSession.jid(), "roster")).subscribe())
          .assertNext(expectMessage(botSession.jid(), "alice@example.test both"))
          .then(() -> alice.send(Message.chat(botSession.jid(), "sing")).subscribe())
          .assertNext(expectMessage(botSession.jid(), CommandBot.HELP))
          .thenCancel()
          .verify(WAIT);
      t.signalStop(WAIT);
      assertThat(bot.get(WAIT.toSeconds(), TimeUnit.SECONDS)).as(t.err()).isZero();
      alice.close().block(WAIT);
    }
  }
}
