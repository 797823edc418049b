package dev.xmppreactive.samples.cli;

import dev.xmppreactive.samples.contacts.Contact;
import dev.xmppreactive.samples.contacts.ContactSource;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code roster}: prints the roster (RFC 6121 §2.1.3), one contact a line. */
@Command(name = "roster", mixinStandardHelpOptions = true,
    versionProvider = SamplesVersion.class,
    description = "Prints the roster, one contact a line: JID \"NAME\" SUBSCRIPTION [pending] "
        + "[GROUPS]. Does not announce presence.")
final class RosterCommand implements Callable<Integer> {

  private final Terminal terminal;

  @Mixin
  private ConnectionOptions connection;

  RosterCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    List<Contact> contacts = OneShot.run(connection.client(terminal.env()), "reading the roster",
        session -> ContactSource.of(session).roster());
    for (Contact c : contacts) {
      terminal.out().println(c.toLine());
    }
    if (contacts.isEmpty()) {
      terminal.err().println("no contacts");
    }
    return ExitCodes.OK;
  }
}
