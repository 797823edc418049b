package dev.xmppreactive.samples.cli;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Message;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code send}: sends one message and waits for the server to take responsibility for it. */
@Command(name = "send", mixinStandardHelpOptions = true,
    versionProvider = SamplesVersion.class,
    description = "Sends one message, waits for the server's acknowledgement where stream "
        + "management (XEP-0198) is on, and exits. Does not announce presence.")
final class SendCommand implements Callable<Integer> {

  private final Terminal terminal;

  @Mixin
  private ConnectionOptions connection;

  @Option(names = "--to", required = true, paramLabel = "JID", converter = JidConverter.class,
      description = "The recipient.")
  private Jid to;

  @Option(names = "--body", required = true, paramLabel = "TEXT", description = "The text.")
  private String body;

  @Option(names = "--type", paramLabel = "TYPE", defaultValue = "chat",
      description = "The message type (RFC 6121 §5.2.2): ${COMPLETION-CANDIDATES} "
          + "(default: ${DEFAULT-VALUE}).")
  private SendType type;

  /** The types a message sent on its own can have (groupchat needs a room, error a request). */
  enum SendType {
    chat(Message.Type.CHAT), normal(Message.Type.NORMAL), headline(Message.Type.HEADLINE);

    private final Message.Type type;

    SendType(Message.Type type) {
      this.type = type;
    }
  }

  SendCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    Message message = Message.builder().to(to).type(type.type).body(body).build();
    boolean acked = OneShot.run(connection.client(terminal.env()), "sending",
        session -> session.sendAcked(message)
            .thenReturn(session.features().streamManagement()));
    terminal.out().println("sent to " + to + (acked ? "; the server acknowledged it"
        : "; written (the server offers no stream management to acknowledge it)"));
    return ExitCodes.OK;
  }
}
