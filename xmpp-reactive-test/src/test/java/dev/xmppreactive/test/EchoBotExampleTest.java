package dev.xmppreactive.test;

import static dev.xmppreactive.test.XmppSteps.expectMessage;
import static dev.xmppreactive.test.XmppSteps.message;

import dev.xmppreactive.client.XmppHandler;
import dev.xmppreactive.client.XmppSession;
import dev.xmppreactive.stanza.Message;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** What a user's bot test looks like with the test kit (the sketch of the package description). */
class EchoBotExampleTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  /** The bot under test: it answers each chat message with its body, prefixed. */
  static final class EchoBot implements XmppHandler {
    @Override
    public void onMessage(XmppSession session, Message m) {
      if (m.type() == Message.Type.CHAT && m.body() != null) {
        session.send(Message.chat(m.from(), "echo: " + m.body())).subscribe();
      }
    }
  }

  @Test
  void theBotEchoesEveryChatMessage() {
    try (RunningServer server = XmppTestServer.create()
        .user("bot", "bot-secret")
        .user("alice", "alice-secret")
        .start()) {
      XmppSession bot = server.clientFor("bot").handler(new EchoBot()).connect().block(WAIT);
      XmppSession alice = server.clientFor("alice").connect().block(WAIT);

      StepVerifier.create(alice.messages())
          .then(() -> alice.send(Message.chat(bot.jid(), "ping")).subscribe())
          .assertNext(expectMessage(bot.jid(), "echo: ping"))
          .then(() -> alice.send(Message.chat(bot.jid(), "pong")).subscribe())
          .assertNext(expectMessage(bot.jid(), "echo: pong"))
          .thenCancel()
          .verify(WAIT);

      // What the bot sent, as the server received it.
      StepVerifier.create(server.session("bot").flatMapMany(TestSession::received)
              .filter(message()))
          .assertNext(message().to(alice.jid()).body("echo: ping"))
          .assertNext(message().to(alice.jid()).body("echo: pong"))
          .thenCancel()
          .verify(WAIT);
    }
  }

  @Test
  void theBotAnswersOnlyWhatTheServerDelivered() {
    try (RunningServer server = XmppTestServer.create()
        .user("bot", "bot-secret")
        .user("alice", "alice-secret")
        .start()) {
      XmppSession bot = server.clientFor("bot").handler(new EchoBot()).connect().block(WAIT);
      XmppSession alice = server.clientFor("alice").connect().block(WAIT);
      // A fault of the test's choosing: the server loses alice's first message.
      server.session("alice").block(WAIT).intercept((session, stanza) ->
          stanza instanceof Message m && "lost".equals(m.body()) ? Intercept.drop()
              : Intercept.pass());
      StepVerifier.create(alice.messages())
          .then(() -> alice.send(Message.chat(bot.jid(), "lost"))
              .then(alice.send(Message.chat(bot.jid(), "kept"))).subscribe())
          .assertNext(expectMessage(bot.jid(), "echo: kept"))
          .thenCancel()
          .verify(WAIT);
    }
  }
}
