package dev.xmppreactive.test;

import dev.xmppreactive.stanza.Message;
import java.util.List;
import java.util.Objects;

/** An expectation about a message; see {@link StanzaMatcher} and {@link XmppSteps#message()}. */
public final class MessageMatcher extends StanzaMatcher<Message, MessageMatcher> {

  MessageMatcher(List<Condition<Message>> conditions) {
    super(Message.class, "a message", conditions);
  }

  @Override
  MessageMatcher with(List<Condition<Message>> conditions) {
    return new MessageMatcher(conditions);
  }

  /** With exactly this body (the one without xml:lang, or in the stanza's language). */
  public MessageMatcher body(String body) {
    return and("with body '" + body + "'", m -> Objects.equals(body, m.body()) ? null
        : "its body is " + quote(m.body()));
  }

  /** With a body that contains this text. */
  public MessageMatcher bodyContaining(String text) {
    return and("with a body containing '" + text + "'",
        m -> m.body() != null && m.body().contains(text) ? null : "its body is " + quote(m.body()));
  }

  /** Of this type (RFC 6121 §5.2.2). */
  public MessageMatcher type(Message.Type type) {
    return and("of type " + type.value(), m -> m.type() == type ? null
        : "its type is " + m.type().value());
  }

  /** With exactly this subject. */
  public MessageMatcher subject(String subject) {
    return and("with subject '" + subject + "'", m -> Objects.equals(subject, m.subject()) ? null
        : "its subject is " + quote(m.subject()));
  }

  /** With this thread id. */
  public MessageMatcher thread(String thread) {
    return and("in thread '" + thread + "'", m -> Objects.equals(thread, m.thread()) ? null
        : "its thread is " + quote(m.thread()));
  }

  private static String quote(String s) {
    return s == null ? "absent" : "'" + s + "'";
  }
}
