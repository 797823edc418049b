package dev.xmppreactive.roster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Calls a {@link RosterHandler}'s roster callbacks, one at a time and in the order of the changes,
 * on one worker of the handler scheduler.
 */
final class HandlerDispatch implements Disposable {

  private static final Logger log = LoggerFactory.getLogger(HandlerDispatch.class);

  private final Roster roster;
  private final RosterHandler handler;
  private final Sinks.One<Runnable> ready = Sinks.one();
  private final Disposable subscription;

  /** Subscribes the handler to the roster's feeds. */
  HandlerDispatch(Roster roster, RosterHandler h, Scheduler scheduler) {
    this.roster = roster;
    this.handler = h;
    Scheduler one = Schedulers.single(scheduler);
    Flux<Runnable> calls = Flux.merge(
        ready.asMono(),
        roster.changes().map(c -> (Runnable) () -> h.onRosterPush(roster, c)),
        roster.subscriptions().requests().map(r -> (Runnable) () -> h.onSubscriptionRequest(roster, r)),
        roster.presences().changes().map(p -> (Runnable) () -> h.onContactPresence(roster, p)));
    this.subscription = calls.publishOn(one)
        .doFinally(s -> one.dispose())
        .subscribe(HandlerDispatch::guard,
            e -> log.error("the roster handler stopped being called: {}", e.toString()));
  }

  /** Queues {@link RosterHandler#onRosterReady} after what is queued. */
  void ready() {
    ready.tryEmitValue(() -> handler.onRosterReady(roster));
  }

  @Override
  public void dispose() {
    subscription.dispose();
  }

  @Override
  public boolean isDisposed() {
    return subscription.isDisposed();
  }

  private static void guard(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      log.warn("a roster handler callback threw; the session goes on", e);
    }
  }
}
