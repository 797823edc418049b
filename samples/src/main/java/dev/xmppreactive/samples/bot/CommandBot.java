package dev.xmppreactive.samples.bot;

import dev.xmppreactive.client.XmppSession;
import dev.xmppreactive.samples.contacts.Contact;
import dev.xmppreactive.samples.contacts.ContactSource;
import dev.xmppreactive.stanza.Message;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/**
 * A small command bot. To a chat or normal message it answers, in the same thread:
 * <ul>
 *   <li>{@code time}: the time now, as ISO-8601 in UTC ({@code 2025-06-01T12:00:00Z});</li>
 *   <li>{@code echo TEXT}: {@code TEXT} (without text: the list of commands);</li>
 *   <li>{@code roster}: its contacts, one a line ({@link Contact#toLine()}), or "no contacts";</li>
 *   <li>anything else: the list of commands.</li>
 * </ul>
 * Commands are matched without regard to case and surrounding space. It ignores groupchat, headline
 * and error messages, and messages without a body or a sender.
 *
 * <pre>{@code
 * CommandBot bot = new CommandBot(Clock.systemUTC());
 * XmppClient.create().credentials(jid, password).connect().flatMap(bot::serve).subscribe();
 * }</pre>
 */
public final class CommandBot {

  /** The answer to what is not a command. */
  public static final String HELP = "commands: time, echo TEXT, roster";

  private final Clock clock;

  /**
   * A bot that tells the time of this clock.
   *
   * @param clock the clock of the {@code time} command ({@code Clock.systemUTC()}, or a fixed one in
   *              tests)
   */
  public CommandBot(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Serves a session: answers its messages until it ends.
   *
   * <p>Threading: runs on the session's event loop. Backpressure: one command at a time, in order
   * (a {@code roster} command holds the next ones until its answer is sent). Errors: the error that
   * ended the session, or an {@code OutboundOverflowException} if an answer finds the outbound queue
   * full; a failed roster request is answered with its reason instead. Completes when the session is
   * closed.
   */
  public Mono<Void> serve(XmppSession session) {
    ContactSource contacts = ContactSource.of(session);
    return session.messages()
        .filter(CommandBot::isCommand)
        .concatMap(m -> answer(m.body(), contacts)
            .flatMap(text -> session.send(Message.builder()
                .to(m.from())
                .type(m.type())
                .thread(m.thread(), m.threadParent())
                .body(text)
                .build())))
        .then();
  }

  /**
   * The answer to one command.
   *
   * <p>Threading: on the caller's thread, or, for {@code roster}, the connection's event loop.
   * Backpressure: one value. Errors: none: a failed roster request becomes an answer that says so.
   */
  public Mono<String> answer(String command, ContactSource contacts) {
    String c = command.strip();
    String word = c.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
    switch (word) {
      case "time":
        return Mono.just(clock.instant().toString());
      case "echo":
        String text = c.substring(word.length()).strip();
        return Mono.just(text.isEmpty() ? HELP : text);
      case "roster":
        return contacts.roster()
            .map(list -> list.isEmpty() ? "no contacts"
                : list.stream().map(Contact::toLine).collect(Collectors.joining("\n")))
            .onErrorResume(e -> Mono.just("cannot read the roster: " + e.getMessage()));
      default:
        return Mono.just(HELP);
    }
  }

  private static boolean isCommand(Message m) {
    return m.body() != null && m.from() != null
        && (m.type() == Message.Type.CHAT || m.type() == Message.Type.NORMAL);
  }
}
