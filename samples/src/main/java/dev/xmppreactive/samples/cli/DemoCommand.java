package dev.xmppreactive.samples.cli;

import dev.xmppreactive.client.XmppSession;
import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.samples.bot.EchoBot;
import dev.xmppreactive.stanza.Message;
import dev.xmppreactive.test.RunningServer;
import dev.xmppreactive.test.XmppTestServer;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;

/**
 * {@code demo}, and what runs without a command: an XMPP server in this JVM (the test kit's), an
 * echo bot and a client on it, and their conversation printed as it happens. Needs nothing
 * installed, sends nothing off the machine.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    versionProvider = SamplesVersion.class,
    description = "Starts an XMPP server in this JVM (the test kit's, on a free local port), an echo "
        + "bot and a client on it, prints their conversation as it happens, and exits. Needs "
        + "nothing installed; nothing leaves the machine.")
final class DemoCommand implements Callable<Integer> {

  /** What the client says. */
  static final List<String> LINES = List.of(
      "Hello, bot!",
      "Do you answer everything I say?",
      "Then goodbye.");

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final Terminal terminal;

  DemoCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    PrintWriter out = terminal.out();
    out.println("xmpp-reactive demo: an XMPP server, an echo bot and a client, all in this JVM.");
    out.println();
    try (RunningServer server = XmppTestServer.create()
        .user("bot", password())
        .user("alice", password())
        .start()) {
      say("server", "XMPP domain " + server.domain() + " on " + server.host() + ":" + server.port()
          + " (STARTTLS with a throwaway CA, SCRAM-SHA-256, stream management)");

      // The bot: a reactive pipeline over its session's messages (see EchoBot.serve).
      EchoBot echo = new EchoBot(m -> say("bot", "<- " + m.from().localpart() + ": " + m.body()));
      XmppSession bot = server.clientFor("bot", "echo").handle(echo::serve).connect().block(WAIT);
      say("bot", "online as " + bot.jid());

      XmppSession alice = server.clientFor("alice", "demo").connect().block(WAIT);
      say("alice", "online as " + alice.jid());

      for (String text : LINES) {
        say("alice", "-> bot: " + text);
        Message reply = exchange(alice, bot.jid(), text).block(WAIT);
        say("alice", "<- bot: " + reply.body());
      }

      alice.close().block(WAIT);
      say("alice", "offline");
      bot.close().block(WAIT);
      say("bot", "offline");
    }
    say("server", "stopped");
    out.println();
    out.println("Done. Next: the same jar with --help, echo-bot, send, roster, watch.");
    return ExitCodes.OK;
  }

  /**
   * Sends a line to the bot and gives its answer. The answer is subscribed to before the line is
   * sent (zip subscribes in order), so it cannot slip by.
   */
  private static Mono<Message> exchange(XmppSession alice, Jid bot, String text) {
    Mono<Message> answer = alice.messages().filter(m -> bot.equals(m.from())).next();
    return Mono.zip(answer, alice.send(Message.chat(bot, text)).thenReturn(text))
        .map(Tuple2::getT1)
        .timeout(WAIT, Mono.error(() -> new TimeoutException("the bot did not answer '" + text
            + "' within " + WAIT.toSeconds() + " s")));
  }

  private void say(String who, String what) {
    terminal.out().printf("%-7s %s%n", who, what);
  }

  /** A throwaway password for the demo's accounts. */
  private static String password() {
    byte[] b = new byte[12];
    new SecureRandom().nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
