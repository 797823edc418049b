package dev.xmppreactive.roster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xmppreactive.jid.Jid;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/** Saving to the store: one save at a time, the latest roster only, failures survived. */
class StoreSaverTest {

  private static final Jid ALICE = Jid.of("alice@example.test");

  /** A store whose saves complete when the test says. */
  static final class SlowStore implements RosterStore {
    final List<String> saved = new CopyOnWriteArrayList<>();
    final List<Sinks.Empty<Void>> pending = new CopyOnWriteArrayList<>();

    @Override
    public Mono<RosterSnapshot> load(Jid account) {
      return Mono.empty();
    }

    @Override
    public Mono<Void> save(Jid account, RosterSnapshot roster) {
      saved.add(roster.version());
      Sinks.Empty<Void> done = Sinks.empty();
      pending.add(done);
      return done.asMono();
    }

    void finish(int i, Throwable error) {
      if (error == null) {
        pending.get(i).tryEmitEmpty();
      } else {
        pending.get(i).tryEmitError(error);
      }
    }
  }

  private static RosterSnapshot v(String ver) {
    return RosterSnapshot.of(ver, List.of());
  }

  @Test
  void rostersOfferedDuringASaveAreCoalescedIntoTheLatest() {
    SlowStore store = new SlowStore();
    StoreSaver saver = new StoreSaver(store, ALICE);
    StepVerifier.create(saver.idle()).expectComplete().verify(Duration.ofSeconds(1));
    saver.offer(v("1"));
    saver.offer(v("2"));
    saver.offer(v("3"));
    saver.offer(v("4"));
    assertThat(store.saved).containsExactly("1");
    Mono<Void> idle = saver.idle();
    StepVerifier.create(idle)
        .then(() -> store.finish(0, new RuntimeException("disk full"))) // logged; the next goes on
        .then(() -> assertThat(store.saved).containsExactly("1", "4"))
        .then(() -> store.finish(1, null))
        .expectComplete()
        .verify(Duration.ofSeconds(5));
    assertThat(store.saved).containsExactly("1", "4");
  }

  @Test
  void aStoreThatThrowsDoesNotStopTheNextSaves() {
    List<String> saved = new CopyOnWriteArrayList<>();
    RosterStore flaky = new RosterStore() {
      @Override
      public Mono<RosterSnapshot> load(Jid account) {
        return Mono.empty();
      }

      @Override
      public Mono<Void> save(Jid account, RosterSnapshot roster) {
        if (roster.version().equals("1")) {
          throw new IllegalStateException("broken");
        }
        saved.add(roster.version());
        return Mono.empty();
      }
    };
    StoreSaver saver = new StoreSaver(flaky, ALICE);
    saver.offer(v("1"));
    saver.offer(v("2"));
    StepVerifier.create(saver.idle()).expectComplete().verify(Duration.ofSeconds(5));
    assertThat(saved).containsExactly("2");
  }
}
