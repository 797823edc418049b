package dev.xmppreactive.samples.spring;

import dev.xmppreactive.stanza.Message;

/**
 * A received message as the browser gets it, in the {@code data} of a Server-Sent Event (JSON).
 *
 * @param id     the stanza's id, or {@code null}
 * @param from   the sender's JID
 * @param type   {@code chat}, {@code normal}, {@code groupchat}, {@code headline} (RFC 6121 §5.2.2)
 * @param thread the thread id, or {@code null}
 * @param body   the text
 */
public record ChatMessage(String id, String from, String type, String thread, String body) {

  /** The browser's view of a message. */
  public static ChatMessage of(Message m) {
    return new ChatMessage(m.id(), m.from() == null ? null : m.from().toString(), m.type().value(),
        m.thread(), m.body());
  }
}
