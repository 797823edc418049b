package dev.xmppreactive.test;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.stanza.Presence;
import java.util.List;

/**
 * Short expectations for {@code StepVerifier} over a session's stanzas, each both a predicate and
 * an asserting consumer (see {@link StanzaMatcher}):
 *
 * <pre>{@code
 * StepVerifier.create(alice.messages())
 *     .then(() -> bob.send(Message.chat(alice.jid().bare(), "ping")).subscribe())
 *     .assertNext(expectMessage(bob.jid(), "pong"))
 *     .thenCancel()
 *     .verify(Duration.ofSeconds(5));
 *
 * StepVerifier.create(alice.presences().filter(presence().from(bob.jid())))
 *     .assertNext(presence().from(bob.jid()).available())
 *     ...
 * }</pre>
 *
 * <p>{@code assertNext} with a matcher fails with a message that says which condition was not met,
 * and shows the stanza; {@code expectNextMatches} works too, with Reactor's plainer message.
 */
public final class XmppSteps {

  private XmppSteps() {
  }

  /** Any message; refine it with the matcher's methods. */
  public static MessageMatcher message() {
    return new MessageMatcher(List.of());
  }

  /** Any presence; refine it with the matcher's methods. */
  public static PresenceMatcher presence() {
    return new PresenceMatcher(List.of());
  }

  /** Any IQ; refine it with the matcher's methods. */
  public static IqMatcher iq() {
    return new IqMatcher(List.of());
  }

  /**
   * A message from this address (a bare JID matches any of its resources) with exactly this body.
   */
  public static MessageMatcher expectMessage(Jid from, String body) {
    return message().from(from).body(body);
  }

  /** As {@link #expectMessage(Jid, String)}, the address parsed with {@link Jid#of(String)}. */
  public static MessageMatcher expectMessage(String from, String body) {
    return expectMessage(Jid.of(from), body);
  }

  /** A presence of this type from this address (a bare JID matches any of its resources). */
  public static PresenceMatcher expectPresence(Jid from, Presence.Type type) {
    return presence().from(from).type(type);
  }
}
