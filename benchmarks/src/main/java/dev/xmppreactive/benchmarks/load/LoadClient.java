package dev.xmppreactive.benchmarks.load;

import java.util.concurrent.CompletableFuture;

/**
 * One client library under load: ours or Smack, behind the few operations the workloads need, so
 * that every workload drives both the same way.
 */
interface LoadClient extends AutoCloseable {

  /** {@code ours}, {@code ours-jdktls}, {@code smack} or {@code smack-nosm}. */
  String name();

  /**
   * Connects account {@code n} of the target: TCP, STARTTLS, SASL (the target's mechanism), bind, Stream
   * Management, initial presence. Completes with the bound session.
   */
  CompletableFuture<LoadSession> connect(int n);

  /** Releases what the client's sessions share (event loops, executors). */
  @Override
  void close();

  /** The client for a task's {@link Task#client()} name. */
  static LoadClient of(String name, Target target, int concurrency) {
    return switch (name) {
      case "ours" -> new OursClient(target, false);
      case "ours-jdktls" -> new OursClient(target, true);
      case "smack" -> new SmackClient(target, concurrency, true);
      case "smack-nosm" -> new SmackClient(target, concurrency, false);
      default -> throw new IllegalArgumentException("unknown client: " + name);
    };
  }
}
