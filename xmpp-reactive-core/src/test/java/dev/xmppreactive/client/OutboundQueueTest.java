package dev.xmppreactive.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

class OutboundQueueTest {

  @Test
  void sixteenThreadsEmitAtOnceAndNoEmissionFails() throws Exception {
    int threads = 16;
    int each = 10_000;
    OutboundQueue<String> q = new OutboundQueue<>(threads * each);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<Sinks.EmitResult>>> results = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      results.add(pool.submit(() -> {
        start.await();
        List<Sinks.EmitResult> failed = new ArrayList<>();
        for (int i = 0; i < each; i++) {
          Sinks.EmitResult r = q.tryEmitNext(id + ":" + i);
          if (r != Sinks.EmitResult.OK) {
            failed.add(r);
          }
        }
        return failed;
      }));
    }
    start.countDown();
    for (Future<List<Sinks.EmitResult>> f : results) {
      assertThat(f.get(30, TimeUnit.SECONDS)).isEmpty();
    }
    pool.shutdown();
    // Every element is there once, and each thread's elements are in the order it emitted them.
    int[] next = new int[threads];
    int count = 0;
    OutboundQueue.Entry<String> e;
    while ((e = q.poll()) != null) {
      String[] p = e.value().split(":");
      int t = Integer.parseInt(p[0]);
      assertThat(Integer.parseInt(p[1])).isEqualTo(next[t]++);
      count++;
    }
    assertThat(count).isEqualTo(threads * each);
    assertThat(q.size()).isZero();
  }

  @Test
  void pastTheBoundEmissionsFailWithOverflowAndNothingQueuedIsLost() {
    OutboundQueue<String> q = new OutboundQueue<>(2);
    assertThat(q.tryEmitNext("a")).isEqualTo(Sinks.EmitResult.OK);
    assertThat(q.tryEmitNext("b")).isEqualTo(Sinks.EmitResult.OK);
    assertThat(q.tryEmitNext("c")).isEqualTo(Sinks.EmitResult.FAIL_OVERFLOW);
    StepVerifier.create(q.enqueue("d")).verifyError(OutboundOverflowException.class);
    assertThatThrownBy(() -> q.emitNext("e", Sinks.EmitFailureHandler.FAIL_FAST))
        .isInstanceOf(OutboundOverflowException.class);
    assertThat(q.poll().value()).isEqualTo("a");
    assertThat(q.tryEmitNext("c")).isEqualTo(Sinks.EmitResult.OK);
    assertThat(q.poll().value()).isEqualTo("b");
    assertThat(q.poll().value()).isEqualTo("c");
    assertThat(q.poll()).isNull();
  }

  @Test
  void enqueueCompletesWhenTheWriterSaysSo() {
    OutboundQueue<String> q = new OutboundQueue<>(8);
    StepVerifier.create(q.enqueue("x"))
        .then(() -> q.poll().done().success())
        .expectComplete()
        .verify(Duration.ofSeconds(5));
  }

  @Test
  void afterCompletionNothingIsAcceptedButTheQueuedRemain() {
    OutboundQueue<String> q = new OutboundQueue<>(8);
    List<String> terminated = new ArrayList<>();
    q.onTerminate(() -> terminated.add("done"));
    q.tryEmitNext("a");
    assertThat(q.tryEmitComplete()).isEqualTo(Sinks.EmitResult.OK);
    assertThat(terminated).containsExactly("done");
    assertThat(q.tryEmitNext("b")).isEqualTo(Sinks.EmitResult.FAIL_TERMINATED);
    StepVerifier.create(q.enqueue("c")).verifyError(SessionClosedException.class);
    assertThat(q.poll().value()).isEqualTo("a");
  }

  @Test
  void theListenerHearsEachEnqueueAndAsFluxShowsWhatWasWritten() {
    OutboundQueue<String> q = new OutboundQueue<>(8);
    List<String> heard = new ArrayList<>();
    q.onEnqueue(() -> heard.add("!"));
    StepVerifier.create(q.asFlux().take(2))
        .then(() -> {
          q.tryEmitNext("a");
          q.tryEmitNext("b");
          q.written(q.poll().value());
          q.written(q.poll().value());
        })
        .expectNext("a", "b")
        .verifyComplete();
    assertThat(heard).hasSize(2);
  }
}
