package dev.xmppreactive.samples.cli;

import dev.xmppreactive.client.XmppClient;
import dev.xmppreactive.client.XmppSession;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * How the one-shot commands (send, roster) run: connect without announcing presence and without
 * reconnecting, do one thing within a time limit, and close gracefully whatever happened.
 */
final class OneShot {

  /** How long the one thing may take once connected. */
  static final Duration WAIT = Duration.ofSeconds(30);

  private OneShot() {
  }

  /**
   * Connects, runs {@code work}, closes.
   *
   * @throws RuntimeException why connecting or the work failed; a {@link TimeoutException} (wrapped)
   *                          past {@link #WAIT}
   */
  static <T> T run(XmppClient client, String what, Function<XmppSession, Mono<T>> work) {
    // No initial presence: a one-shot command should not make the account flicker online for its
    // contacts (RFC 6121 §4.2 makes presence optional for a session).
    XmppSession session = client.initialPresence(null).reconnect(Retry.max(0)).connect().block();
    try {
      return work.apply(session)
          .timeout(WAIT, Mono.error(() -> new TimeoutException(what + ": no answer within "
              + WAIT.toSeconds() + " s")))
          .block();
    } finally {
      session.close().block(Serving.CLOSE_WAIT);
    }
  }
}
