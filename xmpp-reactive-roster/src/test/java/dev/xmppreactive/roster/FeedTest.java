package dev.xmppreactive.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** The change feeds: order across threads, emission outside the owner's lock, completion. */
class FeedTest {

  @Test
  void changesOfferedUnderALockFromTwoThreadsArriveInLockOrder() throws Exception {
    Feed<Integer> feed = new Feed<>("test", 100_000);
    Object lock = new Object();
    int[] seq = {0};
    Runnable writer = () -> {
      for (int i = 0; i < 20_000; i++) {
        synchronized (lock) {
          feed.offer(seq[0]++);
        }
        feed.drain();
      }
    };
    Flux<Integer> all = feed.flux().take(40_000);
    CountDownLatch go = new CountDownLatch(1);
    StepVerifier.create(all.collectList())
        .then(() -> {
          Schedulers.boundedElastic().schedule(() -> await(go, writer));
          Schedulers.boundedElastic().schedule(() -> await(go, writer));
          go.countDown();
        })
        .assertNext(list -> assertThat(list).isEqualTo(IntStream.range(0, 40_000).boxed().toList()))
        .expectComplete()
        .verify(Duration.ofSeconds(30));
  }

  private static void await(CountDownLatch go, Runnable r) {
    try {
      go.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    r.run();
  }

  @Test
  void subscribersRunOutsideTheOwnersLock() {
    Feed<String> feed = new Feed<>("test", 16);
    Object lock = new Object();
    StepVerifier.create(feed.flux().map(s -> Thread.holdsLock(lock)).take(1))
        .then(() -> {
          synchronized (lock) {
            feed.offer("x");
          }
          feed.drain();
        })
        .expectNext(false)
        .expectComplete()
        .verify(Duration.ofSeconds(5));
  }

  @Test
  void completionComesAfterWhatIsQueued() {
    Feed<String> feed = new Feed<>("test", 16);
    StepVerifier.create(feed.flux())
        .then(() -> {
          feed.offer("a");
          feed.offer("b");
          feed.complete();
        })
        .expectNext("a", "b")
        .expectComplete()
        .verify(Duration.ofSeconds(5));
    StepVerifier.create(feed.flux()).expectComplete().verify(Duration.ofSeconds(5));
  }
}
