package dev.xmppreactive.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class InboundRelayTest {

  private static final Duration T = Duration.ofSeconds(5);

  @Test
  void theSubscribersDemandPassesThroughUnchanged() {
    AtomicLong requested = new AtomicLong();
    InboundRelay<Integer> relay = new InboundRelay<>(e -> { });
    Flux.range(1, 100).doOnRequest(requested::addAndGet).subscribe(relay);
    assertThat(requested.get()).isZero(); // subscribed at once, asking for nothing
    StepVerifier.create(relay, 0)
        .thenRequest(3)
        .expectNext(1, 2, 3)
        .then(() -> assertThat(requested.get()).isEqualTo(3))
        .thenCancel()
        .verify(T);
  }

  @Test
  void drainingTakesTheRestAtOnceReportsTheEndAndHoldsItForTheSubscriber() {
    List<String> ends = new CopyOnWriteArrayList<>();
    InboundRelay<Integer> relay = new InboundRelay<>(e -> ends.add(String.valueOf(e)));
    Flux.range(1, 10).concatWith(Flux.error(new IllegalStateException("reset")))
        .subscribe(relay);
    StepVerifier.create(relay, 0)
        .thenRequest(2)
        .expectNext(1, 2)
        .then(relay::drainAll)
        .then(() -> assertThat(ends).containsExactly("java.lang.IllegalStateException: reset"))
        .expectNoEvent(Duration.ofMillis(20)) // held, not pushed
        .thenRequest(8)
        .expectNext(3, 4, 5, 6, 7, 8, 9, 10)
        .expectComplete() // the error went to the session, the hub goes on
        .verify(T);
  }

  @Test
  void aSecondSubscriberIsRefused() {
    InboundRelay<Integer> relay = new InboundRelay<>(e -> { });
    Flux.<Integer>never().subscribe(relay);
    relay.subscribe();
    StepVerifier.create(relay).expectError(IllegalStateException.class).verify(T);
  }
}
