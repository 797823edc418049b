package dev.xmppreactive.samples.bot;

import dev.xmppreactive.client.XmppInbound;
import dev.xmppreactive.client.XmppOutbound;
import dev.xmppreactive.stanza.Message;
import java.util.Objects;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;

/**
 * A bot that answers every message that has a body with the same body, to its sender, with the same
 * type and thread (RFC 6121 §5.2.2, §5.2.5). It leaves alone error messages (RFC 6120 §8.3.1: an
 * error is not answered) and messages without a sender. Two echo bots talking to each other would
 * echo for ever; that is what echo bots do.
 *
 * <pre>{@code
 * EchoBot bot = new EchoBot(m -> System.out.println(m.from() + ": " + m.body()));
 * XmppClient.create().credentials(jid, password).handle(bot::serve).connect().block();
 * }</pre>
 */
public final class EchoBot {

  private final Consumer<? super Message> received;

  /** An echo bot that tells nobody what it receives. */
  public EchoBot() {
    this(m -> { });
  }

  /**
   * An echo bot that tells {@code received} of every message it receives, answered or not (called
   * on the connection's event loop: it must not block).
   */
  public EchoBot(Consumer<? super Message> received) {
    this.received = Objects.requireNonNull(received, "received");
  }

  /**
   * Serves a session: answers its messages until it ends. Pass it to
   * {@code XmppClient.handle(bot::serve)}, or subscribe to it with a connected session.
   *
   * <p>Threading: runs on the session's event loop. Backpressure: one answer at a time, in order;
   * while an answer waits for room in the outbound queue, no more messages are taken, and the
   * session's reading slows down with it. Errors: the error that ended the session, or an
   * {@code OutboundOverflowException} if an answer finds the outbound queue full; completes when the
   * session is closed.
   */
  public Mono<Void> serve(XmppInbound in, XmppOutbound out) {
    return in.messages()
        .doOnNext(received)
        .filter(EchoBot::answerable)
        .concatMap(m -> out.send(answer(m)))
        .then();
  }

  /** Whether a message gets an echo: it has a body and a sender, and is not an error. */
  static boolean answerable(Message m) {
    return m.body() != null && m.from() != null && m.type() != Message.Type.ERROR;
  }

  /** The echo of a message: its body, back to its sender, with its type and thread. */
  static Message answer(Message m) {
    return Message.builder()
        .to(m.from())
        .type(m.type())
        .thread(m.thread(), m.threadParent())
        .body(m.body())
        .build();
  }
}
