package dev.xmppreactive.samples.bot;

import static dev.xmppreactive.test.XmppSteps.expectMessage;
import static dev.xmppreactive.test.XmppSteps.message;

import dev.xmppreactive.client.XmppSession;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Message;
import dev.xmppreactive.test.RosterEntry;
import dev.xmppreactive.test.RunningServer;
import dev.xmppreactive.test.Subscription;
import dev.xmppreactive.test.XmppTestServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

/** The command bot, tested as its users would test theirs: the test kit's server and StepVerifier. */
class CommandBotTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  // tag::bot-test[]
  private final Clock noon = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

  private RunningServer server;
  private XmppSession bot;
  private XmppSession alice;
  private Disposable serving;

  @BeforeEach
  void start() {
    server = XmppTestServer.create()
        .user("bot", "bot-secret")
        .user("alice", "alice-secret")
        .start();
    server.befriend("bot", "alice");
    bot = server.clientFor("bot").connect().block(WAIT);
    serving = new CommandBot(noon).serve(bot).subscribe();
    alice = server.clientFor("alice").connect().block(WAIT);
  }

  @AfterEach
  void stop() {
    serving.dispose();
    alice.close().block(WAIT);
    bot.close().block(WAIT);
    server.close();
  }

  @Test
  void answersTimeEchoAndRoster() {
    StepVerifier.create(alice.messages())
        .then(() -> alice.send(Message.chat(bot.jid(), "time")).subscribe())
        .assertNext(expectMessage(bot.jid(), "2025-06-01T12:00:00Z"))
        .then(() -> alice.send(Message.chat(bot.jid(), "echo Hello, world")).subscribe())
        .assertNext(expectMessage(bot.jid(), "Hello, world"))
        .then(() -> alice.send(Message.chat(bot.jid(), "roster")).subscribe())
        .assertNext(expectMessage(bot.jid(), "alice@example.test both"))
        .thenCancel()
        .verify(WAIT);
  }
  // end::bot-test[]

  @Test
  void anythingElseGetsTheListOfCommands() {
    StepVerifier.create(alice.messages())
        .then(() -> alice.send(Message.chat(bot.jid(), "what can you do?")).subscribe())
        .assertNext(expectMessage(bot.jid(), CommandBot.HELP))
        .then(() -> alice.send(Message.chat(bot.jid(), "echo")).subscribe())
        .assertNext(expectMessage(bot.jid(), CommandBot.HELP))
        .thenCancel()
        .verify(WAIT);
  }

  @Test
  void commandsIgnoreCaseAndSpaceAndAnswersKeepTheThread() {
    StepVerifier.create(alice.messages())
        .then(() -> alice.send(Message.builder().to(bot.jid()).type(Message.Type.NORMAL)
            .thread("t1").body("  ECHO   spaced  out ").build()).subscribe())
        .assertNext(message().from(bot.jid()).type(Message.Type.NORMAL).thread("t1")
            .body("spaced  out"))
        .thenCancel()
        .verify(WAIT);
  }

  @Test
  void theRosterAnswerHasOneContactALine() {
    server.putRosterEntry("bot", new RosterEntry(Jid.of("juliet@example.com"), "Juliet",
        Subscription.TO, false, List.of("Capulets")));
    StepVerifier.create(alice.messages())
        .then(() -> alice.send(Message.chat(bot.jid(), "roster")).subscribe())
        .assertNext(message().from(bot.jid()).matching("two lines", m ->
            m.body().lines().sorted().toList().equals(List.of(
                "alice@example.test both",
                "juliet@example.com \"Juliet\" to [Capulets]"))))
        .thenCancel()
        .verify(WAIT);
  }

  @Test
  void groupchatHeadlineAndErrorsAreNotAnswered() {
    StepVerifier.create(alice.messages())
        .then(() -> alice.send(Message.builder().to(bot.jid()).type(Message.Type.HEADLINE)
            .body("time").build())
            .then(alice.send(Message.builder().to(bot.jid()).type(Message.Type.GROUPCHAT)
                .body("time").build()))
            .then(alice.send(Message.chat(bot.jid(), "echo only this")))
            .subscribe())
        .assertNext(expectMessage(bot.jid(), "only this"))
        .thenCancel()
        .verify(WAIT);
  }
}
