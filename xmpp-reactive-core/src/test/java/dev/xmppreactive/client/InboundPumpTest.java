package dev.xmppreactive.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

class InboundPumpTest {

  @Test
  void nextRequestsExactlyOneAndTheSessionTakesTheRest() {
    AtomicLong requested = new AtomicLong();
    InboundPump pump = InboundPump.attach(Flux.range(1, 10).doOnRequest(requested::addAndGet));
    assertThat(requested.get()).isZero();
    StepVerifier.create(pump.next()).expectNext(1).verifyComplete();
    StepVerifier.create(pump.next()).expectNext(2).verifyComplete();
    assertThat(requested.get()).isEqualTo(2);
    StepVerifier.create(pump.takeover(), 3)
        .expectNext(3, 4, 5)
        .then(() -> assertThat(requested.get()).isEqualTo(5))
        .thenRequest(Long.MAX_VALUE)
        .expectNext(6, 7, 8, 9, 10)
        .verifyComplete();
  }

  @Test
  void theEndOfTheConnectionReachesWhoeverWaits() {
    Sinks.Many<Object> in = Sinks.many().unicast().onBackpressureBuffer();
    InboundPump pump = InboundPump.attach(in.asFlux());
    StepVerifier.create(pump.next())
        .then(() -> in.tryEmitError(new IllegalStateException("reset")))
        .verifyErrorMessage("reset");
    StepVerifier.create(pump.next()).verifyErrorMessage("reset");
    StepVerifier.create(pump.takeover()).verifyErrorMessage("reset");
  }

  @Test
  void onlyOneConsumerAtATime() {
    InboundPump pump = InboundPump.attach(Flux.never());
    StepVerifier.create(pump.next()).expectSubscription().thenCancel().verify();
    StepVerifier.create(pump.next()).expectSubscription().then(
        () -> StepVerifier.create(pump.takeover()).verifyError(IllegalStateException.class))
        .thenCancel().verify();
    StepVerifier.create(pump.takeover()).expectSubscription().then(
        () -> StepVerifier.create(pump.next()).verifyError(IllegalStateException.class))
        .thenCancel().verify();
    StepVerifier.create(pump.takeover()).verifyError(IllegalStateException.class);
  }
}
