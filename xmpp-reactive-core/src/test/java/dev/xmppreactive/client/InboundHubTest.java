package dev.xmppreactive.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class InboundHubTest {

  @Test
  void withNoSubscriberItKeepsReadingAndHoldsTheLatestForTheNextOne() {
    AtomicLong requested = new AtomicLong();
    InboundHub<Integer> hub = new InboundHub<>(4);
    Flux.range(1, 100).concatWith(Flux.never()).doOnRequest(requested::addAndGet).subscribe(hub);

    assertThat(requested.get()).isGreaterThanOrEqualTo(100); // a send-only session still reads
    assertThat(hub.discarded()).isEqualTo(97); // the latest capacity - 1 are held
    StepVerifier.create(hub.take(3)).expectNext(98, 99, 100).verifyComplete();
  }

  @Test
  void aSubscriberWithoutDemandStopsTheReading() {
    AtomicLong requested = new AtomicLong();
    InboundHub<Integer> hub = new InboundHub<>(4);
    StepVerifier.create(hub, 0)
        .then(() -> Flux.range(1, 100).doOnRequest(requested::addAndGet).subscribe(hub))
        .then(() -> assertThat(requested.get()).isEqualTo(4))
        .thenRequest(6)
        .expectNext(1, 2, 3, 4, 5, 6)
        .then(() -> assertThat(requested.get()).isLessThanOrEqualTo(6 + 4))
        .then(() -> assertThat(hub.discarded()).isZero())
        .thenCancel()
        .verify(Duration.ofSeconds(5));
  }

  @Test
  void readingIsPausedExactlyWhenEverythingRequestedHasArrived() {
    Sinks.Many<Integer> src = Sinks.many().unicast().onBackpressureBuffer();
    InboundHub<Integer> hub = new InboundHub<>(4);
    assertThat(hub.readingPaused()).isFalse(); // not subscribed yet
    src.asFlux().subscribe(hub);
    StepVerifier.create(hub, 0)
        .then(() -> {
          for (int i = 1; i <= 3; i++) {
            src.tryEmitNext(i);
          }
        })
        .then(() -> assertThat(hub.readingPaused()).isFalse()) // one more was asked for
        .then(() -> src.tryEmitNext(4))
        .then(() -> assertThat(hub.readingPaused()).isTrue())
        .then(() -> assertThat(hub.buffered()).isEqualTo(4))
        .then(() -> src.tryEmitNext(5)) // the source holds it: the hub did not ask
        .thenRequest(3)
        .expectNext(1, 2, 3) // 3 = the hub's replenishing limit: it asks for 3 more
        .then(() -> assertThat(hub.readingPaused()).isFalse())
        .then(() -> assertThat(hub.buffered()).isEqualTo(2))
        .thenCancel()
        .verify(Duration.ofSeconds(5));
  }

  @Test
  void theSlowestSubscriberSetsThePace() {
    Sinks.Many<Integer> src = Sinks.many().unicast().onBackpressureBuffer();
    AtomicLong requested = new AtomicLong();
    InboundHub<Integer> hub = new InboundHub<>(2);
    src.asFlux().doOnRequest(requested::addAndGet).subscribe(hub);

    StepVerifier fast = StepVerifier.create(hub).expectNext(1, 2, 3).thenCancel().verifyLater();
    StepVerifier.create(hub, 0)
        .then(() -> {
          src.tryEmitNext(1);
          src.tryEmitNext(2);
          src.tryEmitNext(3);
        })
        .expectNoEvent(Duration.ofMillis(20))
        .thenRequest(1).expectNext(1)
        .thenRequest(2).expectNext(2, 3)
        .thenCancel()
        .verify(Duration.ofSeconds(5));
    fast.verify(Duration.ofSeconds(5));
  }

  @Test
  void aLateSubscriberSeesOnlyNewElementsAndTerminalSignalsReachEveryone() {
    Sinks.Many<Integer> src = Sinks.many().unicast().onBackpressureBuffer();
    InboundHub<Integer> hub = new InboundHub<>(8);
    src.asFlux().subscribe(hub);
    List<Integer> first = Collections.synchronizedList(new ArrayList<>());
    hub.subscribe(first::add);
    src.tryEmitNext(1);
    StepVerifier late = StepVerifier.create(hub).expectNext(2).expectComplete().verifyLater();
    src.tryEmitNext(2);
    src.tryEmitComplete();
    late.verify(Duration.ofSeconds(5));
    assertThat(first).containsExactly(1, 2);
    StepVerifier.create(hub).verifyComplete(); // after the end: the terminal signal at once
  }

  @Test
  void errorsComeAfterTheHeldElements() {
    InboundHub<Integer> hub = new InboundHub<>(8);
    Flux.just(1, 2).concatWith(Flux.error(new IllegalStateException("boom"))).subscribe(hub);
    StepVerifier.create(hub).expectNext(1, 2).verifyErrorMessage("boom");
    StepVerifier.create(hub).verifyErrorMessage("boom");
  }

  @Test
  void aCancelledSubscriberDoesNotStopTheOthers() {
    InboundHub<Integer> hub = new InboundHub<>(4);
    Sinks.Many<Integer> src = Sinks.many().unicast().onBackpressureBuffer();
    src.asFlux().subscribe(hub);
    hub.take(1).subscribe();
    StepVerifier.create(hub.take(10).collectList())
        .then(() -> {
          for (int i = 0; i < 10; i++) {
            src.tryEmitNext(i);
          }
        })
        .assertNext(l -> assertThat(l).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9))
        .verifyComplete();
  }

  @Test
  void concurrentRequestsFromOtherThreadsLoseAndRepeatNothing() {
    int n = 200_000;
    InboundHub<Integer> hub = new InboundHub<>(64);
    Flux<List<Integer>> a = hub.limitRate(7).publishOn(Schedulers.parallel(), 5).collectList().flux();
    Flux<List<Integer>> b = hub.publishOn(Schedulers.boundedElastic(), 3).collectList().flux();
    StepVerifier both = StepVerifier.create(Flux.zip(a, b))
        .assertNext(t -> {
          assertThat(t.getT1()).hasSize(n).isSorted();
          assertThat(t.getT2()).hasSize(n).isSorted();
          assertThat(t.getT1().get(n - 1)).isEqualTo(n - 1);
        })
        .expectComplete()
        .verifyLater(); // both subscribers are in place before the upstream starts
    assertThat(hub.subscriberCount()).isEqualTo(2);
    Flux.range(0, n).subscribeOn(Schedulers.single()).subscribe(hub);
    both.verify(Duration.ofSeconds(30));
  }
}
