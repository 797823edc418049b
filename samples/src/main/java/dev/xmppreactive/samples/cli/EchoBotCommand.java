package dev.xmppreactive.samples.cli;

import dev.xmppreactive.samples.bot.EchoBot;
import dev.xmppreactive.stanza.Message;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code echo-bot}: answers every message that has a body with the same body. */
@Command(name = "echo-bot", mixinStandardHelpOptions = true,
    versionProvider = SamplesVersion.class,
    description = {
        "Answers every message that has a body with the same body, to its sender, with the same "
            + "type and thread. Prints a line for each message received.",
        "Runs until stopped: Ctrl-C (SIGINT) or SIGTERM closes the session gracefully (the "
            + "exit code is then 130 or 143, as for any JVM stopped by a signal). A lost "
            + "connection is resumed or reconnected."})
final class EchoBotCommand implements Callable<Integer> {

  private final Terminal terminal;

  @Mixin
  private ConnectionOptions connection;

  EchoBotCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    EchoBot bot = new EchoBot(m -> terminal.out().println(line(m)));
    return Serving.untilStopped(terminal,
        connection.client(terminal.env()).connect().block(),
        session -> bot.serve(session, session));
  }

  /** A received message as one line: {@code alice@example.test/phone (chat): Hello}. */
  static String line(Message m) {
    String head = m.from() + " (" + m.type().value() + ")";
    return m.body() == null ? head + " without a body"
        : head + ": " + m.body().replaceAll("\\R", " / ");
  }
}
