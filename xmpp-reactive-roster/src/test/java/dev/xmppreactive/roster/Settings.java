package dev.xmppreactive.roster;

import dev.xmppreactive.stanza.Presence;
import java.time.Duration;
import reactor.core.scheduler.Schedulers;

/** Roster settings for the pipeline tests (create them inside a virtual-time supplier to use it). */
final class Settings {

  private Settings() {
  }

  static RosterSettings defaults() {
    return new RosterSettings(RosterStore.inMemory(), SubscriptionPolicy.MANUAL,
        Presence.available(), null, Duration.ofSeconds(30), Duration.ofSeconds(5), 16, 3,
        Schedulers.parallel(), Schedulers.boundedElastic());
  }
}
