package dev.xmppreactive.samples.cli;

import dev.xmppreactive.samples.contacts.ContactSource;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code watch}: prints contacts' presence changes as they happen (RFC 6121 §4). */
@Command(name = "watch", mixinStandardHelpOptions = true,
    versionProvider = SamplesVersion.class,
    description = {
        "Goes online and prints contacts' presence changes as they happen, one a line: "
            + "JID is available (SHOW: \"STATUS\"), or JID is unavailable. The server first sends the "
            + "presence of every contact online now.",
        "Runs until stopped: Ctrl-C (SIGINT) or SIGTERM closes the session gracefully (the "
            + "exit code is then 130 or 143, as for any JVM stopped by a signal)."})
final class WatchCommand implements Callable<Integer> {

  private final Terminal terminal;

  @Mixin
  private ConnectionOptions connection;

  WatchCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    return Serving.untilStopped(terminal,
        connection.client(terminal.env()).connect().block(),
        session -> ContactSource.of(session).presenceUpdates()
            .doOnNext(u -> terminal.out().println(u.toLine()))
            .then());
  }
}
