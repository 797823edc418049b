package dev.xmppreactive.benchmarks.load;

import java.util.List;
import java.util.Objects;

/**
 * What one worker JVM measures: one workload, one client, one server. Passed to the worker as JSON.
 *
 * @param workload       {@code scale}, {@code setup}, {@code throughput} or {@code iq}
 * @param client         {@code ours} or {@code smack}
 * @param target         the server and its accounts
 * @param firstUser      the first account number this task may use
 * @param steps          scale: the session counts to stop and measure at
 * @param concurrency    scale and setup: how many connects are in flight at once
 * @param count          setup: how many sessions to connect
 * @param pairs          throughput: sender/receiver pairs
 * @param window         throughput: messages a pair may have sent and not yet received
 * @param inFlight       iq: requests in flight on the one session
 * @param warmupSeconds  throughput and iq: how long to run before measuring
 * @param seconds        throughput and iq: how long to measure
 * @param timeoutSeconds the bound on each step (a scale step, the connects, the drain)
 */
record Task(String workload, String client, Target target, int firstUser, List<Integer> steps,
            int concurrency, int count, int pairs, int window, int inFlight, double warmupSeconds,
            double seconds, double timeoutSeconds) {

  Task {
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(target, "target");
    steps = steps == null ? List.of() : List.copyOf(steps);
  }

  /** A scale task. */
  static Task scale(String client, Target target, int firstUser, List<Integer> steps, int concurrency,
                    double timeoutSeconds) {
    return new Task("scale", client, target, firstUser, steps, concurrency, 0, 0, 0, 0, 0, 0, timeoutSeconds);
  }

  /** A setup task. */
  static Task setup(String client, Target target, int firstUser, int count, double timeoutSeconds) {
    return new Task("setup", client, target, firstUser, List.of(), 1, count, 0, 0, 0, 0, 0, timeoutSeconds);
  }

  /** A throughput task. */
  static Task throughput(String client, Target target, int firstUser, int pairs, int window,
                         double warmupSeconds, double seconds, double timeoutSeconds) {
    return new Task("throughput", client, target, firstUser, List.of(), 16, 0, pairs, window, 0,
        warmupSeconds, seconds, timeoutSeconds);
  }

  /** An IQ task. */
  static Task iq(String client, Target target, int firstUser, int inFlight, double warmupSeconds,
                 double seconds, double timeoutSeconds) {
    return new Task("iq", client, target, firstUser, List.of(), 1, 0, 0, 0, inFlight, warmupSeconds, seconds,
        timeoutSeconds);
  }

  /** The worker's label in logs, e.g. {@code scale/ours/ejabberd}. */
  String label() {
    return workload + "/" + client + "/" + target.server();
  }
}
