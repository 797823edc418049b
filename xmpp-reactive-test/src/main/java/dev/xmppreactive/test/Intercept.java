package dev.xmppreactive.test;

import dev.xmppreactive.stanza.Stanza;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link StanzaInterceptor} decides for a stanza the server received from a client: process
 * it as usual, process another stanza instead, drop it, or answer it with stanzas of the test's own.
 */
public sealed interface Intercept {

  /** Process the stanza as usual. */
  static Intercept pass() {
    return Pass.INSTANCE;
  }

  /** Drop the stanza: it is neither routed nor answered (as if lost inside the server). */
  static Intercept drop() {
    return Drop.INSTANCE;
  }

  /**
   * Process this stanza instead. Its 'from' is stamped again with the sender's address (RFC 6120
   * §8.1.2.1), as the original's was.
   */
  static Intercept replace(Stanza stanza) {
    return new Replace(Objects.requireNonNull(stanza, "stanza"));
  }

  /**
   * Do not process the stanza; send these stanzas to the sending session instead, as they are (so
   * give them the 'from' and 'to' they should carry), for example a scripted IQ result.
   */
  static Intercept reply(Stanza... stanzas) {
    return new Reply(List.of(stanzas));
  }

  /** See {@link #pass()}. */
  enum Pass implements Intercept {
    /** The one value. */
    INSTANCE
  }

  /** See {@link #drop()}. */
  enum Drop implements Intercept {
    /** The one value. */
    INSTANCE
  }

  /**
   * See {@link #replace(Stanza)}.
   *
   * @param stanza the stanza to process instead
   */
  record Replace(Stanza stanza) implements Intercept {
  }

  /**
   * See {@link #reply(Stanza...)}.
   *
   * @param stanzas what to send to the sender
   */
  record Reply(List<Stanza> stanzas) implements Intercept {
    /** Copies the list. */
    public Reply {
      stanzas = List.copyOf(stanzas);
    }
  }
}
