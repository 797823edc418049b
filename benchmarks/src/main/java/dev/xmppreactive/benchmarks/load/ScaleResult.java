package dev.xmppreactive.benchmarks.load;

import java.util.List;

/**
 * The result of a scale run: sessions connected step by step, each step measured.
 *
 * @param client          {@code ours} or {@code smack}
 * @param server          the server's name
 * @param concurrency     connects in flight at once
 * @param target          the last step asked for
 * @param reached         the most sessions held up at once (at a measured step)
 * @param stop            why the run stopped before the target, or {@code null}
 * @param setupPerSecond  sessions established per second over all steps
 * @param connectLatency  time from {@code connect} to a bound session, under that concurrency
 * @param baselineHeap    heap after a full GC with the client created and one session opened and closed
 * @param steps           the steps measured
 * @param errors          the first few distinct errors
 */
record ScaleResult(String client, String server, int concurrency, int target, int reached, String stop,
                   double setupPerSecond, Latencies.Summary connectLatency, long baselineHeap,
                   List<ScaleStep> steps, List<String> errors) {
}
