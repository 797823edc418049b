package dev.xmppreactive.samples.cli;

import dev.xmppreactive.samples.bot.CommandBot;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code command-bot}: the small command bot ({@link CommandBot}). */
@Command(name = "command-bot", mixinStandardHelpOptions = true,
    versionProvider = SamplesVersion.class,
    description = {
        "A small command bot. To a chat or normal message it answers: 'time' with the time (UTC), "
            + "'echo TEXT' with TEXT, 'roster' with its contacts, anything else with the list of "
            + "commands.",
        "Runs until stopped: Ctrl-C (SIGINT) or SIGTERM closes the session gracefully (the "
            + "exit code is then 130 or 143, as for any JVM stopped by a signal)."})
final class CommandBotCommand implements Callable<Integer> {

  private final Terminal terminal;

  @Mixin
  private ConnectionOptions connection;

  CommandBotCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    CommandBot bot = new CommandBot(Clock.systemUTC());
    return Serving.untilStopped(terminal,
        connection.client(terminal.env()).connect().block(),
        bot::serve);
  }
}
