package dev.xmppreactive.client;

import dev.xmppreactive.stanza.Message;
import dev.xmppreactive.stanza.Presence;
import dev.xmppreactive.stanza.Stanza;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Wires a client's handlers to a new session before any stanza flows: the brief's
 * {@link XmppHandler} (one worker per session, so its methods run one at a time and in order) and the
 * functional {@code handle((in, out) -> ...)} (whose publisher bounds the session).
 */
final class Handlers {

  private static final Logger log = LoggerFactory.getLogger(Handlers.class);

  /** How many stanzas the handler's worker takes ahead. */
  private static final int PREFETCH = 32;

  private Handlers() {
  }

  static void attach(Session session, ClientSettings s) {
    if (s.handler() != null) {
      attachHandler(session, s.handler(), s.handlerScheduler());
    }
    if (s.handle() != null) {
      Mono.defer(() -> Flux.from(s.handle().apply(session, session)).then())
          .subscribe(null, e -> {
            log.warn("the session handler failed; closing the session", e);
            session.close().subscribe();
          }, () -> session.close().subscribe());
    }
  }

  private static void attachHandler(Session session, XmppHandler h, Scheduler scheduler) {
    // One worker: onConnected first, then every stanza in order, then onDisconnected.
    Scheduler one = Schedulers.single(scheduler);
    one.schedule(() -> guard("onConnected", () -> h.onConnected(session)));
    session.receive()
        .publishOn(one, PREFETCH)
        .subscribe(st -> dispatch(session, h, st), e -> {
          disconnected(session, h, e);
          one.dispose();
        }, () -> {
          session.closeCause().map(Optional::of).defaultIfEmpty(Optional.empty())
              .subscribe(c -> one.schedule(() -> {
                disconnected(session, h, c.orElse(null));
                one.dispose();
              }));
        });
  }

  private static void dispatch(Session session, XmppHandler h, Stanza s) {
    if (s instanceof Message m) {
      guard("onMessage", () -> h.onMessage(session, m));
    } else if (s instanceof Presence p) {
      guard("onPresence", () -> h.onPresence(session, p));
    }
  }

  private static void disconnected(Session session, XmppHandler h, Throwable cause) {
    guard("onDisconnected", () -> h.onDisconnected(session, cause));
  }

  private static void guard(String what, Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      log.warn("the handler's {} threw; the session goes on", what, e);
    }
  }
}
