package dev.xmppreactive.test;

import dev.xmppreactive.stanza.Presence;
import java.util.List;
import java.util.Objects;

/** An expectation about a presence; see {@link StanzaMatcher} and {@link XmppSteps#presence()}. */
public final class PresenceMatcher extends StanzaMatcher<Presence, PresenceMatcher> {

  PresenceMatcher(List<Condition<Presence>> conditions) {
    super(Presence.class, "a presence", conditions);
  }

  @Override
  PresenceMatcher with(List<Condition<Presence>> conditions) {
    return new PresenceMatcher(conditions);
  }

  /** Of this type ({@link Presence.Type#AVAILABLE} for none, RFC 6121 §4.7.1). */
  public PresenceMatcher type(Presence.Type type) {
    return and("of type " + type.name().toLowerCase(java.util.Locale.ROOT),
        p -> p.type() == type ? null : "its type is " + p.type().name().toLowerCase(java.util.Locale.ROOT));
  }

  /** Available (no type). */
  public PresenceMatcher available() {
    return type(Presence.Type.AVAILABLE);
  }

  /** Unavailable. */
  public PresenceMatcher unavailable() {
    return type(Presence.Type.UNAVAILABLE);
  }

  /** With this show value, or none for {@code null} (RFC 6121 §4.7.2.1). */
  public PresenceMatcher show(Presence.Show show) {
    return and("with show " + (show == null ? "none" : show.value()),
        p -> p.show() == show ? null : "its show is " + (p.show() == null ? "none" : p.show().value()));
  }

  /** With exactly this status text. */
  public PresenceMatcher status(String status) {
    return and("with status '" + status + "'", p -> Objects.equals(status, p.status()) ? null
        : "its status is " + (p.status() == null ? "absent" : "'" + p.status() + "'"));
  }

  /** With this priority (RFC 6121 §4.7.2.3; 0 when absent). */
  public PresenceMatcher priority(int priority) {
    return and("with priority " + priority, p -> p.priority() == priority ? null
        : "its priority is " + p.priority());
  }
}
