package dev.xmppreactive.roster;

import dev.xmppreactive.stanza.Presence;
import java.time.Duration;
import reactor.core.scheduler.Scheduler;

/**
 * What a {@link RosterClient} is configured with; immutable. See the setters of {@link RosterClient}
 * for what each means and its default.
 */
record RosterSettings(
    RosterStore store,
    SubscriptionPolicy policy,
    Presence initialPresence,
    RosterHandler handler,
    Duration fetchTimeout,
    Duration pushWait,
    int feedCapacity,
    int maxPendingRequests,
    Scheduler timer,
    Scheduler handlerScheduler) {

  RosterSettings withStore(RosterStore v) {
    return new RosterSettings(v, policy, initialPresence, handler, fetchTimeout, pushWait,
        feedCapacity, maxPendingRequests, timer, handlerScheduler);
  }

  RosterSettings withPolicy(SubscriptionPolicy v) {
    return new RosterSettings(store, v, initialPresence, handler, fetchTimeout, pushWait,
        feedCapacity, maxPendingRequests, timer, handlerScheduler);
  }

  RosterSettings withInitialPresence(Presence v) {
    return new RosterSettings(store, policy, v, handler, fetchTimeout, pushWait, feedCapacity,
        maxPendingRequests, timer, handlerScheduler);
  }

  RosterSettings withHandler(RosterHandler v) {
    return new RosterSettings(store, policy, initialPresence, v, fetchTimeout, pushWait,
        feedCapacity, maxPendingRequests, timer, handlerScheduler);
  }

  RosterSettings withFetchTimeout(Duration v) {
    return new RosterSettings(store, policy, initialPresence, handler, v, pushWait, feedCapacity,
        maxPendingRequests, timer, handlerScheduler);
  }

  RosterSettings withPushWait(Duration v) {
    return new RosterSettings(store, policy, initialPresence, handler, fetchTimeout, v,
        feedCapacity, maxPendingRequests, timer, handlerScheduler);
  }

  RosterSettings withFeedCapacity(int v) {
    return new RosterSettings(store, policy, initialPresence, handler, fetchTimeout, pushWait, v,
        maxPendingRequests, timer, handlerScheduler);
  }

  RosterSettings withMaxPendingRequests(int v) {
    return new RosterSettings(store, policy, initialPresence, handler, fetchTimeout, pushWait,
        feedCapacity, v, timer, handlerScheduler);
  }

  RosterSettings withTimer(Scheduler v) {
    return new RosterSettings(store, policy, initialPresence, handler, fetchTimeout, pushWait,
        feedCapacity, maxPendingRequests, v, handlerScheduler);
  }

  RosterSettings withHandlerScheduler(Scheduler v) {
    return new RosterSettings(store, policy, initialPresence, handler, fetchTimeout, pushWait,
        feedCapacity, maxPendingRequests, timer, v);
  }
}
