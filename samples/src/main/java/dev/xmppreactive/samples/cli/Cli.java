package dev.xmppreactive.samples.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The samples' command line: {@code demo} (the default), {@code echo-bot}, {@code send},
 * {@code roster}, {@code watch} and {@code command-bot}, each with {@code --help}.
 */
@Command(name = "xmpp-reactive-samples", mixinStandardHelpOptions = true,
    versionProvider = SamplesVersion.class,
    synopsisSubcommandLabel = "[COMMAND]",
    description = {
        "Sample programs of xmpp-reactive, a reactive XMPP client for Java.",
        "Without a command: the demo (an XMPP server in this JVM, an echo bot and a client on it).",
        "The password of the connecting commands comes from the environment variable XMPP_PASSWORD "
            + "(or --password)."})
public final class Cli implements Callable<Integer> {

  private final Terminal terminal;

  private Cli(Terminal terminal) {
    this.terminal = terminal;
  }

  /**
   * Runs a command line.
   *
   * @param terminal where to print, the environment, the shutdown hooks
   * @param args     the command and its options
   * @return the exit code (see {@code --help})
   */
  public static int run(Terminal terminal, String... args) {
    return commandLine(terminal).execute(args);
  }

  /** The command line, its subcommands, help and error handling set up. */
  static CommandLine commandLine(Terminal t) {
    CommandLine cl = new CommandLine(new Cli(t))
        .addSubcommand("demo", new DemoCommand(t))
        .addSubcommand("echo-bot", new EchoBotCommand(t))
        .addSubcommand("send", new SendCommand(t))
        .addSubcommand("roster", new RosterCommand(t))
        .addSubcommand("watch", new WatchCommand(t))
        .addSubcommand("command-bot", new CommandBotCommand(t));
    Map<String, String> codes = ExitCodes.descriptions();
    exitCodes(cl, codes);
    cl.getSubcommands().values().forEach(sub -> exitCodes(sub, codes));
    return cl
        .setOut(t.out())
        .setErr(t.err())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler((e, command, parsed) -> {
          command.getErr().println("error: " + Failures.describe(e));
          return Failures.exitCode(e);
        });
  }

  private static void exitCodes(CommandLine cl, Map<String, String> codes) {
    cl.getCommandSpec().usageMessage()
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(codes);
  }

  /** No command: the demo. */
  @Override
  public Integer call() {
    return new DemoCommand(terminal).call();
  }
}
