package dev.xmppreactive.samples.cli;

import dev.xmppreactive.client.SessionEvent;
import dev.xmppreactive.client.XmppSession;
import java.time.Duration;
import java.util.function.Function;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * How the long-running commands (echo-bot, command-bot, watch) run: connect, work until the session
 * ends, and on SIGTERM or SIGINT close the session gracefully (RFC 6120 §4.4) so that the server
 * neither keeps a resumable session nor waits for a timeout. Connection losses are reported on
 * stderr and mended by the client's reconnection (on by default).
 */
final class Serving {

  /** How long closing may take when the process is asked to stop. */
  static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

  private Serving() {
  }

  /**
   * Runs {@code work} on a connected session until the session ends.
   *
   * @return {@link ExitCodes#OK} once the session is closed (by a stop signal or by the work)
   * @throws RuntimeException the error that ended the session for good
   */
  static int untilStopped(Terminal t, XmppSession session,
                          Function<XmppSession, Mono<Void>> work) {
    t.out().println("connected as " + session.jid() + "; stop with Ctrl-C");
    Disposable events = session.events().subscribe(e -> report(t, e));
    Runnable unregister = t.hooks().register(() -> stop(t, session));
    try {
      work.apply(session).block();
      return ExitCodes.OK;
    } finally {
      unregister.run();
      events.dispose();
    }
  }

  /** What the shutdown hook does: close gracefully, and say so. */
  static void stop(Terminal t, XmppSession session) {
    t.err().println("stopping: closing the session");
    try {
      session.close().block(CLOSE_WAIT.plusSeconds(1));
    } catch (RuntimeException e) {
      t.err().println("error: " + Failures.describe(e));
    }
    t.err().println("closed");
    t.err().flush();
    t.out().flush();
  }

  private static void report(Terminal t, SessionEvent e) {
    if (e instanceof SessionEvent.Suspended s) {
      t.err().println("connection lost" + (s.cause() == null ? ""
          : " (" + Failures.describe(s.cause()) + ")") + "; reconnecting");
    } else if (e instanceof SessionEvent.Resumed r) {
      t.err().println("resumed the session at " + r.address() + "; nothing was lost");
    } else if (e instanceof SessionEvent.Reconnected r) {
      t.err().println("reconnected as " + r.jid() + " at " + r.address()
          + (r.newStream() ? " on a new stream" : ""));
    }
  }
}
