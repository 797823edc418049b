package dev.xmppreactive.test;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Stanza;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * An expectation about a stanza, immutable, built up one condition at a time, that is both a
 * {@link Predicate} (for {@code StepVerifier.expectNextMatches}, {@code Flux.filter},
 * {@code thenConsumeWhile}) and a {@link Consumer} that throws an {@link AssertionError} naming the
 * first unmet condition and the stanza (for {@code StepVerifier.assertNext}). Start from
 * {@link XmppSteps}.
 *
 * @param <S> the kind of stanza expected
 * @param <M> the matcher's own type, for chaining
 */
public abstract class StanzaMatcher<S extends Stanza, M extends StanzaMatcher<S, M>>
    implements Predicate<Stanza>, Consumer<Stanza> {

  /** One condition: what it expects, and what is wrong with a stanza, or {@code null}. */
  record Condition<S>(String expectation, Function<S, String> problem) {
  }

  private final Class<S> kind;
  private final String noun;
  private final List<Condition<S>> conditions;

  StanzaMatcher(Class<S> kind, String noun, List<Condition<S>> conditions) {
    this.kind = kind;
    this.noun = noun;
    this.conditions = List.copyOf(conditions);
  }

  /** A copy of this matcher with these conditions. */
  abstract M with(List<Condition<S>> conditions);

  /** A copy with one more condition. */
  final M and(String expectation, Function<S, String> problem) {
    List<Condition<S>> list = new ArrayList<>(conditions);
    list.add(new Condition<>(expectation, problem));
    return with(list);
  }

  /**
   * From this address: a bare JID matches any resource of it, a full JID only itself.
   */
  public M from(Jid jid) {
    Objects.requireNonNull(jid, "jid");
    return and("from " + jid, s -> {
      Jid f = s.from();
      boolean ok = f != null && (jid.isFull() ? f.equals(jid) : f.bare().equals(jid));
      return ok ? null : "it is from " + f;
    });
  }

  /** From this address, parsed with {@link Jid#of(String)}; see {@link #from(Jid)}. */
  public M from(String jid) {
    return from(Jid.of(jid));
  }

  /** To exactly this address. */
  public M to(Jid jid) {
    Objects.requireNonNull(jid, "jid");
    return and("to " + jid, s -> jid.equals(s.to()) ? null : "it is to " + s.to());
  }

  /** To exactly this address, parsed with {@link Jid#of(String)}. */
  public M to(String jid) {
    return to(Jid.of(jid));
  }

  /** With this 'id'. */
  public M id(String id) {
    return and("with id '" + id + "'", s -> Objects.equals(id, s.id()) ? null
        : "its id is '" + s.id() + "'");
  }

  /** With an extension element of this name (RFC 6120 §8.4). */
  public M withExtension(String localName, String namespace) {
    return and("with <" + localName + " xmlns='" + namespace + "'/>",
        s -> s.hasExtension(localName, namespace) ? null : "it has none");
  }

  /** Meeting a condition of the test's own, described for the failure message. */
  public M matching(String description, Predicate<? super S> condition) {
    Objects.requireNonNull(condition, "condition");
    return and(description, s -> condition.test(s) ? null : "it does not");
  }

  /** Whether the stanza meets every condition. */
  @Override
  public final boolean test(Stanza stanza) {
    return problem(stanza) == null;
  }

  /**
   * Checks the stanza.
   *
   * @throws AssertionError naming the first unmet condition and showing the stanza
   */
  @Override
  public final void accept(Stanza stanza) {
    String problem = problem(stanza);
    if (problem != null) {
      throw new AssertionError("expected " + this + ", but " + problem + ": " + stanza);
    }
  }

  private String problem(Stanza stanza) {
    if (stanza == null) {
      return "got null";
    }
    if (!kind.isInstance(stanza)) {
      return "got a " + stanza.kind().toString().toLowerCase(java.util.Locale.ROOT);
    }
    S s = kind.cast(stanza);
    for (Condition<S> c : conditions) {
      String p = c.problem().apply(s);
      if (p != null) {
        return p;
      }
    }
    return null;
  }

  /** What is expected, as "a message from alice@example.test with body 'hi'". */
  @Override
  public final String toString() {
    StringBuilder b = new StringBuilder(noun);
    for (Condition<S> c : conditions) {
      b.append(' ').append(c.expectation());
    }
    return b.toString();
  }
}
